package org.cikg.coverage;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.core.Namespaces;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.Table;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * Renders the coverage report as Markdown: one section per query in {@code queries/reports/} (in file-name order),
 * headed by the query's title and description, with its result as a table. Everything is read in one transaction,
 * and the output holds no timestamps, so the same data always gives the same text (the committed
 * {@code docs/coverage.md} is checked against it by a test).
 *
 * <pre>{@code
 * String md = new CoverageReport(store, catalog).markdown();
 * }</pre>
 */
@Component
public class CoverageReport {
    static final String FOLDER = "reports/";
    private static final PrefixMap PREFIXES =
            Namespaces.prefixMap("cikg", "kgid", "kgsrc", "rdf", "rdfs", "skos", "prov", "dcterms");

    private final KnowledgeStore store;
    private final QueryCatalog catalog;

    public CoverageReport(KnowledgeStore store, QueryCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** The report queries, in file-name order. */
    public List<CatalogQuery> queries() {
        return catalog.all().stream()
                .filter(q -> q.name().startsWith(FOLDER))
                .sorted(Comparator.comparing(CatalogQuery::name))
                .toList();
    }

    /** The whole report as Markdown. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Coverage of the curated graph\n\n")
                .append("Generated from the loaded store by `java -jar target/cikg-0.1.0-SNAPSHOT.jar coverage` ")
                .append("(see the README); do not edit by hand. Each section is one query in `queries/reports/`; ")
                .append("`CoverageReportTest` fails when this file no longer matches the data.\n\n")
                .append("A **sum** row adds up each count column: an entity that two articles mention, or that has ")
                .append("two classes (Beijing is a City and a Province), counts twice there.\n");
        store.runner().read(() -> {
            for (CatalogQuery q : queries()) {
                Table rows = store.runner().selectInTxn(q, Map.of());
                md.append("\n## ").append(q.title()).append("\n\n");
                if (!q.description().isBlank()) {
                    md.append(q.description())
                            .append(" (`queries/")
                            .append(q.name())
                            .append(".rq`)\n\n");
                }
                table(md, rows);
            }
            return null;
        });
        return md.toString();
    }

    private static void table(StringBuilder md, Table rows) {
        List<Var> vars = rows.vars();
        md.append('|');
        vars.forEach(v -> md.append(' ').append(v.getVarName()).append(" |"));
        md.append("\n|");
        vars.forEach(v -> md.append("---|"));
        md.append('\n');
        int n = 0;
        long[] totals = new long[vars.size()];
        boolean[] numeric = new boolean[vars.size()];
        java.util.Arrays.fill(numeric, true);
        for (Binding b : rows) {
            n++;
            md.append('|');
            for (int i = 0; i < vars.size(); i++) {
                Node node = b.get(vars.get(i));
                md.append(' ').append(cell(node)).append(" |");
                if (node == null) {
                    continue;
                }
                if (node.isLiteral()
                        && node.getLiteralLexicalForm().matches("\\d+")
                        && node.getLiteralDatatypeURI().endsWith("#integer")) {
                    totals[i] += Long.parseLong(node.getLiteralLexicalForm());
                } else {
                    numeric[i] = false;
                }
            }
            md.append('\n');
        }
        if (n > 1 && !numeric[0]) {
            md.append("| **sum** |");
            for (int i = 1; i < vars.size(); i++) {
                md.append(' ').append(numeric[i] ? "**" + totals[i] + "**" : "").append(" |");
            }
            md.append('\n');
        }
    }

    private static String cell(Node node) {
        if (node == null) {
            return "";
        }
        String text = node.isLiteral() ? node.getLiteralLexicalForm() : NodeFmtLib.str(node, PREFIXES);
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
