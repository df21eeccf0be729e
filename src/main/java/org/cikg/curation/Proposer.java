package org.cikg.curation;

import static org.cikg.core.Namespaces.CIKG;
import static org.cikg.core.Namespaces.KGID;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.cikg.search.LegalForms;
import org.cikg.search.NameNormalizer;

/**
 * Proposals for one article: the entities it names (known ones, places of the official gazetteer, and new names with
 * a proposed class and slug), claims between them where a cue of the article's language links two entities whose
 * classes the property allows (the cue is the reason), figures with their unit, year and bound, certainty from hedge
 * cues, each with a confidence; and, kept apart, the pairs that only share a paragraph. The cue words are data:
 * {@code curation/cues/{lang}.tsv} ({@link CueLexicon}).
 */
final class Proposer {
    static final String FOUNDING_YEAR = CIKG + "foundingYear";
    static final String SECTOR = CIKG + "sector";
    static final String VALUE = CIKG + "value";
    private static final Set<String> SECTOR_DOMAIN = Set.of(
            CIKG + "Organization",
            CIKG + "Policy",
            CIKG + "Zone",
            CIKG + "Event",
            CIKG + "CompanyGroup",
            CIKG + "Product");
    private static final Set<String> FOUNDED_DOMAIN = Set.of(CIKG + "Organization", CIKG + "Zone", CIKG + "Facility");
    /** Properties whose subject and object are places the gazetteer can check. */
    private static final Set<String> PLACE_CHECKED =
            Set.of(CIKG + "locatedIn", CIKG + "capitalOf", CIKG + "headquarteredIn");

    private static final Transliterator LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern PINYIN_SYLLABLE = Pattern.compile(
            "(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ao|ou|an|en|in|"
                    + "un|er|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)");
    private static final Pattern PINYIN_WORD = Pattern.compile("(?:" + PINYIN_SYLLABLE.pattern() + "){1,2}");

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

    /** An entity at a place in a line. */
    private record Occ(String iri, Set<String> types, int start, int end, boolean fresh) {}

    private final CurationGraph graph;
    private final GazetteerIndex gazetteer;
    private final MentionFinder finder;
    private final Map<String, CurationGraph.PropertyRange> properties = new HashMap<>();
    private final Map<String, Set<String>> typeCache = new HashMap<>();
    private final Map<String, String> byTransliteration = new HashMap<>();
    private final Map<String, String> bySkeleton = new HashMap<>();
    private final NameNormalizer normalizer = new NameNormalizer();
    /** The article's words written in lower case: a capitalised word among them is a common word, not a name. */
    private final Set<String> lowerVocabulary = new HashSet<>();

    private final LegalForms legalForms = new LegalForms(normalizer);

