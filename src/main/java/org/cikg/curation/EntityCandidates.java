package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;
import static org.cikg.core.Namespaces.KGID;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.cikg.search.LegalForms;
import org.cikg.search.NameNormalizer;

/**
 * New-entity candidates of a line: each span {@link NameSpans} finds is matched against the graph's names (by
 * transliteration or consonant skeleton) and the official gazetteer; what stays unknown is proposed as a new entity
 * with a class (legal form, founder cue, class word, Chinese personal name, else an organisation) and a slug.
 */
final class EntityCandidates {
    private static final Pattern PINYIN_SYLLABLE = Pattern.compile(
            "(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ao|ou|an|en|in|"
                    + "un|er|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)");
    private static final Pattern PINYIN_WORD = Pattern.compile("(?:" + PINYIN_SYLLABLE.pattern() + "){1,2}");

    private final CurationGraph graph;
    private final GazetteerIndex gazetteer;
    private final Function<String, Set<String>> types;
    private final Map<String, String> byTransliteration = new HashMap<>();
    private final Map<String, String> bySkeleton = new HashMap<>();
    private final NameNormalizer normalizer = new NameNormalizer();
    private final LegalForms legalForms = new LegalForms(normalizer);

    EntityCandidates(CurationGraph graph, GazetteerIndex gazetteer, Function<String, Set<String>> types) {
        this.graph = graph;
        this.gazetteer = gazetteer;
        this.types = types;
        for (CurationGraph.Name n : graph.names()) {
            String k = NameKeys.translit(n.text());
            if (k.length() >= 4) {
                byTransliteration.merge(k, n.entity(), (a, b) -> a.equals(b) ? a : "");
            }
            String sk = NameKeys.skeleton(n.text());
            if (sk.length() >= 3) {
                bySkeleton.merge(sk, n.entity(), (a, b) -> a.equals(b) ? a : "");
            }
        }
    }

    private Set<String> types(String e) {
        return types.apply(e);
    }

    /** Adds the line's new-entity candidates to {@code fresh}, and every entity its spans name to {@code occs}. */
    void spot(
            String line,
            int para,
            List<CueLexicon.Token> tokens,
            List<CueLexicon.Hit> hits,
            List<Occ> occs,
            CharArraySet stop,
            Set<String> capitalisedMidSentence,
            Set<String> lowerVocabulary,
            CueLexicon lex,
            Map<String, Proposer.NewEntity> fresh) {
        boolean rtl = lex.lang().equals("ar") || lex.lang().equals("he");
        List<int[]> spans =
                NameSpans.spans(line, tokens, hits, occs, stop, capitalisedMidSentence, lowerVocabulary, lex.lang());
        for (int[] s : spans) {
            // A word of the span that is a known name by its skeleton ("هانغتشو" is Hangzhou) splits the span.
            int from = s[0];
            for (int k = s[0]; k < s[1]; k++) {
                String e = bySkeleton.get(NameKeys.skeleton(tokens.get(k).text()));
                if (rtl && e != null && !e.isEmpty()) {
                    if (k > from) {
                        addCandidate(line, para, tokens, from, k, hits, lex, occs, fresh);
                    }
                    occs.add(new Occ(
                            e, types(e), tokens.get(k).start(), tokens.get(k).end(), false));
                    from = k + 1;
                }
            }
            if (from < s[1]) {
                addCandidate(line, para, tokens, from, s[1], hits, lex, occs, fresh);
            }
        }
    }

    private void addCandidate(
            String line,
            int para,
            List<CueLexicon.Token> tokens,
            int from,
            int to,
            List<CueLexicon.Hit> hits,
            CueLexicon lex,
            List<Occ> occs,
            Map<String, Proposer.NewEntity> fresh) {
        int start = tokens.get(from).start();
        int end = tokens.get(to - 1).end();
        String surface = line.substring(start, end);
        if (knownOrPlace(surface, para, start, end, occs, fresh)) {
            return;
        }
        String cls = null;
        String reason;
        double conf;
        if (legalForms.hasForm(surface)) {
            cls = CIKG + "Company";
            reason = "legal form in the name";
            conf = 0.8;
        } else if (afterFounderCue(hits, from)) {
            cls = CIKG + "Person";
            reason = "named by a founder cue";
            conf = 0.7;
        } else if ((cls = NameSpans.classCue(hits, from, to, false)) != null) {
            reason = "class word '" + classCueText(hits, from, to) + "'";
            conf = 0.75;
        } else if (chinesePersonName(tokens, from, to)) {
            cls = CIKG + "Person";
            reason = "a Chinese personal name (surname and given name in pinyin)";
            conf = 0.6;
        } else {
            cls = CIKG + "Organization";
            reason = "a capitalised or foreign-script name; class not marked";
            conf = to - from > 1 ? 0.45 : 0.35;
        }
        String name = legalForms.hasForm(surface) ? legalForms.strip(surface) : surface;
        String slug = NameKeys.slugify(name);
        if (slug.isEmpty()) {
            return;
        }
        String iri = KGID + slug;
        if (graph.isEntity(iri)) {
            occs.add(new Occ(iri, types(iri), start, end, false));
            return;
        }
        Proposer.NewEntity prev = fresh.get(iri);
        if (prev != null && !prev.cls().equals(cls) && prev.confidence() >= conf) {
            cls = prev.cls();
            reason = prev.reason();
        }
        String label = Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.LATIN
                ? name
                : NameKeys.titleCase(NameKeys.latin(name));
        record(fresh, iri, cls, label, surface, para, conf, reason);
        occs.add(new Occ(iri, graph.withAncestors(cls), start, end, true));
    }

