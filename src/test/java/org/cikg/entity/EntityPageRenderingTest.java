package org.cikg.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.cikg.config.KgProperties;
import org.cikg.sparql.QueryCatalog;
import org.cikg.store.KnowledgeStore;
import org.cikg.store.load.DataLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the real templates over a temporary store holding the real ontology and a hostile fixture
 * ({@code src/test/resources/fixture/hostile.ttl}, never part of {@code data/}): markup in labels, glosses, variants,
 * source titles and curator notes must come out as text.
 */
class EntityPageRenderingTest {
    @TempDir
    Path tmp;

    private KnowledgeStore store;
    private QueryCatalog catalog;
    private EntityReader reader;
    private SpringTemplateEngine engine;

    @BeforeEach
    void loadFixture() throws IOException {
        Path ontology = Files.createDirectories(tmp.resolve("ontology"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("ontology"))) {
            for (Path f : files.toList()) {
                Files.copy(f, ontology.resolve(f.getFileName()));
            }
        }
        try (InputStream in = getClass().getResourceAsStream("/fixture/hostile.ttl")) {
            Files.copy(in, data.resolve("hostile.ttl"));
        }
        KgProperties props = new KgProperties(
                new KgProperties.Store(tmp.resolve("tdb2"), ontology, data),
                new KgProperties.Sparql(Duration.ofSeconds(10), Path.of("queries")),
                new KgProperties.Fuseki(false, 0),
                new KgProperties.Admin("admin", ""));
        catalog = new QueryCatalog(props);
        store = new KnowledgeStore(props, catalog);
        new DataLoader(store, props, catalog).loadIfChanged();
        reader = new EntityReader(store.runner(), catalog);

        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode("HTML");
        resolver.setCharacterEncoding("UTF-8");
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    @AfterEach
    void close() {
        store.destroy();
    }

    private Context context(LabelLanguage lang) {
        Context ctx = new Context();
        ctx.setVariable("lang", lang);
        ctx.setVariable("langChoices", LabelLanguage.choices());
        ctx.setVariable("path", "/page/evil-corp");
        ctx.setVariable("sparqlEndpoint", "http://localhost:3030/kg/sparql");
        return ctx;
    }

    @Test
    void markupInLabelsGlossesVariantsAndNotesRendersAsText() {
        Node e = NodeFactory.createURI("https://w3id.org/cikg/id/evil-corp");
        Model m = reader.entityGraph(e).orElseThrow();
        EntityPage page = new EntityPageAssembler(
                        m, m.createResource(e.getURI()), reader.inferred(e), LabelLanguage.ENGLISH)
                .assemble(List.of(), reader.entityQueryText(e));
        assertThat(page.title()).isEqualTo("<script>alert(1)</script> Corp");
        Context ctx = context(LabelLanguage.ENGLISH);
        ctx.setVariable("page", page);
        ctx.setVariable("sparqlLink", "http://localhost:3030/kg/sparql?query=x");
        String html = engine.process("entity", ctx);

        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Corp")
                .contains("Société &lt;b&gt;maligne&lt;/b&gt;")
                .contains("&lt;/p&gt;&lt;script&gt;alert(4)&lt;/script&gt;")
                .contains("Town &lt;iframe src=javascript:alert(5)&gt;")
                .contains("&lt;img src=x onerror=alert(3)&gt; article");
        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("<b>maligne")
                .doesNotContain("<svg onload")
                .doesNotContain("<iframe")
                .doesNotContain("<img src=x");
        // The only script elements are the site's own: the autocomplete and the year control.
        assertThat(html.split("<script", -1)).hasSize(3);
        assertThat(html)
                .contains("<script src=\"/js/autocomplete.js\" defer>")
                .contains("<script src=\"/js/asof.js\" defer>");
        // The hedged claim is visibly marked.
        assertThat(html).contains("badge hedged");
    }

    @Test
    void hostileSourceTitleAndNoteRenderAsTextOnTheSourcePage() {
        Node src = NodeFactory.createURI("https://w3id.org/cikg/source/900_fixture");
        Model m = reader.sourceGraph(src).orElseThrow();
        SourcePage page = SourcePage.of(m, m.createResource(src.getURI()), "900_fixture", LabelLanguage.ENGLISH);
        assertThat(page.paragraphs())
                .singleElement()
                .satisfies(p -> assertThat(p.number()).isEqualTo(2));
        Context ctx = context(LabelLanguage.ENGLISH);
        ctx.setVariable("source", page);
        String html = engine.process("source", ctx);
        assertThat(html)
                .contains("&lt;img src=x onerror=alert(3)&gt; article")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Corp")
                .doesNotContain("<img src=x")
                .doesNotContain("<script>alert");
    }

    @Test
    void unknownEntityHasNoGraphAndSuggestionsShareAWord() {
        assertThat(reader.entityGraph(NodeFactory.createURI("https://w3id.org/cikg/id/evil-inc")))
                .isEmpty();
        assertThat(new org.cikg.query.EntitySuggestions(store, catalog).forName("evil-inc"))
                .extracting(org.cikg.problem.UnknownEntityException.Suggestion::page)
                .containsExactly("/page/evil-corp");
        assertThat(reader.inferred(NodeFactory.createURI("https://w3id.org/cikg/id/evil-corp")))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(
                                Set.of(t.getSubject().getURI(), t.getObject().toString()))
                        .anyMatch(s -> s.contains("evil-corp")));
    }
}
