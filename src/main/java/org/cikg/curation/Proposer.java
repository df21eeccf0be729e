package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/**
 * Proposals for one article: the entities it names (known ones, places of the official gazetteer, and new names with
 * a proposed class and slug), claims between them where a cue of the article's language links two entities whose
 * classes the property allows (the cue is the reason), figures with their unit, year and bound, certainty from hedge
 * cues, each with a confidence; and, kept apart, the pairs that only share a paragraph. The cue words are data:
 * {@code curation/cues/{lang}.tsv} ({@link CueLexicon}).
 *
 * <p>This class walks the article sentence by sentence and ranks what the parts propose: new-entity candidates
 * ({@link EntityCandidates}, over the spans of {@link NameSpans}), claims ({@link ClaimCues}, place checks in
 * {@link PlaceChecks}), cue-less pairs ({@link PairCues}), figures ({@link FigureCues}) and certainty ({@link HedgeCues}).
 */
final class Proposer {
    static final String FOUNDING_YEAR = CIKG + "foundingYear";
    static final String SECTOR = CIKG + "sector";
    static final String VALUE = CIKG + "value";
    static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    /** A named entity proposed that the graph does not hold. */
    record NewEntity(
            String iri,
            String cls,
            String label,
            Set<String> surfaces,
            Set<Integer> paragraphs,
            double confidence,
            String reason) {}

    /** One proposal row: a claim, a figure or a cue-less pair. Object is an IRI or a literal's lexical form. */
    record Proposal(
            String kind,
            int paragraph,
            String subject,
            String predicate,
            String object,
            String certainty,
            double confidence,
            String reason,
            String surface) {}

    /** Everything proposed for an article. */
    record Proposals(List<NewEntity> entities, List<Proposal> claims, List<Proposal> figures, List<Proposal> pairs) {}

    private final CurationGraph graph;
    private final GazetteerIndex gazetteer;
    private final MentionFinder finder;
    private final ClaimCues claimCues;
    private final PairCues pairCues;
    private final EntityCandidates candidates;
    private final Map<String, Set<String>> typeCache = new HashMap<>();
    /** The article's words written in lower case: a capitalised word among them is a common word, not a name. */
    private final Set<String> lowerVocabulary = new HashSet<>();

    Proposer(CurationGraph graph, GazetteerIndex gazetteer) {
        this.graph = graph;
        this.gazetteer = gazetteer;
        this.finder = new MentionFinder(graph.names(), graph::types);
        this.claimCues = new ClaimCues(graph, gazetteer);
        this.pairCues = new PairCues(claimCues.properties(), claimCues.places());
        this.candidates = new EntityCandidates(graph, gazetteer, this::types);
    }

    MentionFinder finder() {
        return finder;
    }

    Proposals propose(List<String> lines, String lang) {
        CueLexicon lex = CueLexicon.of(lang);
        CharArraySet stop = stopWords(lex.lang());
        Map<String, NewEntity> fresh = new LinkedHashMap<>();
        Map<String, Proposal> claims = new LinkedHashMap<>();
        List<Proposal> figures = new ArrayList<>();
        List<Proposal> pairs = new ArrayList<>();
        Map<Integer, List<MentionFinder.Found>> known = new HashMap<>();
        for (MentionFinder.Found f : finder.findAllSpans(lines)) {
            known.computeIfAbsent(f.mention().paragraph(), k -> new ArrayList<>())
                    .add(f);
        }
        Set<String> capitalisedMidSentence = vocabulary(lex, lines);
        // The organisation named last: what a sentence naming none ("the company raised ...") is most likely about.
        Occ topic = null;
        for (int li = 0; li < lines.size(); li++) {
            String line = lines.get(li);
            int para = li + 1;
            if (line.isBlank()) {
                continue;
            }
            List<CueLexicon.Token> tokens = lex.tokens(line);
            List<CueLexicon.Hit> hits = lex.find(tokens, null);
            List<Occ> occs = knownOccurrences(line, known.getOrDefault(para, List.of()));
            candidates.spot(line, para, tokens, hits, occs, stop, capitalisedMidSentence, lowerVocabulary, lex, fresh);
            occs.sort(Comparator.comparingInt(Occ::start));
            List<int[]> sentences = sentences(line);
            for (int[] s : sentences) {
                List<Occ> in = occs.stream()
                        .filter(o -> o.start() >= s[0] && o.start() < s[1])
                        .toList();
                List<CueLexicon.Hit> sh = hits.stream()
                        .filter(h -> tokens.get(h.from()).start() >= s[0]
                                && tokens.get(h.from()).start() < s[1])
                        .toList();
                List<CueLexicon.Token> st = tokens.stream()
                        .filter(t -> t.start() >= s[0] && t.start() < s[1])
                        .toList();
                String hedge = HedgeCues.hedge(sh, st, lex.lang());
                claimCues.claimsOf(para, line, tokens, in, occs, sh, hedge, claims);
                FigureCues.figuresOf(
                        para, line, tokens, in.isEmpty() && topic != null ? List.of(topic) : in, sh, hedge, figures);
                for (Occ o : in) {
                    if (o.types().contains(CIKG + "Organization")) {
                        topic = o;
                    }
                }
            }
            pairCues.pairsOf(para, occs, claims, pairs);
        }
        List<Proposal> ranked = new ArrayList<>(claims.values());
        ranked.sort(Comparator.comparingDouble(Proposal::confidence).reversed().thenComparingInt(Proposal::paragraph));
        figures.sort(Comparator.comparingDouble(Proposal::confidence).reversed());
        List<NewEntity> ents = new ArrayList<>(fresh.values());
        ents.sort(Comparator.comparingDouble(NewEntity::confidence).reversed());
        return new Proposals(ents, ranked, figures, pairs);
    }

