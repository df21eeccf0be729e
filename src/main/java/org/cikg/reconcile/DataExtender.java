package org.cikg.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.cikg.core.LabelPicker;
import org.cikg.core.Namespaces;
import org.cikg.problem.BadRequestException;
import org.cikg.search.SearchIndex;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.cikg.sparql.Table;
import org.cikg.sparql.Terms;
import org.cikg.store.KnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * Data extension (OpenRefine's "add columns from reconciled values"): the properties to propose for a type, and the
 * values of requested properties for a list of entity ids.
 *
 * <p>Cells follow the Reconciliation API: an entity value is {@code {"id": slug, "name": label}} (a reconciled cell,
 * named in the requested language when it has a label there, else in English); a number is {@code {"float": x}}
 * ({@code {"int": n}} for an integer), a year {@code {"int": 2023}} (a year is a number, not a midnight timestamp), a
 * date {@code {"date": "2023-05-01T00:00:00+00:00"}}, a boolean {@code {"bool": b}}, anything else
 * {@code {"str": text}}; language-tagged strings are given in the requested language when there are any in it, else
 * in English, else all. Every cell also says where it comes from: {@code "sources"}, a list of
 * {@code {"source": IRI, "paragraph": n, "certainty": "stated"|"hedged"}} (one per statement; empty for a value the
 * inference rules derived or that no statement records), and {@code "certainty"}: {@code "stated"} when a source
 * states it, {@code "hedged"} when every source hedges it, absent when there is none. OpenRefine reads the value keys
 * and ignores the others. Values are asserted or inferred ({@code locatedIn} includes the province and country of a
 * city). An id that names no entity gets a row of empty lists.
 *
 * <pre>{@code
 * extender.extend(List.of("deepseek"), List.of(new Requested("headquarteredIn", null)), "fr")
 * // {meta: [{id: headquarteredIn, name: "headquartered in", type: {id: Place, name: Place}}],
 * //  rows: {deepseek: {headquarteredIn: [{id: hangzhou, name: Hangzhou}]}}}
 * }</pre>
 */
@Component
public class DataExtender {
    public static final int MAX_IDS = 500;
    public static final int MAX_PROPERTIES = 50;
    /** The languages names are kept in; the {@code lang} setting offers these. */
    public static final List<String> LANGUAGES = List.of("en", "zh", "ar", "he", "ru", "fr");

    private final KnowledgeStore store;
    private final QueryCatalog catalog;
    private final Reconciler reconciler;
    private final SearchIndex index;

    public DataExtender(KnowledgeStore store, QueryCatalog catalog, Reconciler reconciler, SearchIndex index) {
        this.store = store;
        this.catalog = catalog;
        this.reconciler = reconciler;
        this.index = index;
    }

    /** A column's metadata: the property's local name, English label, and the class of its values if entities. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Column(String id, String name, Candidate.TypeRef type) {}

    /** One requested property, with its own language setting (null: the request's). */
    public record Requested(String id, String lang) {}

    /** The answer: {@code meta} in the order asked, {@code rows} by id as given, each by property id. */
    public record Extension(List<Column> meta, Map<String, Map<String, List<Map<String, Object>>>> rows) {}

    /** The properties to propose for a class IRI (null: every property), by English label. */
    public List<Column> propose(String typeIri) {
        if (typeIri == null) {
            return new ArrayList<>(columns().values());
        }
        if (!index.classes().containsKey(typeIri)) {
            throw new BadRequestException("'type' is not a class of the ontology: " + typeIri);
        }
        Table rows = store.runner()
                .select(
                        catalog.get(SystemQuery.RECONCILE_PROPOSE),
                        Map.of("type", org.apache.jena.graph.NodeFactory.createURI(typeIri)));
        Map<String, Column> out = new LinkedHashMap<>();
        for (Binding b : rows) {
            String local = b.get(Var.alloc("property")).getURI().substring(Namespaces.CIKG.length());
            Node label = b.get(Var.alloc("label"));
            out.putIfAbsent(
                    local,
                    new Column(
                            local,
                            label == null ? local : label.getLiteralLexicalForm(),
                            rangeType(b.get(Var.alloc("range")))));
        }
        return out.values().stream().sorted(Comparator.comparing(Column::name)).toList();
    }

    /** Validates a property id against the ontology (400 when it is no property of ours). */
    public Column column(String id) {
        return column(columns(), id);
    }

    private static Column column(Map<String, Column> columns, String id) {
        String local = Terms.ontologyTerm("extend.properties.id", id).getURI().substring(Namespaces.CIKG.length());
        Column c = columns.get(local);
        if (c == null) {
            throw new BadRequestException(
                    "'" + id + "' is not a property of the ontology (see /reconcile/suggest/property)");
        }
        return c;
    }

    /** Every property of the ontology as a column, by local name. */
    private Map<String, Column> columns() {
        Map<String, Column> out = new java.util.TreeMap<>();
        Map<String, List<Node>> labels = new java.util.HashMap<>();
        for (Binding b : store.runner().select(catalog.get(SystemQuery.RECONCILE_PROPERTIES), Map.of())) {
            String local = b.get(Var.alloc("property")).getURI().substring(Namespaces.CIKG.length());
            labels.computeIfAbsent(local, k -> new ArrayList<>()).add(b.get(Var.alloc("label")));
            Column c = out.getOrDefault(local, new Column(local, local, null));
            Candidate.TypeRef type = c.type() != null ? c.type() : rangeType(b.get(Var.alloc("range")));
            out.put(local, new Column(local, c.name(), type));
        }
        out.replaceAll((local, c) -> new Column(
                local,
                LabelPicker.best(labels.get(local), "en")
                        .map(Node::getLiteralLexicalForm)
                        .orElse(c.name()),
                c.type()));
        return out;
    }

    private Candidate.TypeRef rangeType(Node range) {
        return range != null && range.isURI() && index.classes().containsKey(range.getURI())
                ? reconciler.typeRef(range.getURI())
                : null;
    }

    /**
     * The rows for {@code ids} (slugs or IRIs; 400 when one is not an entity id at all) and the requested properties
     * (400 when one is unknown), names in {@code lang} where a property does not set its own.
     */
    public Extension extend(List<String> ids, List<Requested> properties, String lang) {
        if (ids.size() > MAX_IDS) {
            throw new BadRequestException("'extend.ids' holds " + ids.size() + " ids; at most " + MAX_IDS);
        }
        if (properties.size() > MAX_PROPERTIES) {
            throw new BadRequestException(
                    "'extend.properties' holds " + properties.size() + " properties; at most " + MAX_PROPERTIES);
        }
        // One read of the ontology's properties for the whole request, not one per requested property.
        Map<String, Column> columns = columns();
        List<Column> meta = new ArrayList<>();
        for (Requested r : properties) {
            meta.add(column(columns, r.id()));
        }
        Map<String, Node> entities = new LinkedHashMap<>();
        for (String id : ids) {
            entities.put(id, Terms.entity("extend.ids", id));
        }
        Map<String, Map<String, List<Map<String, Object>>>> rows = new LinkedHashMap<>();
        store.runner().read(() -> {
            entities.forEach((id, entity) -> rows.put(id, row(entity, properties, meta, lang)));
            return null;
        });
        return new Extension(meta, rows);
    }

    private Map<String, List<Map<String, Object>>> row(
            Node entity, List<Requested> properties, List<Column> meta, String lang) {
        // property IRI -> value -> names by language
        Map<String, Map<Node, Map<String, String>>> values = new LinkedHashMap<>();
        // property IRI -> value -> statement -> its source, paragraph, certainty
        Map<String, Map<Node, Map<Node, Map<String, Object>>>> provenance = new LinkedHashMap<>();
        CatalogQuery extend = catalog.get(SystemQuery.RECONCILE_EXTEND);
        for (Binding b : store.runner().selectInTxn(extend, Map.of("entity", entity))) {
            Node value = b.get(Var.alloc("value"));
            if (value.isBlank()) {
                continue;
            }
            String property = b.get(Var.alloc("property")).getURI();
            Map<String, String> names = values.computeIfAbsent(property, k -> new LinkedHashMap<>())
                    .computeIfAbsent(value, k -> new LinkedHashMap<>());
            Node name = b.get(Var.alloc("name"));
            if (name != null && name.isLiteral()) {
                names.putIfAbsent(name.getLiteralLanguage().toLowerCase(Locale.ROOT), name.getLiteralLexicalForm());
            }
            Node statement = b.get(Var.alloc("statement"));
            Node source = b.get(Var.alloc("source"));
            if (statement != null && source != null && source.isURI()) {
                Map<String, Object> from = provenance
                        .computeIfAbsent(property, k -> new LinkedHashMap<>())
                        .computeIfAbsent(value, k -> new LinkedHashMap<>())
                        .computeIfAbsent(statement, k -> new LinkedHashMap<>());
                from.putIfAbsent("source", source.getURI());
                Node para = b.get(Var.alloc("paragraph"));
                if (para != null && para.isLiteral() && para.getLiteralValue() instanceof Number n) {
                    from.putIfAbsent("paragraph", n.intValue());
                }
                Node certainty = b.get(Var.alloc("certainty"));
                if (certainty != null && certainty.isLiteral()) {
                    from.putIfAbsent("certainty", certainty.getLiteralLexicalForm());
                }
            }
        }
        Map<String, List<Map<String, Object>>> row = new LinkedHashMap<>();
        for (int i = 0; i < properties.size(); i++) {
            String want = properties.get(i).lang() != null ? properties.get(i).lang() : lang;
            String property = Namespaces.CIKG + meta.get(i).id();
            Map<Node, Map<String, String>> vs = values.getOrDefault(property, Map.of());
            row.put(
                    properties.get(i).id(),
                    ExtensionCells.cells(vs, want, provenance.getOrDefault(property, Map.of())));
        }
        return row;
    }
}
