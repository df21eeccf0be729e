package org.cikg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cikg.sparql.CatalogQuery;
import org.cikg.sparql.QueryCatalog;
import org.junit.jupiter.api.Test;

/** The public catalogue files parse, carry complete headers and answer the questions of the public contract. */
class CatalogueFilesTest {
    private static final QueryCatalog CATALOG = new QueryCatalog(Path.of("queries"));

    @Test
    void catalogueHoldsEveryQuestionOfTheContract() {
        Set<String> names = Set.copyOf(
                CATALOG.publicQueries().stream().map(CatalogQuery::name).toList());
        for (String required : List.of(
                "policy-beneficiaries",
                "organisations-in-place",
                "policies-of-place",
                "policy-diffusion",
                "people-posts",
                "company-profile",
                "place-profile",
                "indicators-compare",
                "timeline",
                "claim-sources",
                "connections",
                "source-entities")) {
            assertTrue(names.contains(required), "catalogue lacks " + required);
        }
    }

    @Test
    void everyPublicQueryHasTitleDescriptionExampleAndALangParameter() {
        for (CatalogQuery q : CATALOG.publicQueries()) {
            assertFalse(q.title().isBlank(), q.name());
            assertFalse(q.description().isBlank(), q.name() + " has no description");
            assertFalse(q.example().isBlank(), q.name() + " has no example");
            assertTrue(q.query().isSelectType(), q.name() + " is not a SELECT");
            CatalogQuery.Param lang = q.params().stream()
                    .filter(p -> p.name().equals("lang"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(q.name() + " declares no lang parameter"));
            assertEquals("lang", lang.type(), q.name());
        }
    }

    @Test
    void examplesUseOnlyDeclaredParametersAndGiveEveryRequiredOne() {
        for (CatalogQuery q : CATALOG.publicQueries()) {
            List<String> given = List.of(q.example().split("&")).stream()
                    .map(p -> p.split("=", 2)[0])
                    .toList();
            for (String g : given) {
                assertTrue(q.params().stream().anyMatch(p -> p.name().equals(g)), q.name() + ": example uses " + g);
            }
            q.params().stream()
                    .filter(CatalogQuery.Param::required)
                    .forEach(p -> assertTrue(given.contains(p.name()), q.name() + ": example lacks " + p.name()));
        }
    }

    @Test
    void exampleLinksAreEncoded() {
        CatalogQuery q = CATALOG.get("indicators-compare");
        CatalogQuery spaced = new CatalogQuery(
                q.name(),
                q.title(),
                q.description(),
                q.params(),
                "measure=share of GDP&year=2025",
                q.text(),
                q.query());
        assertEquals("/api/queries/indicators-compare?measure=share%20of%20GDP&year=2025", QueryLinks.example(spaced));
    }
}
