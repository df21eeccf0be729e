package org.cikg.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** SERVICE is found wherever a CONSTRUCT hides it; plain patterns pass. */
class ConstructGuardTest {

    private static boolean service(String q) {
        return ConstructExport.usesService(QueryFactory.create(q));
    }

    @Test
    void serviceIsFoundAtTopLevelInSubQueriesOptionalsUnionsAndExists() {
        assertThat(service("CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://x.org/s> { ?s ?p ?o } }"))
                .isTrue();
        assertThat(service("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://x.org/s> "
                        + "{ ?s ?p ?x } } }"))
                .isTrue();
        assertThat(service("CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { SERVICE <http://x.org/s> "
                        + "{ ?s ?p ?o } } }"))
                .isTrue();
        assertThat(service("CONSTRUCT { ?s ?p ?o } WHERE { { SELECT * WHERE { SERVICE <http://x.org/s> "
                        + "{ ?s ?p ?o } } } }"))
                .isTrue();
        assertThat(service("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE ?endpoint "
                        + "{ ?s ?p ?o } } }"))
                .isTrue();
        assertThat(service("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o BIND(EXISTS { SERVICE <http://x.org/s> "
                        + "{ ?s ?p ?o } } AS ?b) }"))
                .isTrue();
    }

    @Test
    void constructWithoutServicePasses() {
        assertThat(service("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER EXISTS { ?o ?q ?r } "
                        + "{ SELECT ?s WHERE { ?s a ?c } LIMIT 5 } }"))
                .isFalse();
    }
}
