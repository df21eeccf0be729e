package org.cikg.search;

import java.util.List;
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
 * The Lucene query for what a user typed, over the fields {@link IndexBuilder} writes. A hit's score falls in tiers,
 * so an exact match always outranks a prefix match, which outranks a fuzzy one; within a tier the {@code @en} name
 * and {@code rdfs:label} get a small bonus over other languages and {@code skos:altLabel}.
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

    private NameQuery() {
    }

    /** The query for a normalised {@code key} and its {@code words}, only entities of {@code typeIri} when not null. */
    static Query of(String key, List<String> words, String typeIri) {
        BooleanQuery.Builder match = new BooleanQuery.Builder();
        match.add(tier(new TermQuery(new Term(IndexBuilder.F_KEY, key)), EXACT), Occur.SHOULD);
        match.add(tier(new PrefixQuery(new Term(IndexBuilder.F_KEY, key)), PREFIX), Occur.SHOULD);
        match.add(tier(allWords(words, false, false), ALL_WORDS), Occur.SHOULD);
        match.add(tier(allWords(words, true, false), WORD_PREFIX), Occur.SHOULD);
        int keyEdits = edits(key);
        if (keyEdits > 0) {
            match.add(tier(new FuzzyQuery(new Term(IndexBuilder.F_KEY, key), keyEdits), FUZZY), Occur.SHOULD);
        }
        match.add(tier(allWords(words, true, true), FUZZY_WORDS), Occur.SHOULD);

        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(match.build(), Occur.MUST);
        q.add(tier(new TermQuery(new Term(IndexBuilder.F_LANG, "en")), BONUS_EN), Occur.SHOULD);
        q.add(tier(new TermQuery(new Term(IndexBuilder.F_PROP, IndexBuilder.RDFS_LABEL)), BONUS_LABEL), Occur.SHOULD);
        if (typeIri != null) {
            q.add(new TermQuery(new Term(IndexBuilder.F_TYPES, typeIri)), Occur.FILTER);
        }
        return q.build();
    }

    /** Every query word must match a word of the name: exactly, or the last one as a prefix, or within a typo. */
    private static Query allWords(List<String> words, boolean lastAsPrefix, boolean fuzzy) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            BooleanQuery.Builder one = new BooleanQuery.Builder();
            one.add(new TermQuery(new Term(IndexBuilder.F_WORDS, w)), Occur.SHOULD);
            if (lastAsPrefix && i == words.size() - 1) {
                one.add(new PrefixQuery(new Term(IndexBuilder.F_WORDS, w)), Occur.SHOULD);
            }
            if (fuzzy && edits(w) > 0) {
                one.add(new FuzzyQuery(new Term(IndexBuilder.F_WORDS, w), edits(w)), Occur.SHOULD);
            }
            all.add(one.build(), Occur.MUST);
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
}
