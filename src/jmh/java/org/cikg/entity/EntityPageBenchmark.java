package org.cikg.entity;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.cikg.bench.jmh.BenchStore;
import org.cikg.sparql.Terms;
import org.cikg.store.version.DataVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Entity page assembly as {@code EntityController} does it before the template (and before its page cache): the
 * entity's graph ({@code system/entity-graph}), the bound query text for "open as SPARQL", the inferred triples, and
 * {@link EntityPageAssembler} turning them into an {@link EntityPage}. Curated entities (DeepSeek, Hangzhou) and a
 * synthetic city of the generated graph.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class EntityPageBenchmark {
    @Param({"deepseek", "hangzhou", "anning-city-2"})
    public String slug;

    private BenchStore bench;
    private EntityReader reader;
    private Node entity;
    private List<EntityPage.Download> downloads;

    @Setup(Level.Trial)
    public void open() {
        bench = BenchStore.open();
        reader = new EntityReader(bench.store, bench.catalog, new DataVersion());
        entity = Terms.entity("slug", slug);
        downloads = Arrays.stream(RdfFormat.values())
                .map(f -> new EntityPage.Download(f.label, "/data/" + slug + "." + f.extension, f.mediaType()))
                .toList();
        Model graph = reader.entityGraph(entity)
                .orElseThrow(() -> new IllegalStateException("No entity " + slug + " in the store"));
        BenchStore.size("slug=" + slug, graph.size() + " triples read, " + (assemble().facts().size() + assemble().incoming().size())
                + " fact groups");
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
    }

    /** The page's data, assembled afresh. */
    @Benchmark
    public EntityPage assemble() {
        Model graph = reader.entityGraph(entity).orElseThrow();
        String sparql = reader.entityQueryText(entity);
        return new EntityPageAssembler(graph, graph.createResource(entity.getURI()), reader.inferred(entity),
                LabelLanguage.ENGLISH).assemble(downloads, sparql);
    }
}
