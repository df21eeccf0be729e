package org.cikg.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.cikg.core.Namespaces;
import org.cikg.store.load.SourceFiles;

/**
 * Writes a synthetic graph of about {@code targetTriples} triples to a {@link StreamRDF}: first every curated file
 * of {@code ontology/} and {@code data/} unchanged (so the real questions keep their real answers), then made-up
 * entities in the same shape as the curated ones until the target is reached.
 *
 * <p>The made-up part follows {@code docs/curation.md}: places in a five-level hierarchy (country, macro-region,
 * province, city, district); organisations (startups, companies, universities, institutes, investment firms,
 * government bodies) with headquarters, founders, founding years, sectors and the policies they benefited from;
 * policies with kinds, issuers, the place that first introduced them and dated adoptions; officials with their
 * posts ({@code cikg:Position} nodes); indicators. Every entity has exactly one {@code @en} label and names in Han,
 * Cyrillic, Arabic and Hebrew script; every claim is asserted plainly and again as an {@code rdf:Statement} derived
 * from a synthetic {@code cikg:SourceDocument} with a paragraph inside its line count and a certainty.
 *
 * <p>Memory stays constant whatever the size: an entity's IRI, type and names are a function of the seed and its
 * index, so references to earlier entities are recomputed rather than remembered, and nothing is buffered. The same
 * seed and target always give the same triples in the same order. Synthetic IRIs never collide with curated ones
 * (every synthetic slug ends in a number) and synthetic triples never touch curated entities.
 *
 * <pre>{@code
 * try (OutputStream out = ...) {
 *     StreamRDF sink = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
 *     sink.start();
 *     SyntheticGraphWriter.Result r = new SyntheticGraphWriter(42).write(Path.of("ontology"), Path.of("data"), 1_000_000, sink);
 *     sink.finish();
 * }
 * }</pre>
 */
public final class SyntheticGraphWriter {

    /** Lines of every synthetic source document; paragraphs are drawn within it. */
    static final int SOURCE_LINES = SyntheticClaims.SOURCE_LINES;

    /** What was written. */
    public record Result(
            long triples,
            long curatedTriples,
            long places,
            long organisations,
            long people,
            long policies,
            long indicators,
            long statements,
            long sources) {}

    private final long seed;
    private final SplittableRandom random;
    private SyntheticClaims out;

    /** A generator for one seed; the place tree is sized when {@link #write} learns the target. */
    public SyntheticGraphWriter(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Streams the curated files, then synthetic entities, into {@code sink} (which the caller starts and finishes)
     * until at least {@code targetTriples} triples were written.
     */
    public Result write(Path ontology, Path data, long targetTriples, StreamRDF sink) {
        this.out = new SyntheticClaims(sink, random);
        Namespaces.of("cikg", "kgid", "kgsrc", "kgst", "rdf", "rdfs", "xsd", "prov", "dcterms")
                .forEach(sink::prefix);
        long curated = copyCurated(ontology, data, sink);
        PlaceTree places = new PlaceTree(seed, targetTriples);
        places.write(out);
        SyntheticEntities entities = new SyntheticEntities(seed, random, out, places);
        while (out.triples() < targetTriples) {
            entities.writeOne();
        }
        return new Result(
                out.triples(),
                curated,
                places.size(),
                entities.orgs,
                entities.people,
                entities.policies,
                entities.indicators,
                out.statements(),
                out.sources());
    }

    // ---- curated data --------------------------------------------------------------------------------------

    private long copyCurated(Path ontology, Path data, StreamRDF sink) {
        long before = out.triples();
        // Blank nodes get labels from their file and order, not Jena's random ids, so the output is byte-for-byte
        // the same for a seed. The map holds only the curated files' blank nodes.
        java.util.Map<Node, Node> blanks = new java.util.HashMap<>();
        int[] file = {0};
        java.util.function.UnaryOperator<Node> fix = n -> !n.isBlank()
                ? n
                : blanks.computeIfAbsent(
                        n, b -> NodeFactory.createBlankNode("curated" + file[0] + "x" + blanks.size()));
        StreamRDF copy = new StreamRDFWrapper(sink) {
            @Override
            public void start() {}

            @Override
            public void finish() {}

            @Override
            public void base(String base) {}

            @Override
            public void prefix(String prefix, String iri) {}

            @Override
            public void triple(Triple t) {
                out.emit(fix.apply(t.getSubject()), t.getPredicate(), fix.apply(t.getObject()));
            }

            @Override
            public void quad(Quad q) {
                out.emit(fix.apply(q.getSubject()), q.getPredicate(), fix.apply(q.getObject()));
            }
        };
        for (SourceFiles.SourceFile f :
                SourceFiles.scan(ontology, data, List.of()).files()) {
            file[0]++;
            blanks.clear();
            RDFParser.source(f.path()).lang(f.lang()).parse(copy);
        }
        return out.triples() - before;
    }
}
