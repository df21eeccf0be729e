package org.cikg.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.core.Namespaces;
import org.cikg.explain.Explanation.Source;
import org.cikg.explain.Explanation.Term;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.QueryRunner;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Terms;
import org.cikg.store.version.DataVersion;
import org.cikg.store.version.DataVersionCache;

/**
 * What an {@link Explainer} looks up in the store besides derivations: the sources of an asserted triple (with their
 * titles) and the label of each term, in a language. Sources and labels recur across explanations (every place in
 * China ends with Zhejiang in China), so both are kept until the data changes.
 */
final class ExplanationLookups {
    static final PrefixMapping PREFIXES =
            Namespaces.mapping("cikg", "rdf", "rdfs", "owl", "skos", "prov", "dcterms", "schema", "xsd");
    private static final Node RDF_TYPE = NodeFactory.createURI(Namespaces.RDF + "type");

    private final QueryRunner runner;
    private final CatalogQuery sourcesQuery;
    private final CatalogQuery titleQuery;
    private final CatalogQuery labelQuery;
    private final DataVersionCache<Triple, List<Source>> sourceCache;
    private final DataVersionCache<Named, Term> termCache;

    private record Named(Node node, String lang, String query) {}

    ExplanationLookups(QueryRunner runner, QueryCatalog catalog, DataVersion version, int maxCached) {
        this.runner = runner;
        this.sourcesQuery = catalog.get(SystemQuery.EXPLAIN_SOURCES);
        this.titleQuery = catalog.get(SystemQuery.EXPLAIN_TITLE);
        this.labelQuery = catalog.get(SystemQuery.EXPLAIN_LABEL);
        this.sourceCache = new DataVersionCache<>(version, maxCached, java.time.Duration.ofMinutes(10));
        this.termCache = new DataVersionCache<>(version, maxCached, java.time.Duration.ofMinutes(10));
    }

    /** The statement nodes of a triple, their source titles in {@code lang}. */
    List<Source> sources(Triple t, String lang) {
        List<Source> raw = sourceCache.get(t, k -> {
            Map<String, Node> b = new LinkedHashMap<>();
            b.put("s", t.getSubject());
            b.put("p", t.getPredicate());
            b.put("o", t.getObject());
            Map<String, Source> out = new LinkedHashMap<>();
            runner.selectInTxn(sourcesQuery, b).forEach(row -> {
                Source s = source(row);
                out.putIfAbsent(s.statement(), s);
            });
            return List.copyOf(out.values());
        });
        return raw.stream()
                .map(s -> new Source(
                        s.statement(),
                        s.source(),
                        s.identifier(),
                        s.source() == null
                                ? null
                                : term(NodeFactory.createURI(s.source()), lang, titleQuery)
                                        .label(),
                        s.href(),
                        s.paragraph(),
                        s.certainty(),
                        s.startYear(),
                        s.endYear(),
                        s.editorial()))
                .toList();
    }

    private Source source(Binding row) {
        Node src = row.get("source");
        boolean editorial = src != null && src.isURI() && src.getURI().equals(Namespaces.CIKG + "EditorialKnowledge");
        Integer paragraph = row.get("paragraph") == null
                ? null
                : Integer.valueOf(row.get("paragraph").getLiteralLexicalForm());
        String href = null;
        if (!editorial && src != null && src.isURI() && src.getURI().startsWith(Namespaces.KGSRC)) {
            href = "/source/" + src.getURI().substring(Namespaces.KGSRC.length())
                    + (paragraph == null ? "" : "#p" + paragraph);
        }
        return new Source(
                uri(row.get("statement")),
                uri(src),
                lex(row.get("identifier")),
                null,
                href,
                paragraph,
                lex(row.get("certainty")),
                lex(row.get("startYear")),
                lex(row.get("endYear")),
                editorial);
    }

    /** A resource with its label in {@code lang}, or a literal. */
    Term term(Node n, String lang) {
        return term(n, lang, labelQuery);
    }

    /** A resource with its label ({@code label}: the query that finds it), or a literal. */
    private Term term(Node n, String lang, CatalogQuery labelBy) {
        return termCache.get(new Named(n, lang, labelBy.name()), k -> {
            if (n.isLiteral()) {
                String dt = n.getLiteralLanguage().isEmpty() ? n.getLiteralDatatypeURI() : null;
                return new Term(
                        null,
                        n.getLiteralLexicalForm(),
                        null,
                        dt,
                        n.getLiteralLanguage().isEmpty() ? null : n.getLiteralLanguage(),
                        null);
            }
            if (!n.isURI()) {
                return new Term(null, n.toString(), null, null, null, null);
            }
            String label = null;
            var rows = runner.selectInTxn(labelBy, Map.of("node", n, "lang", NodeFactory.createLiteralString(lang)));
            if (!rows.isEmpty()) {
                label = lex(rows.first().get().get("label"));
            }
            if (label == null && n.equals(RDF_TYPE)) {
                label = "type";
            }
            if (label == null && !PREFIXES.shortForm(n.getURI()).equals(n.getURI())) {
                // Terms of the standard vocabularies have no label here: their prefixed name reads well.
                label = PREFIXES.shortForm(n.getURI());
            }
            return new Term(n.getURI(), null, label, null, null, href(n));
        });
    }

    /** Where a resource is shown in this service; null when nowhere. */
    static String href(Node n) {
        String iri = n.getURI();
        String slug = Terms.slugOf(n);
        if (slug != null) {
            return "/page/" + slug;
        }
        if (iri.startsWith(Namespaces.KGSRC)) {
            return "/source/" + iri.substring(Namespaces.KGSRC.length());
        }
        if (iri.startsWith(Namespaces.CIKG)) {
            return "/ontology#" + iri.substring(Namespaces.CIKG.length());
        }
        return null;
    }

    private static String lex(Node n) {
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private static String uri(Node n) {
        return n == null ? null : n.isURI() ? n.getURI() : n.toString();
    }
}
