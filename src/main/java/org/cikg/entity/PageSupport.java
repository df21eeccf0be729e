package org.cikg.entity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.cikg.fuseki.FusekiEndpoints;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.ModelMap;

/** What every page and RDF response shares: the language switch, the endpoint links, writing RDF. */
final class PageSupport {
    private PageSupport() {
    }

    /** Adds the label language, the language switch and the SPARQL endpoint to the page model. */
    static LabelLanguage common(ModelMap model, HttpServletRequest request, FusekiEndpoints fuseki) {
        LabelLanguage lang = LabelLanguage.of(request);
        model.addAttribute("lang", lang);
        model.addAttribute("langChoices", LabelLanguage.choices());
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("sparqlEndpoint", sparqlEndpoint(request, fuseki).orElse(null));
        return lang;
    }

    /** The SPARQL query endpoint to name to this client; empty when there is none ({@link FusekiEndpoints}). */
    static java.util.Optional<String> sparqlEndpoint(HttpServletRequest request, FusekiEndpoints fuseki) {
        return fuseki.queryEndpoint(request.getServerName());
    }

    /** Writes {@code model} with Jena RIOT; {@code Vary: Accept} when the URL negotiates. */
    static void writeRdf(HttpServletResponse response, Model model, RdfFormat format, boolean negotiated) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(format.contentType().toString());
        if (negotiated) {
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        try {
            RDFDataMgr.write(response.getOutputStream(), model, format.writerFormat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(HttpHeaders.LOCATION, location);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }
}