    Proposer(CurationGraph graph, GazetteerIndex gazetteer) {
        this.graph = graph;
        this.gazetteer = gazetteer;
        this.finder = new MentionFinder(graph.names(), graph::types);
        graph.objectProperties().forEach(p -> properties.put(p.property(), p));
        for (CurationGraph.Name n : graph.names()) {
            String k = translit(n.text());
            if (k.length() >= 4) {
                byTransliteration.merge(k, n.entity(), (a, b) -> a.equals(b) ? a : "");
            }
            String sk = skeleton(n.text());
            if (sk.length() >= 3) {
                bySkeleton.merge(sk, n.entity(), (a, b) -> a.equals(b) ? a : "");
            }
        }
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
        Set<String> capitalisedMidSentence = new HashSet<>();
        for (String line : lines) {
            List<CueLexicon.Token> toks = lex.tokens(line);
            for (CueLexicon.Token t : toks) {
                if (!t.number() && Character.isLowerCase(t.text().codePointAt(0))) {
                    lowerVocabulary.add(t.text());
                }
            }
            for (int i = 1; i < toks.size(); i++) {
                if (toks.get(i).capitalised() && !sentenceStart(line, toks, i)) {
                    capitalisedMidSentence.add(toks.get(i).text());
                }
            }
        }
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
            List<Occ> occs = new ArrayList<>();
            for (MentionFinder.Found f : known.getOrDefault(para, List.of())) {
                if (f.mention().entities().size() != 1) {
                    continue;
                }
                String e = f.mention().entities().iterator().next();
                if (f.start() >= 0) {
                    occs.add(new Occ(e, types(e), f.start(), f.end(), false));
                } else {
                    int at = line.indexOf(f.mention().surface());
                    if (at >= 0) {
                        occs.add(new Occ(
                                e, types(e), at, at + f.mention().surface().length(), false));
                    }
                }
            }
            spot(line, para, tokens, hits, occs, stop, capitalisedMidSentence, lex, fresh);
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
                String hedge = hedge(sh, st, lex.lang());
                claimsOf(para, line, tokens, in, occs, sh, hedge, claims);
                figuresOf(para, line, tokens, in.isEmpty() && topic != null ? List.of(topic) : in, sh, hedge, figures);
                for (Occ o : in) {
                    if (o.types().contains(CIKG + "Organization")) {
                        topic = o;
                    }
                }
            }
            pairsOf(para, occs, claims, pairs);
        }
        List<Proposal> ranked = new ArrayList<>(claims.values());
        ranked.sort(Comparator.comparingDouble(Proposal::confidence).reversed().thenComparingInt(Proposal::paragraph));
        figures.sort(Comparator.comparingDouble(Proposal::confidence).reversed());
        List<NewEntity> ents = new ArrayList<>(fresh.values());
        ents.sort(Comparator.comparingDouble(NewEntity::confidence).reversed());
        return new Proposals(ents, ranked, figures, pairs);
    }

    // ---------------------------------------------------------------------------------------------------- entities

    private void spot(
            String line,
            int para,
            List<CueLexicon.Token> tokens,
            List<CueLexicon.Hit> hits,
            List<Occ> occs,
            CharArraySet stop,
            Set<String> capitalisedMidSentence,
            CueLexicon lex,
            Map<String, NewEntity> fresh) {
        boolean[] covered = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            CueLexicon.Token t = tokens.get(i);
            for (Occ o : occs) {
                if (t.start() < o.end() && o.start() < t.end()) {
                    covered[i] = true;
                }
            }
        }
        Set<Integer> cueToken = new HashSet<>();
        for (CueLexicon.Hit h : hits) {
            if (!h.cue().kind().equals("class") && !h.cue().kind().equals("rel")) {
                for (int k = h.from(); k < h.to(); k++) {
                    cueToken.add(k);
                }
            }
        }
        List<int[]> spans = new ArrayList<>();
        boolean rtl = lex.lang().equals("ar") || lex.lang().equals("he");
        // Capitalised runs (Latin and Cyrillic), and Latin words inside Arabic or Hebrew text.
        for (int i = 0; i < tokens.size(); i++) {
            CueLexicon.Token t = tokens.get(i);
            boolean starts =
                    !covered[i] && !t.number() && (rtl ? t.script() == Character.UnicodeScript.LATIN : t.capitalised());
            if (!starts) {
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size()
                    && !covered[j + 1]
                    && gap(line, tokens.get(j), tokens.get(j + 1))
                    && (rtl
                            ? tokens.get(j + 1).script() == Character.UnicodeScript.LATIN
                            : tokens.get(j + 1).capitalised()
                                    || (connector(tokens.get(j + 1).text())
                                            && j + 2 < tokens.size()
                                            && tokens.get(j + 2).capitalised()
                                            && !covered[j + 2]))) {
                j++;
            }
            int from = i;
            while (from <= j && stopWord(stop, tokens.get(from).text())) {
                from++;
            }
            int to = j;
            while (to >= from && stopWord(stop, tokens.get(to).text())) {
                to--;
            }
            boolean allCues = true;
            for (int k = from; k <= to; k++) {
                allCues &= cueToken.contains(k);
            }
            if (allCues) {
                i = j;
                continue;
            }
            while (from <= to
                    && sentenceStart(line, tokens, from)
                    && lowerVocabulary.contains(tokens.get(from).text().toLowerCase(Locale.ROOT))) {
                from++;
            }
            if (from <= to) {
                boolean single = from == to;
                boolean first = sentenceStart(line, tokens, from);
                String w = tokens.get(from).text();
                boolean acronym = w.length() <= 1;
                boolean common = lowerVocabulary.contains(w.toLowerCase(Locale.ROOT));
                if (!(single && (first && !capitalisedMidSentence.contains(w) || acronym || common))) {
                    spans.add(new int[] {from, to + 1});
                }
            }
            i = j;
        }
        // Arabic and Hebrew: the words after a class word ("شركة", "חברת") or a founder cue, up to a common noun.
        if (rtl) {
            for (CueLexicon.Hit h : hits) {
                boolean cls = h.cue().kind().equals("class");
                boolean founder = h.cue().kind().equals("rel") && h.cue().key().equals("founder");
                if (!cls && !founder) {
                    continue;
                }
                int max = founder || "Person".equals(h.cue().key())
                        ? 2
                        : "Policy".equals(h.cue().key()) ? 3 : 2;
                int j = h.to();
                int end = j;
                while (end < tokens.size()
                        && end - j < max
                        && !covered[end]
                        && !tokens.get(end).number()
                        && gap(line, tokens.get(end - 1), tokens.get(end))
                        && !commonNoun(tokens.get(end).text(), lex.lang())
                        && !stop.contains(tokens.get(end).text())) {
                    end++;
                }
                if (end > j && spans.stream().noneMatch(s -> s[0] < h.to() + 3 && h.to() <= s[1])) {
                    spans.add(new int[] {j, end});
                }
            }
        }
        // Quoted names: «...», “...”, "...".
        var q = Pattern.compile("[«“\"]([^«»“”\"]{2,80})[»”\"]").matcher(line);
        while (q.find()) {
            int from = -1;
            int to = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).start() >= q.start(1) && tokens.get(i).end() <= q.end(1)) {
                    from = from < 0 ? i : from;
                    to = i + 1;
                }
            }
            if (from >= 0 && to - from <= 8 && !anyCovered(covered, from, to)) {
                // Only quoted names a class word marks (inside or just before): a quote is often just a phrase.
                String cls = classCue(hits, from, to, true);
                if (cls != null) {
                    int f = from;
                    int t = to;
                    spans.removeIf(s -> s[0] >= f && s[1] <= t);
                    spans.add(new int[] {from, to});
                }
            }
        }
        for (int[] s : spans) {
            // A word of the span that is a known name by its skeleton ("هانغتشو" is Hangzhou) splits the span.
            int from = s[0];
            for (int k = s[0]; k < s[1]; k++) {
                String e = bySkeleton.get(skeleton(tokens.get(k).text()));
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
            Map<String, NewEntity> fresh) {
        int start = tokens.get(from).start();
        int end = tokens.get(to - 1).end();
        String surface = line.substring(start, end);
        // Already known under another script's spelling, or a place of the official tree?
        String known = byTransliteration.get(translit(surface));
        if (known == null || known.isEmpty()) {
            known = bySkeleton.get(skeleton(surface));
        }
        if (known != null && !known.isEmpty()) {
            occs.add(new Occ(known, types(known), start, end, false));
            return;
        }
        String cls = null;
        String reason;
        double conf;
        Set<String> places = gazetteer.find(surface);
        if (places.size() == 1) {
            String place = places.iterator().next();
            if (graph.isEntity(place)) {
                occs.add(new Occ(place, types(place), start, end, false));
                return;
            }
            cls = mostSpecificPlace(gazetteer.types(place));
            reason = "gazetteer: " + gazetteer.label(place) + " (" + slugOf(gazetteer.parent(place)) + ")";
            conf = 0.85;
            record(fresh, place, cls, gazetteer.label(place), surface, para, conf, reason);
            occs.add(new Occ(place, graph.withAncestors(cls), start, end, true));
            return;
        }
        if (legalForms.hasForm(surface)) {
            cls = CIKG + "Company";
            reason = "legal form in the name";
            conf = 0.8;
        } else if (afterFounderCue(hits, from)) {
            cls = CIKG + "Person";
            reason = "named by a founder cue";
            conf = 0.7;
        } else if ((cls = classCue(hits, from, to, false)) != null) {
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
        String slug = slugify(name);
        if (slug.isEmpty()) {
            return;
        }
        String iri = KGID + slug;
        if (graph.isEntity(iri)) {
            occs.add(new Occ(iri, types(iri), start, end, false));
            return;
        }
        NewEntity prev = fresh.get(iri);
        if (prev != null && !prev.cls().equals(cls) && prev.confidence() >= conf) {
            cls = prev.cls();
            reason = prev.reason();
        }
        String label = Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.LATIN
                ? name
                : titleCase(LATIN.transliterate(name));
        record(fresh, iri, cls, label, surface, para, conf, reason);
        occs.add(new Occ(iri, graph.withAncestors(cls), start, end, true));
    }

    private static void record(
            Map<String, NewEntity> fresh,
            String iri,
            String cls,
            String label,
            String surface,
            int para,
            double conf,
            String reason) {
        NewEntity prev = fresh.get(iri);
        Set<String> surfaces = new LinkedHashSet<>(prev == null ? Set.of() : prev.surfaces());
        surfaces.add(surface);
        Set<Integer> paras = new LinkedHashSet<>(prev == null ? Set.of() : prev.paragraphs());
        paras.add(para);
        double c = Math.min(0.95, Math.max(conf, prev == null ? 0 : prev.confidence()) + (prev == null ? 0 : 0.03));
        String cl = prev != null && prev.confidence() > conf ? prev.cls() : cls;
        String r = prev != null && prev.confidence() > conf ? prev.reason() : reason;
        fresh.put(iri, new NewEntity(iri, cl, label, surfaces, paras, c, r));
    }

    private String classCue(List<CueLexicon.Hit> hits, int from, int to, boolean inside) {
        for (CueLexicon.Hit h : hits) {
            if (!h.cue().kind().equals("class")) {
                continue;
            }
            boolean before = h.to() <= from && from - h.to() <= 1;
            boolean after = h.from() == to;
            boolean within = h.from() >= from && h.to() <= to;
            if (before || after || within && (inside || h.from() == from || h.to() == to)) {
                return CIKG + h.cue().key();
            }
        }
        return null;
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

    // ---------------------------------------------------------------------------------------------------- claims

    private void claimsOf(
            int para,
            String line,
            List<CueLexicon.Token> tokens,
            List<Occ> in,
            List<Occ> paragraph,
            List<CueLexicon.Hit> hits,
            String hedge,
            Map<String, Proposal> out) {
        for (CueLexicon.Hit h : hits) {
            String kind = h.cue().kind();
            int cueStart = tokens.get(h.from()).start();
            int cueEnd = tokens.get(h.to() - 1).end();
            String cue = line.substring(cueStart, cueEnd);
            if (kind.equals("sector")) {
                Occ best = nearest(in, cueStart, cueEnd, o -> o.types().stream().anyMatch(SECTOR_DOMAIN::contains));
                if (best != null) {
                    double conf = 0.7 - Math.min(0.3, distance(best, cueStart, cueEnd) / 400.0);
                    add(
                            out,
                            para,
                            best.iri(),
                            SECTOR,
                            CIKG + h.cue().key(),
                            hedge,
                            conf,
                            "sector word '" + cue + "'",
                            cue);
                }
                continue;
            }
            if (!kind.equals("rel")) {
                continue;
            }
            String p = CIKG + h.cue().key();
            if (p.equals(FOUNDING_YEAR)) {
                String year = nearestYear(tokens, h, line);
                Occ s = nearest(in, cueStart, cueEnd, o -> o.types().stream().anyMatch(FOUNDED_DOMAIN::contains));
                if (year != null && s != null) {
                    add(out, para, s.iri(), p, year, hedge, 0.75, "founding cue '" + cue + "'", cue);
                }
                continue;
            }
            if (h.cue().key().equals("founder")) {
                // "founded by X in 2019": a year close after a founder cue dates the founding.
                String year = yearAfter(tokens, h, 6);
                Occ s = nearest(in, cueStart, cueEnd, o -> o.types().stream().anyMatch(FOUNDED_DOMAIN::contains));
                if (year != null && s != null) {
                    add(out, para, s.iri(), FOUNDING_YEAR, year, hedge, 0.6, "founder cue '" + cue + "' and year", cue);
                }
            }
            CurationGraph.PropertyRange range = properties.get(p);
            if (range == null) {
                continue;
            }
            Occ bs = null;
            Occ bo = null;
            double bestCost = Double.MAX_VALUE;
            // The sentence first; an end the sentence lacks ("the start-up based in X") may be named earlier in the
            // paragraph, at a cost.
            for (Occ a : paragraph) {
                for (Occ b : paragraph) {
                    boolean inSentence = in.contains(a) && in.contains(b);
                    if (!inSentence && !(in.contains(a) || in.contains(b))) {
                        continue;
                    }
                    if (a.iri().equals(b.iri()) || !fits(range, a.types(), b.types()) || !placesAgree(p, a, b)) {
                        continue;
                    }
                    double cost = distance(a, cueStart, cueEnd) + distance(b, cueStart, cueEnd);
                    // The cue between its two ends, or the object right after it, is the common shape.
                    if (!(a.end() <= cueStart && b.start() >= cueEnd || b.end() <= cueStart && a.start() >= cueEnd)) {
                        cost += 40;
                    }
                    if (!inSentence) {
                        cost += 60;
                    }
                    if (cost < bestCost) {
                        bestCost = cost;
                        bs = a;
                        bo = b;
                    }
                }
            }
            if (bs != null) {
                double conf = 0.9 - Math.min(0.5, bestCost / 300.0);
                add(out, para, bs.iri(), p, bo.iri(), hedge, conf, "cue '" + cue + "'", cue);
                // A list of subjects sharing the object ("A, B and C are based in X").
                for (Occ a : in) {
                    if (a != bs
                            && !a.iri().equals(bo.iri())
                            && a.types().equals(bs.types())
                            && (a.end() <= cueStart) == (bs.end() <= cueStart)
                            && Math.abs(a.start() - bs.start()) < 80
                            && fits(range, a.types(), bo.types())
                            && placesAgree(p, a, bo)) {
                        add(out, para, a.iri(), p, bo.iri(), hedge, conf - 0.15, "cue '" + cue + "' (listed)", cue);
                    }
                }
            }
        }
        // Facts the graph or the official tree already holds, named together again: the article restates them.
        for (Occ a : in) {
            for (Occ b : paragraph) {
                if (a.iri().equals(b.iri())) {
                    continue;
                }
                Set<String> held = new HashSet<>(a.fresh() ? Set.of() : graph.propertiesBetween(a.iri(), b.iri()));
                if (b.iri().equals(gazetteer.parent(a.iri()))) {
                    held.add(CIKG + "locatedIn");
                }
                for (String p : held) {
                    if (properties.containsKey(p)) {
                        add(out, para, a.iri(), p, b.iri(), hedge, 0.55, "already in the graph; both named here", "");
                    }
                }
            }
        }
    }

    /**
     * Place claims only where the official tree agrees (or does not know one of the places), and never from a larger
     * kind of place to a smaller one (a country is not located in a province, a province is not the capital's country
     * of a city).
     */
    private boolean placesAgree(String p, Occ s, Occ o) {
        if (!PLACE_CHECKED.contains(p)) {
            return true;
        }
        int rs = rank(s.types());
        int ro = rank(o.types());
        if (rs >= 0 && ro >= 0 && rs >= ro && !p.equals(CIKG + "headquarteredIn")) {
            return false;
        }
        if (!gazetteer.knows(s.iri()) || !gazetteer.knows(o.iri())) {
            return true;
        }
        return gazetteer.within(s.iri(), o.iri());
    }

    private static final List<String> PLACE_RANK = List.of(
            CIKG + "Township",
            CIKG + "Zone",
            CIKG + "District",
            CIKG + "County",
            CIKG + "City",
            CIKG + "Province",
            CIKG + "MacroRegion",
            CIKG + "Country");

    /** The highest kind of place among the classes (Beijing, a city and a province, ranks as a province); -1 if none. */
    private static int rank(Set<String> types) {
        int r = -1;
        for (int i = 0; i < PLACE_RANK.size(); i++) {
            if (types.contains(PLACE_RANK.get(i))) {
                r = i;
            }
        }
        return r;
    }

    private void add(
            Map<String, Proposal> out,
            int para,
            String s,
            String p,
            String o,
            String hedge,
            double conf,
            String reason,
            String surface) {
        String key = s + " " + p + " " + o + " " + para;
        Proposal prev = out.get(key);
        String r = hedge == null ? reason : reason + "; hedged: '" + hedge + "'";
        if (prev != null) {
            if (prev.reason().contains(reason)) {
                return;
            }
            double c = Math.min(0.95, Math.max(conf, prev.confidence()) + 0.05);
            out.put(
                    key,
                    new Proposal(
                            "claim",
                            para,
                            s,
                            p,
                            o,
                            prev.certainty(),
                            c,
                            prev.reason() + "; " + reason,
                            prev.surface()));
            return;
        }
        out.put(key, new Proposal("claim", para, s, p, o, hedge == null ? "stated" : "hedged", conf, r, surface));
    }

    private static boolean fits(CurationGraph.PropertyRange p, Set<String> subject, Set<String> object) {
        return p.domain().stream().anyMatch(subject::contains)
                && p.range().stream().anyMatch(object::contains);
    }

    private static double distance(Occ o, int cueStart, int cueEnd) {
        if (o.end() <= cueStart) {
            return cueStart - o.end();
        }
        if (o.start() >= cueEnd) {
            return o.start() - cueEnd;
        }
        return 0;
    }

    private static Occ nearest(List<Occ> in, int cueStart, int cueEnd, java.util.function.Predicate<Occ> ok) {
        Occ best = null;
        double d = Double.MAX_VALUE;
        for (Occ o : in) {
            if (ok.test(o) && distance(o, cueStart, cueEnd) < d) {
                d = distance(o, cueStart, cueEnd);
                best = o;
            }
        }
        return best;
    }

    private static String yearAfter(List<CueLexicon.Token> tokens, CueLexicon.Hit h, int window) {
        for (int k = h.to(); k < Math.min(tokens.size(), h.to() + window); k++) {
            if (YEAR.matcher(tokens.get(k).text()).matches()) {
                return tokens.get(k).text();
            }
        }
        return null;
    }

    private static String nearestYear(List<CueLexicon.Token> tokens, CueLexicon.Hit h, String line) {
        for (int k = h.to(); k < Math.min(tokens.size(), h.to() + 4); k++) {
            if (YEAR.matcher(tokens.get(k).text()).matches()) {
                return tokens.get(k).text();
            }
        }
        for (int k = h.from() - 1; k >= Math.max(0, h.from() - 4); k--) {
            if (YEAR.matcher(tokens.get(k).text()).matches()) {
                return tokens.get(k).text();
            }
        }
        return null;
    }

    private String hedge(List<CueLexicon.Hit> hits, List<CueLexicon.Token> tokens, String lang) {
        for (CueLexicon.Hit h : hits) {
            if (h.cue().kind().equals("hedge")) {
                return h.cue().text();
            }
        }
        if (lang.equals("fr")) {
            // The conditional mood: "-rait", "-raient" ("aurait", "pourraient").
            for (CueLexicon.Token t : tokens) {
                String w = t.text().toLowerCase(Locale.ROOT);
                if (w.length() > 6 && (w.endsWith("rait") || w.endsWith("raient"))) {
                    return w + " (conditional)";
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- figures

    private void figuresOf(
            int para,
            String line,
            List<CueLexicon.Token> tokens,
            List<Occ> in,
            List<CueLexicon.Hit> hits,
            String hedge,
            List<Proposal> out) {
        List<String> years = new ArrayList<>();
        for (CueLexicon.Token t : tokens) {
            if (t.number() && YEAR.matcher(t.text()).matches() && in.stream().anyMatch(o -> true)) {
                years.add(t.text());
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            CueLexicon.Token t = tokens.get(i);
            if (!t.number() || !inside(t, in, hits, tokens)) {
                continue;
            }
            CueLexicon.Hit unit = hitAt(hits, "unit", i + 1, 2);
            CueLexicon.Hit scale = hitAt(hits, "scale", i + 1, 1);
            CueLexicon.Hit bound = boundBefore(hits, i);
            if (YEAR.matcher(t.text()).matches() && unit == null && scale == null && bound == null) {
                continue;
            }
            if (unit == null && scale == null && bound == null) {
                continue;
            }
            String value = decimal(t.text(), line, t);
            if (value == null) {
                continue;
            }
            Occ about = null;
            double d = Double.MAX_VALUE;
            for (Occ o : in) {
                double dist = o.start() > line.length() || o.end() > t.start() && o.start() < t.end()
                        ? 300
                        : o.end() <= t.start() ? t.start() - o.end() : (o.start() - t.end()) * 2.0;
                if (dist >= 0 && dist < d) {
                    d = dist;
                    about = o;
                }
            }
            if (about == null) {
                continue;
            }
            String u = unit != null
                    ? unit.cue().key()
                    : scale != null ? scale.cue().text() : "";
            String year =
                    years.stream().filter(y -> !y.equals(t.text())).findFirst().orElse("");
            String q = bound != null ? bound.cue().key() : "Exactly";
            String why = "figure " + t.text() + (u.isEmpty() ? "" : " " + u)
                    + (bound != null ? "; bound '" + bound.cue().text() + "' = cikg:" + q : "; cikg:Exactly")
                    + (year.isEmpty() ? "" : "; year " + year)
                    + (hedge != null ? "; hedged: '" + hedge + "'" : "");
            double conf = 0.6 - Math.min(0.3, d / 400.0) + (unit != null ? 0.1 : 0);
            out.add(new Proposal(
                    "figure",
                    para,
                    about.iri(),
                    VALUE,
                    value,
                    hedge == null ? "stated" : "hedged",
                    conf,
                    why,
                    t.text()));
        }
    }

    private static boolean inside(
            CueLexicon.Token t, List<Occ> in, List<CueLexicon.Hit> hits, List<CueLexicon.Token> tokens) {
        return !in.isEmpty();
    }

    private static CueLexicon.Hit hitAt(List<CueLexicon.Hit> hits, String kind, int at, int window) {
        for (CueLexicon.Hit h : hits) {
            if (h.cue().kind().equals(kind) && h.from() >= at && h.from() < at + window) {
                return h;
            }
        }
        return null;
    }

    private static CueLexicon.Hit boundBefore(List<CueLexicon.Hit> hits, int at) {
        for (CueLexicon.Hit h : hits) {
            if (h.cue().kind().equals("bound") && h.to() <= at && at - h.to() <= 1) {
                return h;
            }
        }
        return null;
    }

    /** The number as a Turtle decimal: "1,04" (comma decimal) and "10 000" (spaced thousands) read right. */
    private static String decimal(String text, String line, CueLexicon.Token t) {
        String s = text.replaceAll("[\\u00a0\\u202f ]", "");
        if (s.matches("\\d{1,3}(,\\d{3})+")) {
            s = s.replace(",", "");
        } else {
            s = s.replace(',', '.');
        }
        if (!s.matches("\\d+(\\.\\d+)?")) {
            return null;
        }
        return s.contains(".") ? s : s + ".0";
    }

    // ---------------------------------------------------------------------------------------------------- pairs

    private void pairsOf(int para, List<Occ> occs, Map<String, Proposal> claims, List<Proposal> out) {
        List<String> es = occs.stream().map(Occ::iri).distinct().toList();
        Map<String, Set<String>> ts = new HashMap<>();
        occs.forEach(o -> ts.putIfAbsent(o.iri(), o.types()));
        for (int i = 0; i < es.size(); i++) {
            for (int j = i + 1; j < es.size(); j++) {
                String a = es.get(i);
                String b = es.get(j);
                boolean claimed = claims.values().stream()
                        .anyMatch(c -> c.paragraph() == para
                                && (c.subject().equals(a) && c.object().equals(b)
                                        || c.subject().equals(b) && c.object().equals(a)));
                if (claimed) {
                    continue;
                }
                String[] best = null;
                int size = Integer.MAX_VALUE;
                for (CurationGraph.PropertyRange p : properties.values()) {
                    if (p.property().equals(CIKG + "capitalOf")) {
                        continue; // a capital needs a cue: never guessed from classes alone
                    }
                    int sz = p.domain().size() + p.range().size();
                    Occ oa = new Occ(a, ts.get(a), 0, 0, false);
                    Occ ob = new Occ(b, ts.get(b), 0, 0, false);
                    if (sz < size && fits(p, ts.get(a), ts.get(b)) && placesAgree(p.property(), oa, ob)) {
                        best = new String[] {a, p.property(), b};
                        size = sz;
                    }
                    if (sz < size && fits(p, ts.get(b), ts.get(a)) && placesAgree(p.property(), ob, oa)) {
                        best = new String[] {b, p.property(), a};
                        size = sz;
                    }
                }
                String s = best == null ? a : best[0];
                String o = best == null ? b : best[2];
                out.add(new Proposal(
                        "pair",
                        para,
                        s,
                        best == null ? "" : best[1],
                        o,
                        "stated",
                        0.1,
                        best == null
                                ? "named in the same paragraph; no property links these classes"
                                : "named in the same paragraph, no cue",
                        ""));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

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

    private static boolean sentenceStart(String line, List<CueLexicon.Token> toks, int i) {
        if (i == 0) {
            return true;
        }
        String between = line.substring(toks.get(i - 1).end(), toks.get(i).start());
        return between.matches(".*[.!?؟:«\"“(].*") || between.contains("\u2014 ");
    }

    /** A stop word of the language, unless written in capitals ("SA" is a legal form, not the possessive). */
    private static boolean stopWord(CharArraySet stop, String w) {
        return !w.equals(w.toUpperCase(Locale.ROOT)) && stop.contains(w.toLowerCase(Locale.ROOT));
    }

    private static boolean gap(String line, CueLexicon.Token a, CueLexicon.Token b) {
        return line.substring(a.end(), b.start()).matches("[ \\u00a0-]{0,2}");
    }

    private static boolean connector(String w) {
        return Set.of("de", "du", "des", "d", "of", "the", "and", "la", "le").contains(w);
    }

    private static boolean anyCovered(boolean[] covered, int from, int to) {
        for (int i = from; i < to; i++) {
            if (covered[i]) {
                return true;
            }
        }
        return false;
    }

    /** An Arabic word with the article, a Hebrew one with it: a common noun ends a name after a class word. */
    private static boolean commonNoun(String w, String lang) {
        String s = w;
        if (lang.equals("ar")) {
            s = s.replaceFirst("^[وفبلك]", "");
            // The article, or the feminine ending of nouns and adjectives: transliterated names rarely end in it.
            return s.startsWith("ال") || s.startsWith("لل") || s.endsWith("ة");
        }
        return lang.equals("he") && s.length() > 2 && (s.startsWith("ה") || s.startsWith("וה") || s.startsWith("שה"));
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

    /**
     * A rough consonant skeleton of a name in any script, so that one Chinese name written by Arabic, Hebrew, Russian
     * and pinyin spellings meets ("هانغتشو", "Ханчжоу", "Hangzhou" all give "hns"): transliterated to ASCII, the
     * sibilants and affricates pinyin, Palladius and Arabic spell differently made one, velars one, labials one,
     * dentals one, vowels, "h" after the first letter, "w" and "y" dropped, and "n" before a velar kept alone (Russian
     * drops the "g" of "-ng" before a consonant). Matching on it is accepted only when it names one entity.
     */
    static String skeleton(String name) {
        String s = LATIN.transliterate(name).replaceAll("[^a-z ]", "");
        StringBuilder out = new StringBuilder();
        for (String w : s.split(" +")) {
            if (w.isEmpty()) {
                continue;
            }
            String x = w.replaceAll("ck|c(?=[aoukt]|s|$)", "K")
                    .replaceAll("tsh|tch|zh|ch|sh|ts|dh|th|dz|j|z|c|s|x|q", "S")
                    .replaceAll("gh|kh|g|k", "K")
                    .replaceAll("[bpf]", "B")
                    .replaceAll("[td]", "T")
                    .replaceAll("[lr]", "L");
            char first = x.charAt(0);
            String rest = x.substring(1).replaceAll("[aeiouhwyv]", "");
            String all = (("aeiouwy".indexOf(first) >= 0) ? "" : String.valueOf(first)) + rest;
            all = all.replaceAll("(.)\\1+", "$1").replaceAll("nK(?!$)", "n").replaceAll("nK$", "n");
            out.append(all);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    static String translit(String name) {
        return LATIN.transliterate(name).replaceAll("[^a-z0-9]", "");
    }

    static String slugify(String name) {
        return LATIN.transliterate(name).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String titleCase(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.split(" ")) {
            if (!w.isEmpty()) {
                b.append(b.isEmpty() ? "" : " ")
                        .append(Character.toUpperCase(w.charAt(0)))
                        .append(w.substring(1));
            }
        }
        return b.toString();
    }

    private static String slugOf(String iri) {
        return iri == null ? "" : iri.substring(iri.lastIndexOf('/') + 1);
    }
}
