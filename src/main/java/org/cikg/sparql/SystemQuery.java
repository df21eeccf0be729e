package org.cikg.sparql;

/**
 * Every query the service itself asks the catalogue for by name: the files under {@code queries/system/}, and the
 * public questions a page also runs (entity pages list an entity's disagreements with {@code conflicts}). The
 * catalogue resolves all of them when it is created, at start-up, so a missing or renamed {@code .rq} file stops
 * start-up with its name (rather than answering 404 on first use). Code asks for them only through these constants
 * ({@link QueryCatalog#get(SystemQuery)}); names that come from a request are looked up with
 * {@link QueryCatalog#find(String)}.
 */
public enum SystemQuery {
    CLASS_COUNTS("system/class-counts"),
    CLASS_MEMBERS("system/class-members"),
    CONFLICTS("conflicts"),
    COUNT_TRIPLES("system/count-triples"),
    ENTITY_EXISTS("system/entity-exists"),
    ENTITY_GRAPH("system/entity-graph"),
    ENTITY_INFERRED("system/entity-inferred"),
    ENTITY_KINDS("system/entity-kinds"),
    ENTITY_LABELS("system/entity-labels"),
    ENTITY_SUGGEST("system/entity-suggest"),
    ENTITY_YEARS("system/entity-years"),
    EXPLAIN_LABEL("system/explain-label"),
    EXPLAIN_SOURCES("system/explain-sources"),
    EXPLAIN_STATUS("system/explain-status"),
    EXPLAIN_TITLE("system/explain-title"),
    GAZETTEER_CHECK("system/gazetteer-check"),
    GRAPH_LINKS("system/graph-links"),
    GRAPH_NODE("system/graph-node"),
    GRAPH_PROPERTY_LABELS("system/graph-property-labels"),
    GRAPH_SOURCE_TITLE("system/graph-source-title"),
    GRAPH_SIZE("system/graph-size"),
    GRAPH_STATEMENTS("system/graph-statements"),
    ONTOLOGY_CLASS("system/ontology-class"),
    ONTOLOGY_GRAPH("system/ontology-graph"),
    ONTOLOGY_TERM("system/ontology-term"),
    RECONCILE_EXTEND("system/reconcile-extend"),
    RECONCILE_PROPERTIES("system/reconcile-properties"),
    RECONCILE_PROPOSE("system/reconcile-propose"),
    RECONCILE_VALUES("system/reconcile-values"),
    SEARCH_CLASSES("system/search-classes"),
    SEARCH_CONNECTEDNESS("system/search-connectedness"),
    SEARCH_ENTITY("system/search-entity"),
    SEARCH_LABELS("system/search-labels"),
    SEARCH_TYPES("system/search-types"),
    SOURCE_GRAPH("system/source-graph"),
    SOURCES("system/sources"),
    STORE_STATUS("system/store-status"),
    VOID_EXAMPLES("system/void-examples"),
    VOID_SUBSETS("system/void-subsets"),
    WORKBENCH_VOCABULARY("system/workbench-vocabulary");

    private final String path;

    SystemQuery(String path) {
        this.path = path;
    }

    /** The name in the catalogue: the path below {@code queries/} without {@code .rq}. */
    public String path() {
        return path;
    }
}
