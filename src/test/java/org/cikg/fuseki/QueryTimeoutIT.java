package org.cikg.fuseki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.cikg.support.ServiceITBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A query that runs past {@code kg.sparql.timeout} gets 503 from the endpoint. */
@TestPropertySource(properties = "kg.sparql.timeout=1s")
class QueryTimeoutIT extends ServiceITBase {

    @Test
    void queryPastTheTimeoutGets503() {
        long t0 = System.nanoTime();
        // A three-way cross product of every triple: ~10^11 rows to count, far past one second.
        HttpResponse<String> r = sparql("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(ms).as("answered soon after the 1 s limit").isLessThan(30_000);
    }
}
