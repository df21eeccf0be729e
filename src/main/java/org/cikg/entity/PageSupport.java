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
    private PageSupport() {}

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

    /** {@code model} as {@code format}, written by Jena RIOT. */
    static byte[] rdfBytes(Model model, RdfFormat format) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
        RDFDataMgr.write(out, model, format.writerFormat);
        return out.toByteArray();
    }

    /** A strong entity tag for a body: a digest of its bytes, so equal bodies share it across restarts. */
    static String etag(byte[] body) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + java.util.HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a body produced earlier; 304 without a body when the client already holds it ({@code If-None-Match}). */
    static void writeBytes(
            HttpServletRequest request, HttpServletResponse response, String contentType, byte[] body, String etag) {
        response.setHeader(HttpHeaders.ETAG, etag);
        String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match != null
                && java.util.Arrays.stream(match.split(","))
                        .map(String::trim)
                        .anyMatch(m -> m.equals(etag) || m.equals("W/" + etag) || m.equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
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