    /**
     * Adds the article's lower-case words to {@link #lowerVocabulary}; returns the words written capitalised in the
     * middle of a sentence.
     */
    private Set<String> vocabulary(CueLexicon lex, List<String> lines) {
        Set<String> capitalisedMidSentence = new HashSet<>();
        for (String line : lines) {
            List<CueLexicon.Token> toks = lex.tokens(line);
            for (CueLexicon.Token t : toks) {
                if (!t.number() && Character.isLowerCase(t.text().codePointAt(0))) {
                    lowerVocabulary.add(t.text());
                }
            }
            for (int i = 1; i < toks.size(); i++) {
                if (toks.get(i).capitalised() && !NameSpans.sentenceStart(line, toks, i)) {
                    capitalisedMidSentence.add(toks.get(i).text());
                }
            }
        }
        return capitalisedMidSentence;
    }

    /** The known entities the mention finder found in the line, each where it is named. */
    private List<Occ> knownOccurrences(String line, List<MentionFinder.Found> found) {
        List<Occ> occs = new ArrayList<>();
        for (MentionFinder.Found f : found) {
            if (f.mention().entities().size() != 1) {
                continue;
            }
            String e = f.mention().entities().iterator().next();
            if (f.start() >= 0) {
                occs.add(new Occ(e, types(e), f.start(), f.end(), false));
            } else {
                int at = line.indexOf(f.mention().surface());
                if (at >= 0) {
                    occs.add(new Occ(e, types(e), at, at + f.mention().surface().length(), false));
                }
            }
        }
        return occs;
    }

    private Set<String> types(String e) {
        return typeCache.computeIfAbsent(e, k -> {
            Set<String> t = new HashSet<>(graph.types(k));
            for (String g : gazetteer.types(k)) {
                t.addAll(graph.withAncestors(g));
            }
            return t;
        });
    }

    private static List<int[]> sentences(String line) {
        List<int[]> out = new ArrayList<>();
        var m = Pattern.compile("[.!?؟](?=\\s+\\S)").matcher(line);
        int from = 0;
        while (m.find()) {
            // "M. Dupont", "г. Москва": a one-letter word before the dot does not end a sentence.
            int w = m.start() - 1;
            if (w >= 1 && Character.isLetter(line.charAt(w)) && !Character.isLetter(line.charAt(w - 1))) {
                continue;
            }
            out.add(new int[] {from, m.end()});
            from = m.end();
        }
        out.add(new int[] {from, line.length()});
        return out;
    }

    private static CharArraySet stopWords(String lang) {
        return switch (lang) {
            case "fr" -> FrenchAnalyzer.getDefaultStopSet();
            case "ru" -> RussianAnalyzer.getDefaultStopSet();
            case "ar" -> ArabicAnalyzer.getDefaultStopSet();
            case "en" -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
            default -> CharArraySet.EMPTY_SET;
        };
    }

    /** An article's language from its script: Arabic, Hebrew, Cyrillic (Russian), else French. */
    static String language(List<String> lines) {
        Map<Character.UnicodeScript, Integer> n = new HashMap<>();
        for (String l : lines) {
            l.codePoints()
                    .filter(Character::isLetter)
                    .forEach(c -> n.merge(Character.UnicodeScript.of(c), 1, Integer::sum));
        }
        var top = n.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        if (top == null) {
            return "en";
        }
        return switch (top) {
            case ARABIC -> "ar";
            case HEBREW -> "he";
            case CYRILLIC -> "ru";
            default -> "fr";
        };
    }

    static String translit(String name) {
        return NameKeys.translit(name);
    }
}
