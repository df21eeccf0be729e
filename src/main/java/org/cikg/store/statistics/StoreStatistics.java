package org.cikg.store.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.solver.stats.Stats;
import org.apache.jena.tdb2.solver.stats.StatsCollectorNodeId;
import org.apache.jena.tdb2.solver.stats.StatsResults;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes TDB2's optimizer statistics ({@code stats.opt}: triples per predicate and per {@code rdf:type}, what
 * {@code tdb2.tdbstats} prints) into the store's current {@code Data-NNNN} folder after a load, so the optimizer orders
 * a query's triple patterns by how many triples each can match instead of by a fixed guess. Our data sits in named
 * graphs read through the union default graph, so the counts are over every quad (a triple in two graphs counts twice,
 * which an estimate can bear). TDB2 reads the file when it opens the store: the next start uses the statistics of
 * the last load.
 */
public final class StoreStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(StoreStatistics.class);
    /** The file name TDB2 looks for in a {@code Data-NNNN} folder. */
    public static final String FILE = "stats.opt";

    private StoreStatistics() {}

    /** Counts the store's quads and writes {@value #FILE}; returns the file written. */
    public static Path write(DatasetGraph dataset) {
        long t0 = System.nanoTime();
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dataset);
        StatsResults results = Txn.calculateRead(dataset, () -> {
            var quads = tdb.getQuadTable().getNodeTupleTable();
            StatsCollectorNodeId stats = new StatsCollectorNodeId(quads.getNodeTable());
            Iterator<Tuple<NodeId>> it = quads.findAll();
            while (it.hasNext()) {
                Tuple<NodeId> q = it.next();
                stats.record(q.get(0), q.get(1), q.get(2), q.get(3));
            }
            return stats.results();
        });
        Path file = Path.of(tdb.getLocation().getDirectoryPath()).resolve(FILE);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                Stats.write(out, results);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        LOG.info(
                "Optimizer statistics: {} quads, {} predicates, {} types counted in {} ms into {}",
                results.getCount(),
                results.getPredicates().size(),
                results.getTypes().size(),
                (System.nanoTime() - t0) / 1_000_000,
                file);
        return file;
    }
}