    /**
     * Already known under another script's spelling, or a place of the official tree? Then the span is recorded as
     * that entity (a gazetteer place the graph lacks as a new one) and the answer is true.
     */
    private boolean knownOrPlace(
            String surface, int para, int start, int end, List<Occ> occs, Map<String, Proposer.NewEntity> fresh) {
        String known = byTransliteration.get(NameKeys.translit(surface));
        if (known == null || known.isEmpty()) {
            known = bySkeleton.get(NameKeys.skeleton(surface));
        }
        if (known != null && !known.isEmpty()) {
            occs.add(new Occ(known, types(known), start, end, false));
            return true;
        }
        Set<String> places = gazetteer.find(surface);
        if (places.size() == 1) {
            String place = places.iterator().next();
            if (graph.isEntity(place)) {
                occs.add(new Occ(place, types(place), start, end, false));
                return true;
            }
            String cls = mostSpecificPlace(gazetteer.types(place));
            String reason =
                    "gazetteer: " + gazetteer.label(place) + " (" + NameKeys.slugOf(gazetteer.parent(place)) + ")";
            double conf = 0.85;
            record(fresh, place, cls, gazetteer.label(place), surface, para, conf, reason);
            occs.add(new Occ(place, graph.withAncestors(cls), start, end, true));
            return true;
        }
        return false;
    }

    private static void record(
            Map<String, Proposer.NewEntity> fresh,
            String iri,
            String cls,
            String label,
            String surface,
            int para,
            double conf,
            String reason) {
        Proposer.NewEntity prev = fresh.get(iri);
        Set<String> surfaces = new LinkedHashSet<>(prev == null ? Set.of() : prev.surfaces());
        surfaces.add(surface);
        Set<Integer> paras = new LinkedHashSet<>(prev == null ? Set.of() : prev.paragraphs());
        paras.add(para);
        double c = Math.min(0.95, Math.max(conf, prev == null ? 0 : prev.confidence()) + (prev == null ? 0 : 0.03));
        String cl = prev != null && prev.confidence() > conf ? prev.cls() : cls;
        String r = prev != null && prev.confidence() > conf ? prev.reason() : reason;
        fresh.put(iri, new Proposer.NewEntity(iri, cl, label, surfaces, paras, c, r));
    }

    private static String classCueText(List<CueLexicon.Hit> hits, int from, int to) {
        for (CueLexicon.Hit h : hits) {
            if (h.cue().kind().equals("class")
                    && (h.to() <= from && from - h.to() <= 1 || h.from() == to || h.from() >= from && h.to() <= to)) {
                return h.cue().text();
            }
        }
        return "";
    }

    private static boolean afterFounderCue(List<CueLexicon.Hit> hits, int from) {
        return hits.stream()
                .anyMatch(h -> h.cue().kind().equals("rel")
                        && h.cue().key().equals("founder")
                        && h.to() <= from
                        && from - h.to() <= 1);
    }

    private static boolean chinesePersonName(List<CueLexicon.Token> tokens, int from, int to) {
        if (to - from < 2 || to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            String w = tokens.get(i).text().toLowerCase(Locale.ROOT);
            if (tokens.get(i).script() != Character.UnicodeScript.LATIN
                    || !PINYIN_WORD.matcher(w).matches()) {
                return false;
            }
        }
        return PINYIN_SYLLABLE
                .matcher(tokens.get(from).text().toLowerCase(Locale.ROOT))
                .matches();
    }

    private String mostSpecificPlace(Set<String> types) {
        String best = CIKG + "Place";
        int depth = 0;
        for (String t : types) {
            int d = graph.withAncestors(t).size();
            if (d > depth) {
                depth = d;
                best = t;
            }
        }
        return best;
    }
}
