package org.cikg.entity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.cikg.core.Namespaces;
import org.cikg.fuseki.FusekiEndpoints;
import org.cikg.problem.BadRequestException;
import org.cikg.problem.NotFoundException;
import org.cikg.sparql.Terms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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
        model.addAttribute(
                "source",
                SourcePage.of(
                        m, m.createResource(src.getURI()), src.getURI().substring(Namespaces.KGSRC.length()), lang));
        return "source";
    }

    /** Members per page of a class page, unless the request says {@code size}; and the most it may ask for. */
    static final int MEMBERS_PER_PAGE = 200;

    static final int MAX_MEMBERS_PER_PAGE = 1000;

    @GetMapping(path = "/class/{local}", produces = "text/html")
    String members(
            @PathVariable String local,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + MEMBERS_PER_PAGE) int size,
            HttpServletRequest request,
            ModelMap model) {
        if (page < 1) {
            throw new BadRequestException("page must be 1 or more");
        }
        if (size < 1 || size > MAX_MEMBERS_PER_PAGE) {
            throw new BadRequestException("size must be from 1 to " + MAX_MEMBERS_PER_PAGE);
        }
        LabelLanguage lang = PageSupport.common(model, request, fuseki);
        Node cls;
        try {
            cls = Terms.ontologyTerm("class", local);
        } catch (BadRequestException e) {
            throw new NotFoundException("No class '" + local + "' in the ontology");
        }
        EntityReader.ClassCount info = reader.classCounts().stream()
                .filter(c -> c.iri().equals(cls.getURI()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No class '" + local + "' in the ontology"));
        model.addAttribute("cls", info);
        List<EntityReader.Member> members = reader.members(cls, lang, page, size);
        if (members.isEmpty() && page > 1) {
            throw new NotFoundException("Class '" + local + "' has no page " + page);
        }
        boolean more = members.size() > size;
        model.addAttribute("members", more ? members.subList(0, size) : members);
        model.addAttribute("page", page);
        model.addAttribute("size", size);
        model.addAttribute("first", (long) (page - 1) * size + 1);
        model.addAttribute("previousPage", page > 1 ? page - 1 : null);
        model.addAttribute("nextPage", more ? page + 1 : null);
        return "class";
    }
}
