package org.cikg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SparqlRunner;
import org.cikg.store.Graphs;
import org.cikg.store.load.Materializer;

/**
 * An in-memory TDB2 dataset set up as the service's store: the real ontology in the ontology graph, a fixture from
 * {@code src/test/resources/fixture/} in the data graph, the real inference rules run into the inferred graph, and
 * the union of the graphs as the default graph. No SHACL, no Spring: for unit tests of what reads the store.
 */
public final class InferredFixture {
    public final DatasetGraph dataset;
    public final SparqlRunner runner;
    public final QueryCatalog catalog;

    /** {@code fixture}: a file of {@code src/test/resources/fixture/}; null: the project's {@code data/}. */
    public InferredFixture(String fixture) {
        dataset = DatabaseMgr.createDatasetGraph();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        dataset.getContext().set(ARQ.httpServiceAllowed, false);
        Txn.executeWrite(dataset, () -> {
            Graph ontology = dataset.getGraph(Graphs.ONTOLOGY);
            try (Stream<Path> files = Files.list(Path.of("ontology"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".ttl"))
                        .sorted()
                        .toList()) {
                    RDFDataMgr.read(ontology, f.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (fixture == null) {
                try (Stream<Path> files = Files.walk(Path.of("data"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".ttl"))
                            .sorted()
                            .toList()) {
                        RDFDataMgr.read(dataset.getGraph(Graphs.DATA), f.toString());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                RDFDataMgr.read(
                        dataset.getGraph(Graphs.DATA),
                        InferredFixture.class.getResource("/fixture/" + fixture).toString());
            }
            Materializer.fromFolder(Path.of("queries", "inference")).run(dataset);
        });
        runner = new SparqlRunner(dataset, Duration.ofSeconds(10));
        catalog = new QueryCatalog(Path.of("queries"));
    }
}
