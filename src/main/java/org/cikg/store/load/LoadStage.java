package org.cikg.store.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphMapLink;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SparqlRunner;
import org.cikg.sparql.SystemQuery;
import org.cikg.store.Graphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stage every load of {@code ontology/} and {@code data/} goes through before anything is written, the same for
 * the service's load ({@link DataLoader}) and for curation ({@code CurationGraph}): the files of
 * {@link SourceFiles} parsed strictly ({@link StrictParser}) into an in-memory dataset whose default graph is the
 * union of its ontology, data and inferred graphs (as in the store), the inference rules run to a fixpoint
 * ({@link Materializer}), and the result checked against the SHACL shapes ({@link ShapeValidator}).
 *
 * <pre>{@code
 * LoadStage stage = LoadStage.fromRules(Path.of("queries/inference"));
 * SourceFiles files = SourceFiles.scan(ontology, data, stage.ruleFiles());
 * LoadStage.Staged s = stage.parse(files, null);      // parse + infer; DataLoadException on bad syntax
 * s.validate().throwIfViolated();                     // the SHACL gate
 * }</pre>
 */
public final class LoadStage {
    private static final Logger LOG = LoggerFactory.getLogger(LoadStage.class);
    /** The most a count of the whole store may take. */
    private static final Duration COUNT_LIMIT = Duration.ofMinutes(30);

    private final Materializer materializer;

    public LoadStage(Materializer materializer) {
        this.materializer = materializer;
    }

    /** A stage with the rules of {@code folder} (usually {@code queries/inference}); none when it is missing. */
    public static LoadStage fromRules(Path folder) {
        return new LoadStage(Materializer.fromFolder(folder));
    }

    /** The rule files, whose contents are part of the data hash ({@link SourceFiles#scan}). */
    public List<Path> ruleFiles() {
        return materializer.files();
    }

    /**
     * Parses every file, and {@code extraData} (null: none) into the data graph, then materialises the inferences.
     * Throws {@link org.cikg.problem.DataLoadException} on a syntax error or an ill-typed literal, naming the file
     * and line. Does not validate: see {@link Staged#validate()}.
     */
    public Staged parse(SourceFiles sources, Graph extraData) {
        Graph ontology = GraphFactory.createDefaultGraph();
        Graph data = GraphFactory.createDefaultGraph();
        Graph inferred = GraphFactory.createDefaultGraph();
        DatasetGraph staged = new DatasetGraphMapLink(new MultiUnion(new Graph[] {ontology, data, inferred}));
        staged.addGraph(Graphs.ONTOLOGY, ontology);
        staged.addGraph(Graphs.DATA, data);
        staged.addGraph(Graphs.INFERRED, inferred);
        for (SourceFiles.SourceFile f : sources.files()) {
            StrictParser.parseInto(staged, f);
        }
        if (extraData != null) {
            extraData.find().forEachRemaining(data::add);
        }
        long t0 = System.nanoTime();
        long n = materializer.run(staged);
        LOG.info("Inference: {} triples in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
        return new Staged(staged, sources);
    }

    /** The whole stage: {@link #parse}, then the SHACL gate (a violation throws {@code DataLoadException}). */
    public Staged stage(SourceFiles sources) {
        Staged s = parse(sources, null);
        // The shapes see the inferred sub-class types; a violation stops the load before the store is touched.
        s.validate().throwIfViolated();
        return s;
    }

    /**
     * Parsed, inferred graphs, in memory.
     *
     * @param dataset the ontology, data and inferred graphs ({@link Graphs}); its default graph is their union
     * @param sources the files they were read from, with their hash
     */
    public record Staged(DatasetGraph dataset, SourceFiles sources) {
        public Graph ontology() {
            return dataset.getGraph(Graphs.ONTOLOGY);
        }

        public Graph data() {
            return dataset.getGraph(Graphs.DATA);
        }

        public Graph inferred() {
            return dataset.getGraph(Graphs.INFERRED);
        }

        /** Triples read from the files (ontology and data graphs). */
        public long asserted() {
            return ontology().size() + data().size();
        }

        /** The staged graphs against the shapes in the ontology graph. */
        public ShapeValidator.Result validate() {
            return ShapeValidator.validate(dataset);
        }

        /** Distinct triples of the union of the three graphs, as the store's union default graph counts them. */
        public long unionTriples(QueryCatalog catalog) {
            return LoadStage.unionTriples(new SparqlRunner(dataset, COUNT_LIMIT), catalog);
        }
    }

    /**
     * The distinct triples in a store's (or a stage's) union default graph: the one count every load records, by the
     * catalogue's {@code system/count-triples} query. Not under a user query's time limit: a bulk-loaded store may
     * hold hundreds of millions.
     */
    public static long unionTriples(QueryRunner runner, QueryCatalog catalog) {
        long[] n = {0};
        runner.forEachRow(
                catalog.get(SystemQuery.COUNT_TRIPLES),
                Map.of(),
                COUNT_LIMIT,
                b -> n[0] = Long.parseLong(b.get("n").getLiteralLexicalForm()));
        return n[0];
    }

    /** The staged graphs by name, in the order a load writes them. */
    static Map<Node, Graph> graphs(Staged s) {
        Map<Node, Graph> out = new java.util.LinkedHashMap<>();
        out.put(Graphs.ONTOLOGY, s.ontology());
        out.put(Graphs.DATA, s.data());
        out.put(Graphs.INFERRED, s.inferred());
        return out;
    }
}
