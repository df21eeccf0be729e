package org.cikg.store.load;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.Path;
import org.cikg.core.Namespaces;
import org.cikg.problem.DataLoadException;
import org.cikg.store.Graphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the loaded graphs against the SHACL shapes of {@code ontology/shapes.ttl} (Jena SHACL, SHACL Core plus
 * SPARQL constraints). {@link DataLoader} runs it on every load, after inference and before anything is written to
 * the store: the shapes are the ones in the ontology graph, the data is the union of the ontology, data and inferred
 * graphs (the shapes rely on the materialised sub-class closure and on the ontology's concept schemes). Violations
 * abort the load; warnings and infos are logged.
 *
 * <pre>{@code
 * ShapeValidator.Result r = ShapeValidator.validate(dsg);   // inside a transaction
 * r.throwIfViolated();                                       // DataLoadException listing up to 20 violations
 * }</pre>
 */
public final class ShapeValidator {
    private static final Logger LOG = LoggerFactory.getLogger(ShapeValidator.class);
    /** How many violations a {@link DataLoadException} message lists. */
    static final int MAX_LISTED = 20;

    private static final PrefixMapping PREFIXES =
            Namespaces.mapping("cikg", "kgid", "kgsrc", "kgst", "rdf", "rdfs", "skos", "prov", "dcterms");
    private static final PrefixMap PREFIX_MAP = PrefixMapFactory.create(PREFIXES);
    private static final Prologue PROLOGUE = new Prologue(PREFIXES);

    /** One result of the validation, with the focus node and path written compactly (prefixed names). */
    public record Finding(Severity severity, String focusNode, String path, String message) {
        @Override
        public String toString() {
            return focusNode + " " + path + ": " + message;
        }
    }

    /** All findings of one validation. */
    public record Result(List<Finding> violations, List<Finding> warnings) {
        public boolean conforms() {
            return violations.isEmpty();
        }

        /** Throws a {@link DataLoadException} listing the first {@value #MAX_LISTED} violations, if there are any. */
        public void throwIfViolated() {
            if (violations.isEmpty()) {
                return;
            }
            StringBuilder msg = new StringBuilder("SHACL validation failed with ")
                    .append(violations.size())
                    .append(violations.size() == 1 ? " violation" : " violations")
                    .append(" (ontology/shapes.ttl):");
            violations.stream()
                    .limit(MAX_LISTED)
                    .forEach(v -> msg.append("\n  ").append(v));
            if (violations.size() > MAX_LISTED) {
                msg.append("\n  ... and ")
                        .append(violations.size() - MAX_LISTED)
                        .append(" more");
            }
            throw new DataLoadException(msg.toString());
        }
    }

    private ShapeValidator() {}

    /**
     * Validates the union of the ontology, data and inferred graphs of {@code dsg} against the shapes in its ontology
     * graph; over a transactional store, call it inside a transaction. The union is copied into memory first: the
     * SPARQL constraints run many small queries, which are much faster over an in-memory graph than over TDB2.
     */
    public static Result validate(DatasetGraph dsg) {
        Graph shapesGraph = copy(dsg, Graphs.ONTOLOGY);
        Graph data = copy(dsg, Graphs.ONTOLOGY, Graphs.DATA, Graphs.INFERRED);
        return validate(Shapes.parse(shapesGraph), data);
    }

    /** Validates {@code data} against {@code shapes} and logs the warnings. */
    public static Result validate(Shapes shapes, Graph data) {
        long t0 = System.nanoTime();
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<Finding> findings = report.getEntries().stream()
                .map(ShapeValidator::finding)
                .sorted(java.util.Comparator.comparing(Finding::focusNode)
                        .thenComparing(Finding::path)
                        .thenComparing(Finding::message))
                .toList();
        List<Finding> violations = findings.stream()
                .filter(f -> Severity.Violation.equals(f.severity()))
                .toList();
        List<Finding> warnings = findings.stream()
                .filter(f -> !Severity.Violation.equals(f.severity()))
                .toList();
        warnings.forEach(w -> LOG.warn("SHACL {}: {}", w.severity().level().getLocalName(), w));
        LOG.info(
                "SHACL validation of {} triples: {} violations, {} warnings in {} ms",
                data.size(),
                violations.size(),
                warnings.size(),
                (System.nanoTime() - t0) / 1_000_000);
        return new Result(violations, warnings);
    }

    private static Graph copy(DatasetGraph dsg, Node... graphs) {
        Graph g = GraphFactory.createDefaultGraph();
        for (Node name : graphs) {
            dsg.getGraph(name).find().forEachRemaining(g::add);
        }
        return g;
    }

    private static Finding finding(ReportEntry e) {
        Path path = e.resultPath();
        String message = e.message() != null ? e.message() : String.valueOf(e.sourceConstraintComponent());
        Node value = e.value();
        if (value != null) {
            String shown = value.isLiteral() ? value.getLiteralLexicalForm() : NodeFmtLib.str(value, PREFIX_MAP);
            if (!message.contains(shown)) {
                message = message + " (value " + NodeFmtLib.str(value, PREFIX_MAP) + ")";
            }
        }
        return new Finding(
                e.severity(),
                NodeFmtLib.str(e.focusNode(), PREFIX_MAP),
                path == null ? "-" : path.toString(PROLOGUE),
                message);
    }
}
