package org.cikg.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cikg.core.Namespaces;
import org.junit.jupiter.api.Test;

/** The mention finder's matching rules, on a handful of made-up names and sentences (no seed text). */
class MentionFinderTest {
    private static final String ID = Namespaces.KGID;
    private static final String C = Namespaces.CIKG;
    private static final Map<String, Set<String>> TYPES = Map.of(
            ID + "hangzhou", Set.of(C + "City", C + "Place"),
            ID + "beijing", Set.of(C + "City", C + "Place"),
            ID + "china", Set.of(C + "Country", C + "Place"),
            ID + "xi-jinping", Set.of(C + "Person"),
            ID + "huawei", Set.of(C + "Company"),
            ID + "huawei-cloud", Set.of(C + "Company"));

    private static final MentionFinder FINDER = new MentionFinder(
            List.of(
                    name("hangzhou", "Hangzhou", "en"),
                    name("hangzhou", "هانغتشو", "ar"),
                    name("hangzhou", "Ханчжоу", "ru"),
                    name("beijing", "Пекин", "ru"),
                    name("beijing", "بكين", "ar"),
                    name("beijing", "Beijing", "en"),
                    name("china", "الصين", "ar"),
                    name("china", "סין", "he"),
                    name("china", "Китай", "ru"),
                    name("china", "chinois", "fr"),
                    name("china", "China", "en"),
                    name("xi-jinping", "Xi Jinping", "en"),
                    name("huawei", "Huawei", "en"),
                    name("huawei-cloud", "Huawei Cloud", "en"),
                    name("deepseek", "Hangzhou DeepSeek", "en"),
                    name("deepseek", "DeepSeek", "en"),
                    name("digital-zhejiang", "Digital Zhejiang", "en"),
                    name("zhejiang", "Zhejiang", "en"),
                    name("zhejiang", "Zhejiang Province", "en"),
                    name("brainco", "Cerveau", "fr"),
                    name("yrd", "Янцзыская дельта", "ru")),
            e -> TYPES.getOrDefault(e, Set.of()));

    private static CurationGraph.Name name(String slug, String text, String lang) {
        return new CurationGraph.Name(ID + slug, text, lang, false);
    }

    private static Set<String> found(String... lines) {
        return FINDER.findAll(List.of(lines)).stream()
                .flatMap(m -> m.entities().stream())
                .map(e -> e.substring(ID.length()))
                .collect(Collectors.toSet());
    }

    @Test
    void placeInsideACompanyNameIsFoundButNotTheCompanysShorterName() {
        List<MentionFinder.Mention> ms = FINDER.find("Hangzhou DeepSeek released a model.", 1);
        assertEquals(
                Set.of("hangzhou", "deepseek"),
                ms.stream()
                        .flatMap(m -> m.entities().stream())
                        .map(e -> e.substring(ID.length()))
                        .collect(Collectors.toSet()));
        assertEquals(
                1,
                ms.stream().filter(m -> m.entities().contains(ID + "deepseek")).count(),
                "DeepSeek inside Hangzhou DeepSeek is the same entity: one mention");
    }

    @Test
    void ownerInsideANameAndOverlappingNamesAreBothFound() {
        assertEquals(Set.of("huawei", "huawei-cloud"), found("partners of Huawei Cloud"));
        assertEquals(Set.of("zhejiang", "digital-zhejiang"), found("the province Zhejiang \"Digital Zhejiang\" plan"));
    }

    @Test
    void russianCaseEndingsAndAdjectivesMeetTheName() {
        assertEquals(Set.of("beijing", "china"), found("Пекинскому району китайской столицы"));
        assertEquals(Set.of("china"), found("из Китая"));
        assertEquals(Set.of("yrd"), found("в Янцзыской дельте"));
    }

    @Test
    void arabicAndHebrewRelativeAdjectivesMeetTheCountry() {
        assertEquals(Set.of("china"), found("الشركات الصينية"));
        assertEquals(Set.of("china"), found("החברות הסיניות"));
    }

    @Test
    void frenchInflectionAndAGluedArticleAreUndone() {
        assertEquals(Set.of("china"), found("des startups chinoises"));
        assertEquals(Set.of("brainco"), found("Cerveauune startup"));
    }

    @Test
    void theCityResolvesToTheFirstCityOfTheLatestLineNamingOne() {
        List<MentionFinder.Mention> ms =
                FINDER.findAll(List.of("مدينة هانغتشو تتبع سياسات بكين", "وتعمل المدينة على ذلك"));
        MentionFinder.Mention last = ms.get(ms.size() - 1);
        assertEquals(2, last.paragraph());
        assertEquals(Set.of(ID + "hangzhou"), last.entities());
        assertTrue(MentionFinder.isResolved(last));
        assertTrue(found("la ville de Hangzhou").equals(Set.of("hangzhou")), "no antecedent before the first city");
    }

    @Test
    void aSurnameAfterTheFullNameIsThePerson() {
        assertEquals(Set.of("xi-jinping"), found("Xi Jinping was party secretary.", "Then Xi left."));
        assertTrue(found("Xi left.").isEmpty(), "a surname alone, before any full name, is not resolved");
    }
}
