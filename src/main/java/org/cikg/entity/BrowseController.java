package org.cikg.entity;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.cikg.fuseki.FusekiEndpoints;
import org.cikg.sparql.Terms;
import org.cikg.web.BadRequestException;
import org.cikg.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The source-document pages ({@code /source/{stem}}) and the class listings ({@code /class/{Local}}). */
@Controller
class BrowseController {
    private final EntityReader reader;
    private final FusekiEndpoints fuseki;

    BrowseController(EntityReader reader, FusekiEndpoints fuseki) {
        this.reader = reader;
        this.fuseki = fuseki;
    }

    @GetMapping(path = "/source/{stem}", produces = "text/html")
    String source(@PathVariable String stem, HttpServletRequest request, ModelMap model) {
        LabelLanguage lang = PageSupport.common(model, request, fuseki);
        Node src;
        try {
            src = Terms.source("stem", stem);
        } catch (BadRequestException e) {
            throw new NotFoundException("No source document '" + stem + "'");
        }
        Model m = reader.sourceGraph(src).orElseThrow(() -> new NotFoundException("No source document '" + stem + "'"));
        model.addAttribute("source", SourcePage.of(m, m.createResource(src.getURI()),
                src.getURI().substring(Terms.SOURCE_NS.length()), lang));
        return "source";
    }

    @GetMapping(path = "/class/{local}", produces = "text/html")
    String members(@PathVariable String local, HttpServletRequest request, ModelMap model) {
        LabelLanguage lang = PageSupport.common(model, request, fuseki);
        Node cls;
        try {
            cls = Terms.ontologyTerm("class", local);
        } catch (BadRequestException e) {
            throw new NotFoundException("No class '" + local + "' in the ontology");
        }
        EntityReader.ClassCount info = reader.classCounts().stream().filter(c -> c.iri().equals(cls.getURI()))
                .findFirst().orElseThrow(() -> new NotFoundException("No class '" + local + "' in the ontology"));
        model.addAttribute("cls", info);
        model.addAttribute("members", reader.members(cls, lang));
        return "class";
    }
}
