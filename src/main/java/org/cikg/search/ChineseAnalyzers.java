package org.cikg.search;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two analyses of Chinese names beside {@link NameNormalizer}'s one word per character: words from
 * {@code lucene-analysis-smartcn}'s segmenter (深度求索 → 深度 求索), so a query matches whole words of a name
 * rather than scattered characters, and overlapping character bigrams (深度 度求 求索), for recall where the
 * segmenter splits a name differently from the query. Both fold traditional characters to simplified ones first.
 */
final class ChineseAnalyzers {
    private static final Transliterator SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

    /** Segmented words. */
    static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new HMMChineseTokenizer();
            return new TokenStreamComponents(source, new ICUFoldingFilter(new ICUTransformFilter(source, SIMPLIFIED)));
        }
    };

    /** Character bigrams of Han text (other scripts' words pass as they are). */
    static final Analyzer BIGRAMS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream simplified = new ICUTransformFilter(source, SIMPLIFIED);
            return new TokenStreamComponents(source, new CJKBigramFilter(new ICUFoldingFilter(simplified)));
        }
    };

    private ChineseAnalyzers() {}
}
