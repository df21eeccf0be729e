package org.cikg.store.version;

import java.util.concurrent.atomic.AtomicLong;
import org.cikg.store.load.StoreLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The version of the store's contents within this process: a number that changes after every committed change (a
 * load, announced by {@link StoreLoaded}; an admin SPARQL Update or Graph Store write through the embedded
 * endpoints, reported by their gate with {@link #changed()}). Caches of values derived from the data
 * ({@link DataVersionCache}) key their entries by it, so a change is seen by the next request.
 *
 * <p>It moves after the commit: a reader that sees the new number opens its read transaction after the commit and
 * reads the new data; a reader that computed under the old number only fills entries nobody asks for again.
 */
@Component
public class DataVersion {
    private final AtomicLong generation = new AtomicLong();

    /** The current version. */
    public long current() {
        return generation.get();
    }

    /** Records that the data changed (after the change committed). */
    public void changed() {
        generation.incrementAndGet();
    }

    @EventListener
    void onLoaded(StoreLoaded event) {
        changed();
    }
}
