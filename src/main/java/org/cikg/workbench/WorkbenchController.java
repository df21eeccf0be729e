package org.cikg.workbench;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.cikg.config.KgProperties;
import org.cikg.fuseki.FusekiEndpoints;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /sparql-ui}: the workbench page, its examples and its vocabulary. The page is told the public SPARQL
 * endpoint's URL (Fuseki listens on its own port) and the query time limit; the browser sends queries there.
 */
@Controller
class WorkbenchController {
    private final ExampleShelf shelf;
    private final WorkbenchVocabulary vocabulary;
    private final FusekiEndpoints fuseki;
    private final KgProperties props;

    WorkbenchController(
            ExampleShelf shelf, WorkbenchVocabulary vocabulary, FusekiEndpoints fuseki, KgProperties props) {
        this.shelf = shelf;
        this.vocabulary = vocabulary;
        this.fuseki = fuseki;
        this.props = props;
    }

    @GetMapping(path = "/sparql-ui", produces = MediaType.TEXT_HTML_VALUE)
    String page(Model model, HttpServletRequest request) {
        model.addAttribute(
                "endpoint", fuseki.queryEndpoint(request.getServerName()).orElse(null));
        model.addAttribute("timeoutSeconds", props.sparql().timeout().toSeconds());
        model.addAttribute("examples", shelf.examples());
        model.addAttribute("defaultQuery", defaultQuery());
        return "workbench";
    }

    @GetMapping(path = "/sparql-ui/examples.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<ExampleShelf.Example> examples() {
        return shelf.examples();
    }

    @GetMapping(path = "/sparql-ui/vocabulary.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    WorkbenchVocabulary.Vocabulary vocabulary() {
        return vocabulary.vocabulary();
    }

    /** The editor's starting text: the contract prefixes and a small query over labels. */
    private static String defaultQuery() {
        String prefixes = ContractPrefixes.ALL.entrySet().stream()
                .map(e -> "PREFIX " + e.getKey() + ": <" + e.getValue() + ">")
                .collect(Collectors.joining("\n"));
        return prefixes + """


                SELECT ?entity ?label ?type WHERE {
                  ?entity a ?type ;
                      rdfs:label ?label .
                  FILTER(lang(?label) = "en" && STRSTARTS(STR(?entity), STR(kgid:)))
                }
                LIMIT 20
                """;
    }
}
