package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.cikg.store.version.DataVersion;
import org.junit.jupiter.api.Test;

/** Pages as of a year are cached apart from the current ones: churning the year variants keeps every current page. */
class PageCacheTest {
    @Test
    void yearVariantsBeyondTheirBoundEvictNoCurrentPage() {
        PageCache cache = new PageCache(new DataVersion(), 20);
        AtomicInteger renders = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            PageCache.PageKey key = new PageCache.PageKey("entity-" + i, "en", "", "/page/entity-" + i, null);
            cache.pages(key).get(key, k -> render(renders));
        }
        for (int i = 0; i < 2_000; i++) {
            PageCache.PageKey key = new PageCache.PageKey("entity-" + (i % 100), "en", "", "/page/x", 1990 + i / 100);
            cache.pages(key).get(key, k -> render(renders));
        }
        assertThat(cache.pagesAsOf.size()).isLessThanOrEqualTo(20);
        int before = renders.get();
        for (int i = 0; i < 100; i++) {
            PageCache.PageKey key = new PageCache.PageKey("entity-" + i, "en", "", "/page/entity-" + i, null);
            cache.pages(key).get(key, k -> render(renders));
        }
        assertThat(renders.get()).as("current pages rendered again").isEqualTo(before);
        assertThat(cache.pages.size()).isEqualTo(100);
    }

    private static PageCache.Rendered render(AtomicInteger renders) {
        renders.incrementAndGet();
        return new PageCache.Rendered(new byte[] {1}, "e");
    }
}
