package org.cikg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cikg.config.KgProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code disk} component: DOWN when the store's disk has less than 100 MB free. The
 * health answer is public, so it names neither the folder nor the disk's sizes (Spring's own disk-space component,
 * which shows both, is turned off).
 */
@Component("disk")
class DiskHealth implements HealthIndicator {
    static final long THRESHOLD = 100L * 1024 * 1024;
    private final Path location;

    DiskHealth(KgProperties props) {
        this.location = props.store().location();
    }

    @Override
    public Health health() {
        try {
            Path existing = location.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            long free = existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
            return free >= THRESHOLD
                    ? Health.up().build()
                    : Health.down()
                            .withDetail("reason", "less than 100 MB free for the store")
                            .build();
        } catch (IOException e) {
            return Health.unknown().build();
        }
    }
}
