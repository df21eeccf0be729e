package org.cikg.search;

import static org.cikg.search.IndexBuilder.BREVITY;
import static org.cikg.search.IndexBuilder.CONNECTEDNESS;
import static org.cikg.search.IndexBuilder.F_KEY;
import static org.cikg.search.IndexBuilder.F_LANG;
import static org.cikg.search.IndexBuilder.F_PROP;
import static org.cikg.search.IndexBuilder.F_RANK;
import static org.cikg.search.IndexBuilder.F_TYPES;
import static org.cikg.search.IndexBuilder.F_WORDS;
import static org.cikg.search.IndexBuilder.F_ZH_BIGRAMS;
import static org.cikg.search.IndexBuilder.F_ZH_WORDS;
import static org.cikg.search.IndexBuilder.RDFS_LABEL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene query for a search, in tiers (each tier's weight exceeds everything below it, so tiers never mix):
 * the whole name exactly (1000), a name starting with the query (300), every query word a word of the name (120),
 * the last one as a prefix (50), the whole name within typos (20), every word within typos (8). The query's key is
 * tried as typed and without its legal form ("Tencent Holdings Ltd." also as "tencent"); names are indexed with
 * their variants (pinyin, without legal form, {@link NameVariants}, written by {@link IndexBuilder}). Within a tier the {@code @en} name (+2) and
 * {@code rdfs:label} (+1) come first, then the shorter name (up to +0.6, one over its number of words: "xihu" finds
 * Xihu District before the Xihu District rent subsidies that are named after it), then how connected the entity is
 * (up to +0.3: the claims it takes part in), so "hang" puts Hangzhou before the county-level divisions whose names
 * also start with "Hang".
 *
 * <p>A Chinese query is matched by segmented words (smartcn) at the all-words tier and by character bigrams at the
 * word-prefix tier; its single characters scattered through a longer name count only as a typo-level match. A query
 * in a non-Latin alphabet (Arabic, Hebrew, Cyrillic) allows one typo over the whole name and no typos word by word:
 * in those scripts a shared run of letters ("تشيانغ" in "لي تشيانغ", Li Qiang, and in "تشجيانغ", Zhejiang) says
 * nothing about the name.
 */
final class NameQuery {
    // Score tiers: a clause's weight exceeds the sum of every lower tier and the bonuses, so tiers never mix.
    private static final float EXACT = 1000f;
    static final float PREFIX = 300f;
    private static final float ALL_WORDS = 120f;
    private static final float WORD_PREFIX = 50f;
    private static final float FUZZY = 20f;
    private static final float FUZZY_WORDS = 8f;
    private static final float BONUS_EN = 2f;
    private static final float BONUS_LABEL = 1f;
    /** At most this much for a short name: it only orders names within a tier and a bonus level. */
    private static final float SHORTER = 0.6f;
    /** At most this much for connectedness: with {@link #SHORTER} it stays below the smallest bonus. */
    private static final float CONNECTED = 0.3f;

    private NameQuery() {}

    /**
     * The query for a normalised {@code key} and its {@code words} (and {@code strippedKey}, the key without its legal
     * form; {@code query} as typed), only entities of {@code typeIri} when not null.
     */
    static Query of(String key, List<String> words, String strippedKey, String query, String typeIri) {
        Set<String> keys = new LinkedHashSet<>(List.of(key));
        if (!strippedKey.isEmpty()) {
            keys.add(strippedKey);
        }
        boolean chinese = Pinyin.isChinese(query);
        boolean latin = !chinese
                && query.codePoints()
                        .filter(Character::isLetter)
                        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
        BooleanQuery.Builder match = new BooleanQuery.Builder();
        for (String k : keys) {
            match.add(tier(new TermQuery(new Term(F_KEY, k)), EXACT), Occur.SHOULD);
            match.add(tier(new PrefixQuery(new Term(F_KEY, k)), PREFIX), Occur.SHOULD);
            int keyEdits = latin ? edits(k) : Math.min(1, edits(k));
            if (keyEdits > 0 && !chinese) {
                match.add(tier(new FuzzyQuery(new Term(F_KEY, k), keyEdits), FUZZY), Occur.SHOULD);
            }
        }
        if (chinese) {
            List<String> zhWords = terms(ChineseAnalyzers.WORDS, query);
            List<String> bigrams = terms(ChineseAnalyzers.BIGRAMS, query);
            if (!zhWords.isEmpty()) {
                match.add(tier(all(F_ZH_WORDS, zhWords), ALL_WORDS), Occur.SHOULD);
            }
            if (!bigrams.isEmpty()) {
                match.add(tier(all(F_ZH_BIGRAMS, bigrams), WORD_PREFIX), Occur.SHOULD);
            }
            match.add(tier(allWords(words, false, false), FUZZY_WORDS), Occur.SHOULD);
        } else {
            match.add(tier(allWords(words, false, false), ALL_WORDS), Occur.SHOULD);
            match.add(tier(allWords(words, true, false), WORD_PREFIX), Occur.SHOULD);
            if (latin) {
                match.add(tier(allWords(words, true, true), FUZZY_WORDS), Occur.SHOULD);
            }
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(match.build(), Occur.MUST);
        q.add(tier(new TermQuery(new Term(F_LANG, "en")), BONUS_EN), Occur.SHOULD);
        q.add(tier(new TermQuery(new Term(F_PROP, RDFS_LABEL)), BONUS_LABEL), Occur.SHOULD);
        q.add(FeatureField.newLinearQuery(F_RANK, BREVITY, SHORTER), Occur.SHOULD);
        q.add(FeatureField.newSaturationQuery(F_RANK, CONNECTEDNESS, CONNECTED, 5f), Occur.SHOULD);
        if (typeIri != null) {
            q.add(new TermQuery(new Term(F_TYPES, typeIri)), Occur.FILTER);
        }
        return q.build();
    }

    /** Every query word must match a word of the name: exactly, or the last one as a prefix, or within a typo. */
    private static Query allWords(List<String> words, boolean lastAsPrefix, boolean fuzzy) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            BooleanQuery.Builder one = new BooleanQuery.Builder();
            one.add(new TermQuery(new Term(F_WORDS, w)), Occur.SHOULD);
            if (lastAsPrefix && i == words.size() - 1) {
                one.add(new PrefixQuery(new Term(F_WORDS, w)), Occur.SHOULD);
            }
            if (fuzzy && edits(w) > 0) {
                one.add(new FuzzyQuery(new Term(F_WORDS, w), edits(w)), Occur.SHOULD);
            }
            all.add(one.build(), Occur.MUST);
        }
        return all.build();
    }

    private static Query all(String field, List<String> terms) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String t : terms) {
            all.add(new TermQuery(new Term(field, t)), Occur.MUST);
        }
        return all.build();
    }

    /** Typos allowed for a normalised string: none for very short ones, one up to seven characters, else two. */
    static int edits(String s) {
        int n = s.codePointCount(0, s.length());
        return n <= 3 ? 0 : n <= 7 ? 1 : 2;
    }

    private static Query tier(Query q, float weight) {
        return new BoostQuery(new ConstantScoreQuery(q), weight);
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
