package org.cikg.store.load;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Brings the store up to date before anything serves it: created after the store and before the SPARQL endpoints
 * start (they are a lifecycle bean), so a bad data file stops start-up and nothing half-loaded is ever served.
 */
@Component
@ConditionalOnProperty(name = "kg.store.load-on-start", havingValue = "true", matchIfMissing = true)
class StartupLoad implements InitializingBean {
    private final DataLoader loader;

    StartupLoad(DataLoader loader) {
        this.loader = loader;
    }

    @Override
    public void afterPropertiesSet() {
        loader.loadIfChanged();
    }
}
