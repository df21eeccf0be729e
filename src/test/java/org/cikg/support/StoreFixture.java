package org.cikg.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.load.DataLoader;

/** A store over a temporary folder: the real ontology and query catalogue, plus a small fixture or the real data. */
public final class StoreFixture implements AutoCloseable {
    public final Path root;
    public final KgProperties props;
    public final QueryCatalog catalog;
    public KnowledgeStore store;
    public DataLoader loader;

    public StoreFixture(Path root) throws IOException {
        this(root, false);
    }

    /** With {@code realData}, the data folder is a copy of the project's {@code data/} instead of the fixture. */
    public StoreFixture(Path root, boolean realData) throws IOException {
        this(root, realData, KgProperties.Gazetteer.NONE);
    }

    /** As above, with the project's gazetteer ({@code gazetteer/}) loaded at {@code level}. */
    public StoreFixture(Path root, boolean realData, KgProperties.Gazetteer level) throws IOException {
        this.root = root;
        Path ontology = Files.createDirectories(root.resolve("ontology"));
        Path data = Files.createDirectories(root.resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("ontology"))) {
            for (Path f : files.toList()) {
                Files.copy(f, ontology.resolve(f.getFileName()));
            }
        }
        if (realData) {
            try (Stream<Path> files = Files.walk(Path.of("data"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = data.resolve(Path.of("data").relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        } else {
            try (InputStream in = StoreFixture.class.getResourceAsStream("/fixture/mini.ttl")) {
                Files.copy(in, data.resolve("mini.ttl"));
            }
        }
        this.props = new KgProperties(
                new KgProperties.Store(root.resolve("tdb2"), ontology, data).withGazetteer(level),
                new KgProperties.Sparql(Duration.ofSeconds(10), Path.of("queries")),
                new KgProperties.Fuseki(false, 0),
                new KgProperties.Admin("admin", ""));
        this.catalog = new QueryCatalog(props);
        open();
    }

    public void open() {
        store = new KnowledgeStore(props, catalog);
        loader = new DataLoader(store, props, catalog);
    }

    public Path data() {
        return props.store().data();
    }

    @Override
    public void close() {
        store.destroy();
    }
}
