package org.cikg.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * How long SHACL validation of one data file takes with each of several versions of the shapes, in one JVM, the
 * versions taken in turn each round so that a change of machine load falls on all of them alike; prints the median
 * per version and its ratio to the first. Used to compare a change of {@code ontology/shapes.ttl} against the version
 * before it (for example {@code git show HEAD~1:ontology/shapes.ttl > /tmp/before.ttl}).
 *
 * <pre>{@code
 * mvn -q -Pbench test-compile
 * java -cp target/bench/test-classes:target/bench/classes:$(mvn -q -Pbench dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout) org.cikg.bench.ShapeValidationBench \
 *     DATA.nt.gz ROUNDS /tmp/before.ttl ontology/shapes.ttl
 * }</pre>
 *
 * The data graph is the ontology ({@code ontology/cikg.ttl}) plus the file, without inference, as a synthetic file
 * from {@code generate} needs none for these shapes.
 */
public final class ShapeValidationBench {
    private ShapeValidationBench() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: ShapeValidationBench DATA ROUNDS SHAPES...");
            System.exit(2);
        }
        Graph data = GraphFactory.createDefaultGraph();
        RDFDataMgr.read(data, "ontology/cikg.ttl");
        RDFDataMgr.read(data, args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<Shapes> versions = new ArrayList<>();
        List<List<Long>> times = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            versions.add(Shapes.parse(RDFDataMgr.loadGraph(args[i])));
            times.add(new ArrayList<>());
        }
        List<Integer> findings = new ArrayList<>(Collections.nCopies(versions.size(), -1));
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < versions.size(); k++) {
                int v = (k + round) % versions.size();
                long t0 = System.nanoTime();
                int n = ShaclValidator.get()
                        .validate(versions.get(v), data)
                        .getEntries()
                        .size();
                times.get(v).add((System.nanoTime() - t0) / 1_000_000);
                findings.set(v, n);
            }
        }
        System.out.printf("data %s: %,d triples, %d rounds%n", args[0], data.size(), rounds);
        long base = median(times.get(0));
        for (int v = 0; v < versions.size(); v++) {
            long m = median(times.get(v));
            System.out.printf(
                    "%s: median %,d ms, %.2fx the first, %d findings%n",
                    args[v + 2], m, (double) m / base, findings.get(v));
        }
    }

    private static long median(List<Long> xs) {
        List<Long> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
