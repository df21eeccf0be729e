package org.cikg.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health}'s {@code store} component: triples, last load and data hash. */
@Component("store")
class StoreHealth implements HealthIndicator {
    private final KnowledgeStore store;

    StoreHealth(KnowledgeStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            KnowledgeStore.StoreStatus s = store.status();
            Health.Builder b = s.hash() == null ? Health.outOfService() : Health.up();
            return b.withDetail("triples", s.triples())
                    .withDetail("assertedTriples", s.asserted())
                    .withDetail("inferredTriples", s.inferred())
                    .withDetail("files", s.files())
                    .withDetail("lastLoad", String.valueOf(s.loadedAt()))
                    .withDetail("dataHash", String.valueOf(s.hash()))
                    .build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
