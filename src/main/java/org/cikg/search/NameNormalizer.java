package org.cikg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one normalisation of names, used for indexing labels and for reading queries (and meant for reuse wherever a
 * name in running text has to meet a label: mention finding, reconciliation).
 *
 * <p>A name is split into words by Unicode word boundaries (UAX #29; Chinese characters become one word each), then
 * every word is folded:
 * <ul>
 *   <li>ICU folding (UTR #30): NFKC, so full-width and compatibility forms become plain ones; case folding; accents
 *       and other diacritics removed, which drops Latin accents ({@code é → e}), Hebrew niqqud and Arabic
 *       tashkeel;</li>
 *   <li>traditional Chinese characters folded to simplified ones (ICU's {@code Traditional-Simplified}
 *       transform: 長沙 is 长沙);</li>
 *   <li>Lucene's Arabic normaliser: alef forms ({@code أ إ آ → ا}), alef maqsura to ya ({@code ى → ي}), ta
 *       marbuta to ha ({@code ة → ه}), tatweel and any remaining harakat removed.</li>
 * </ul>
 * {@link #key(String)} joins the folded words with single spaces: two names are "the same name" when their keys are
 * equal, whatever their punctuation, spacing, case, width or diacritics.
 *
 * <pre>{@code
 * NameNormalizer n = new NameNormalizer();
 * n.key("Ｕｎｉｔｒｅｅ  Robotics")   // "unitree robotics"
 * n.words("Zürich-Oerlikon")       // ["zurich", "oerlikon"]
 * }</pre>
 * Thread-safe: the analyzer keeps per-thread token streams.
 */
public final class NameNormalizer {
    private static final com.ibm.icu.text.Transliterator SIMPLIFIED =
            com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified");
    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream folded = new ICUFoldingFilter(new ICUTransformFilter(source, SIMPLIFIED));
            return new TokenStreamComponents(source, new ArabicNormalizationFilter(folded));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ArabicNormalizationFilter(new ICUFoldingFilter(new ICUTransformFilter(in, SIMPLIFIED)));
        }
    };

    /** The Lucene analyzer behind {@link #words(String)}: use it for a tokenised field. */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** The folded words of a name, in order; empty for a name with no letters or digits. */
    public List<String> words(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("name", name)) {
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

    /** The whole name normalised: its folded words joined by single spaces ({@code ""} when it has none). */
    public String key(String name) {
        return String.join(" ", words(name));
    }
}
