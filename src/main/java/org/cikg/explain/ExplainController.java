package org.cikg.explain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.cikg.core.Accepts;
import org.cikg.core.RequestLanguage;
import org.cikg.problem.BadRequestException;
import org.cikg.problem.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/explain?s=&p=&o=}: why a triple holds ({@link TripleParams} reads the triple). JSON (an
 * {@link Explanation}: the tree down to asserted facts with their sources) by default, Turtle in the derivation
 * vocabulary ({@link ExplanationRdf}) with {@code Accept: text/turtle}; anything else 406. A triple the graph does not
 * hold is 404 problem+json; an asserted one is answered with its sources. Labels follow {@code lang}, else
 * {@code Accept-Language}, else English.
 */
@RestController
class ExplainController {
    static final MediaType TURTLE = MediaType.parseMediaType("text/turtle");
    static final int MAX_CHECK = 1000;
    private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON, TURTLE);

    private final Explainer explainer;

    ExplainController(Explainer explainer) {
        this.explainer = explainer;
    }

    @GetMapping("/api/explain")
    ResponseEntity<?> explain(
            @RequestParam(required = false) String s,
            @RequestParam(required = false) String p,
            @RequestParam(required = false) String o,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage)
            throws HttpMediaTypeNotAcceptableException {
        MediaType format = negotiate(accept);
        Triple t = TripleParams.triple(s, p, o);
        Explanation e = explainer
                .explain(t, RequestLanguage.primary(RequestLanguage.resolve(lang, acceptLanguage)))
                .orElseThrow(() -> new NotFoundException("The graph does not hold this triple, asserted or inferred: "
                        + org.apache.jena.riot.out.NodeFmtLib.str(t)));
        ResponseEntity.BodyBuilder ok =
                ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE);
        if (format.equals(TURTLE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, ExplanationRdf.of(e), RDFFormat.TURTLE_PRETTY);
            return ok.contentType(new MediaType(TURTLE, StandardCharsets.UTF_8)).body(out.toByteArray());
        }
        return ok.contentType(MediaType.APPLICATION_JSON).body(e);
    }

    /** The triples of a check: SPARQL JSON result terms ({@code {"type": "uri", "value": ...}}). */
    record Check(List<Map<String, Map<String, String>>> triples) {}

    /** Which triples of a check are inferred, in order. */
    record Checked(List<Boolean> inferred) {}

    /**
     * {@code POST /api/explain/inferred}: which of up to {@value #MAX_CHECK} triples the store holds only because the
     * rules added them (the workbench asks this to put an "explain" link on such rows). Triples as
     * {@code {"triples": [{"s": term, "p": term, "o": term}]}} with terms in the SPARQL JSON results form; a blank node
     * or a triple the store does not hold is not inferred.
     */
    @PostMapping(
            path = "/api/explain/inferred",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Checked inferred(@RequestBody Check check) {
        if (check == null || check.triples() == null) {
            throw new BadRequestException("The body must be {\"triples\": [{\"s\": term, \"p\": term, \"o\": term}]}");
        }
        if (check.triples().size() > MAX_CHECK) {
            throw new BadRequestException("At most " + MAX_CHECK + " triples per check");
        }
        List<Boolean> out = new java.util.ArrayList<>();
        for (Map<String, Map<String, String>> t : check.triples()) {
            Node s = TripleParams.term(t == null ? null : t.get("s"));
            Node p = TripleParams.term(t == null ? null : t.get("p"));
            Node o = TripleParams.term(t == null ? null : t.get("o"));
            out.add(s != null
                    && p != null
                    && o != null
                    && !s.isLiteral()
                    && p.isURI()
                    && explainer.isInferred(Triple.create(s, p, o)));
        }
        return new Checked(out);
    }

    private static MediaType negotiate(String accept) throws HttpMediaTypeNotAcceptableException {
        return Accepts.firstOf(accept, PRODUCED).orElseThrow(() -> new HttpMediaTypeNotAcceptableException(PRODUCED));
    }
}
