package org.cikg.sparql;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.cikg.config.KgProperties;

/**
 * The bounds every query on an embedded dataset runs under, set once in the dataset's context so that Fuseki's
 * endpoints and the facade's {@link SparqlRunner} get the same ones (ARQ merges the dataset's context into each
 * execution's):
 * <ul>
 *   <li>{@code arq:queryTimeout}: {@code kg.sparql.timeout}, the default for executions that set none (the
 *       endpoints and {@link SparqlRunner} set theirs explicitly, never longer);</li>
 *   <li>{@code arq:spillToDiskThreshold}: {@code kg.sparql.spill-threshold}. In Jena 5.6.0 it is honoured by
 *       {@code ORDER BY} ({@code QueryIterSort}, a sorted bag that spills sorted runs to temporary files and merges
 *       them) and {@code DISTINCT} ({@code QueryIterDistinct}), and by the {@code WHERE} of {@code DELETE/INSERT}
 *       updates. It is <em>not</em> honoured by {@code GROUP BY} (one accumulator a group, in memory), by the hash
 *       tables of joins, {@code OPTIONAL} and {@code MINUS}, or by {@code CONSTRUCT} and {@code DESCRIBE}, whose
 *       graph Fuseki builds in memory before writing it; those are bounded by the timeout and the heap;</li>
 *   <li>regular expressions that stop at the deadline, with patterns at most {@code kg.sparql.regex-max-length}
 *       characters ({@link DeadlineRegex}).</li>
 * </ul>
 */
public final class QueryBounds {
    private QueryBounds() {}

    /** Sets the bounds in {@code context} (a dataset's). */
    public static void apply(Context context, KgProperties.Sparql sparql) {
        context.set(ARQ.queryTimeout, Long.toString(sparql.timeout().toMillis()));
        context.set(ARQ.spillToDiskThreshold, sparql.spillThreshold());
        DeadlineRegex.install(context, sparql.regexMaxLength());
    }
}
