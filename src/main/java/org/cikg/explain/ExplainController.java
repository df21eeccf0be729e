package org.cikg.explain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.cikg.core.Accepts;
import org.cikg.core.RequestLanguage;
import org.cikg.problem.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
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
    private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON, TURTLE);

    private final Explainer explainer;

    ExplainController(Explainer explainer) {
        this.explainer = explainer;
    }

    @GetMapping("/api/explain")
    ResponseEntity<?> explain(@RequestParam(required = false) String s, @RequestParam(required = false) String p,
                              @RequestParam(required = false) String o, @RequestParam(required = false) String lang,
                              @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                              @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage)
            throws HttpMediaTypeNotAcceptableException {
        MediaType format = negotiate(accept);
        Triple t = TripleParams.triple(s, p, o);
        Explanation e = explainer.explain(t, RequestLanguage.primary(RequestLanguage.resolve(lang, acceptLanguage)))
                .orElseThrow(() -> new NotFoundException("The graph does not hold this triple, asserted or inferred: "
                        + org.apache.jena.riot.out.NodeFmtLib.str(t)));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE);
        if (format.equals(TURTLE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, ExplanationRdf.of(e), RDFFormat.TURTLE_PRETTY);
            return ok.contentType(new MediaType(TURTLE, StandardCharsets.UTF_8)).body(out.toByteArray());
        }
        return ok.contentType(MediaType.APPLICATION_JSON).body(e);
    }

    private static MediaType negotiate(String accept) throws HttpMediaTypeNotAcceptableException {
        return Accepts.firstOf(accept, PRODUCED).orElseThrow(() -> new HttpMediaTypeNotAcceptableException(PRODUCED));
    }
}
