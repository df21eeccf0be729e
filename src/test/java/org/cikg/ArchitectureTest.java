package org.cikg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cikg.sparql.QueryCatalog;
import org.cikg.sparql.SystemQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure of the service, checked on its compiled classes (test classes left out): no package cycles,
 * and no class using a class of a higher layer. The layers, lowest first; a package may use its own classes and those
 * of any lower layer, never those of its own layer's other packages or of a higher one:
 *
 * <pre>
 *  0  problem, config      exceptions with their one status mapping; the kg.* settings and the command context
 *  1  core                 namespaces, label picking, the request's language, bound query to text
 *  2  sparql               the query catalogue, terms from request values, the embedded runner
 *  3  remote               the remote store: its HTTP connection, its runner, the push of a load into it
 *  4  store                the dataset (embedded or remote), its named graphs, its health
 *  5  store.statistics     TDB2 optimizer statistics
 *  6  store.load           the staged load (parse, inference, SHACL, swap), bulk load, the load command
 *  7  store.version, store.backup
 *                          data versions and caches; backup, restore, compaction
 *  8  fuseki               the embedded SPARQL endpoints
 *  9  explain              why a triple holds: the inference rules walked backwards
 * 10  asof                 the graph as it stood in a year: the year view every query can run over
 * 11  search, query, synth, coverage
 *                          features other features build on (search, the named questions) and the stand-alone tools
 * 12  reconcile, curation, graph, entity, workbench
 *                          features built on those (entity holds every HTML page, the home page included)
 * 13  admin                the admin calls, over load and backup
 * 14  replication          a writer's change log and the read replicas that follow it (its snapshot calls are
 *                          admin calls)
 * 15  org.cikg             the boot class, which hands each command its context
 * </pre>
 * A new package must be given a place here, or {@link #everyPackageHasALayer} fails.
 */
class ArchitectureTest {
    static final String ROOT = "org.cikg";

    /** Lowest first. */
    static final List<List<String>> LAYERS = List.of(
            List.of("problem", "config"),
            List.of("core"),
            List.of("sparql"),
            List.of("remote"),
            List.of("store"),
            List.of("store.statistics"),
            List.of("store.load"),
            List.of("store.version", "store.backup"),
            List.of("fuseki"),
            List.of("explain"),
            List.of("asof"),
            List.of("search", "query", "synth", "coverage"),
            List.of("reconcile", "curation", "graph", "entity", "workbench"),
            List.of("admin"),
            List.of("replication"),
            List.of(""));

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static String pkg(String relative) {
        return relative.isEmpty() ? ROOT : ROOT + "." + relative;
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noPackageUsesAHigherLayerOrAnotherPackageOfItsOwn() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String p : LAYERS.get(i)) {
                List<String> forbidden = new ArrayList<>();
                for (int j = i; j < LAYERS.size(); j++) {
                    LAYERS.get(j).stream()
                            .filter(q -> !q.equals(p))
                            .map(ArchitectureTest::pkg)
                            .forEach(forbidden::add);
                }
                rules.add(noClasses()
                        .that()
                        .resideInAPackage(pkg(p))
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(forbidden.toArray(String[]::new))
                        .because(pkg(p) + " is in layer " + i + " (see ArchitectureTest's javadoc)")
                        .allowEmptyShould(true));
            }
        }
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules) {
            var result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /**
     * The queries the code asks for by name are {@link SystemQuery} constants, which the catalogue resolves at
     * start-up; a name spelled in code ({@code catalog.get("system/...")}) would only fail on first use.
     */
    @Test
    void codeAsksForQueriesBySystemQueryConstants() {
        noClasses()
                .that()
                .resideOutsideOfPackage(pkg("sparql"))
                .should()
                .callMethod(QueryCatalog.class, "get", String.class)
                .because("a query the code needs is a SystemQuery constant, checked when the catalogue is created")
                .check(classes);
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> placed =
                LAYERS.stream().flatMap(List::stream).map(ArchitectureTest::pkg).collect(Collectors.toSet());
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            found.add(c.getPackageName());
        }
        assertThat(found).as("packages of src/main/java").isNotEmpty();
        assertThat(placed).as("packages placed in ArchitectureTest.LAYERS").containsAll(found);
    }
}
