package org.cikg.store.load;

import org.cikg.store.KnowledgeStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Brings the store up to date before anything serves it: created after the store and before the SPARQL endpoints
 * start (they are a lifecycle bean), so a bad data file stops start-up and nothing half-loaded is ever served. A read
 * replica loads nothing itself: its contents come from the writer's change log.
 */
@Component
@ConditionalOnProperty(name = "kg.store.load-on-start", havingValue = "true", matchIfMissing = true)
class StartupLoad implements InitializingBean {
    private final DataLoader loader;
    private final KnowledgeStore store;

    StartupLoad(DataLoader loader, KnowledgeStore store) {
        this.loader = loader;
        this.store = store;
    }

    @Override
    public void afterPropertiesSet() {
        if (store.writeRefusal().isPresent()) {
            return;
        }
        loader.loadIfChanged();
    }
}
