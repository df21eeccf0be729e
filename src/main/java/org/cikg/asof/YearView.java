package org.cikg.asof;

import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SparqlRunner;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * The one way every reader gets the graph as of a year: {@link #runner} gives a {@link QueryRunner} whose queries see
 * only what holds in that year (TDB2 applies a {@link YearFilter} while it scans), or the store's own runner without
 * a year. Any catalogue query runs over it unchanged: pages, RDF documents, named questions, exports.
 *
 * <pre>{@code
 * QueryRunner r = view.runner(AsOf.parse(request.getParameter(AsOf.PARAM)));
 * r.select(catalog.get("organisations-in-place"), Map.of("place", zhejiang));   // as of that year
 * }</pre>
 *
 * <p>The view needs the embedded TDB2 store: with a remote store a year is refused (409 problem).
 */
@Component
public class YearView {
    private final KnowledgeStore store;
    private final ValidityOracle oracle;

    public YearView(KnowledgeStore store, ValidityOracle oracle) {
        this.store = store;
        this.oracle = oracle;
    }

    /** The oracle the view filters by (validity of single triples, lives of entities). */
    public ValidityOracle oracle() {
        return oracle;
    }

    /** The store's runner, or one that sees the graph as of the year. */
    public QueryRunner runner(Optional<AsOf> asOf) {
        if (asOf.isEmpty()) {
            return store.runner();
        }
        store.requireEmbedded(
                "Reading the graph as of a year (asOf)", "leave asOf out, or run the service over the embedded store");
        return over(
                store.dataset(),
                (SparqlRunner) store.runner(),
                oracle,
                asOf.get().year());
    }

    /** {@code base} (a runner over the TDB2 dataset {@code dataset}) seeing only what holds in {@code year}. */
    static SparqlRunner over(DatasetGraph dataset, SparqlRunner base, ValidityOracle oracle, int year) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dataset);
        return base.withContext(
                SystemTDB.symTupleFilter,
                Txn.calculateRead(
                        dataset,
                        () -> new YearFilter(
                                tdb.getQuadTable().getNodeTupleTable().getNodeTable(), oracle, year)));
    }
}
