package org.cikg.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.cikg.support.StandaloneVirtuoso;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The backend checks with {@code kg.store.mode=remote} over Virtuoso Open Source (its own temporary database on
 * loopback, one server for the class): queries go to the anonymous, read-only {@code /sparql}; the load goes in
 * through the digest-authenticated Graph Store endpoint ({@code /sparql-graph-crud-auth}) and is switched in with one
 * request to {@code /sparql-auth}, as a load account with the {@code SPARQL_UPDATE} role.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "kg.store.mode=remote",
            "kg.fuseki.port=0",
            "kg.admin.password=it-secret",
            "kg.store.location=target/it-store/unused-${random.uuid}",
            "kg.store.batch-triples=2000"
        })
class RemoteVirtuosoStoreIT extends RemoteBackendChecks {
    static final StandaloneVirtuoso VIRTUOSO = StandaloneVirtuoso.startNew("virtuoso-backend");

    @DynamicPropertySource
    static void remoteStore(DynamicPropertyRegistry registry) {
        registry.add("kg.store.query-endpoint", VIRTUOSO::queryEndpoint);
        registry.add("kg.store.gsp-endpoint", VIRTUOSO::gspEndpoint);
        registry.add("kg.store.update-endpoint", VIRTUOSO::updateEndpoint);
        registry.add("kg.store.user", () -> StandaloneVirtuoso.LOADER);
        registry.add("kg.store.password", () -> StandaloneVirtuoso.LOADER_PASSWORD);
    }

    @Test
    void noEmbeddedEndpointsRunInRemoteMode() {
        assertThat(fuseki.port()).isEqualTo(-1);
    }

    @Override
    String storeQueryEndpoint() {
        return VIRTUOSO.queryEndpoint();
    }

    @Override
    String storeUpdateEndpoint() {
        return VIRTUOSO.updateEndpoint();
    }
}
