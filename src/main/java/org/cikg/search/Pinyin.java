package org.cikg.search;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pinyin of Chinese names, for search: {@code 杭州} is also found as "hangzhou", "hang zhou" and "Hángzhōu" (the
 * normaliser folds the tones away). Readings come from the houbb {@code pinyin} library, whose phrase dictionary
 * reads polyphones in context (长沙 cháng shā, 重庆 chóng qìng, 厦门 xià mén, 蚌埠 bèng bù, 六安 lù ān, 番禺 pān yú).
 * Where it still reads a place name wrongly, the gazetteer's own pinyin label (generated with a checked table of
 * readings, {@code gazetteer/readings.tsv}) is indexed too, so the right reading is always found.
 */
public final class Pinyin {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** Whether the text has Chinese characters. */
    public static boolean isChinese(String text) {
        return text != null && HAN.matcher(text).find();
    }

    /**
     * The toneless pinyin of a Chinese name, syllables separated by spaces ({@code "hang zhou"}), and run together
     * ({@code "hangzhou"}); empty for a name without Chinese characters.
     */
    public static List<String> of(String text) {
        if (!isChinese(text)) {
            return List.of();
        }
        String spaced = PinyinHelper.toPinyin(text, PinyinStyleEnum.NORMAL)
                .replaceAll("\\s+", " ")
                .strip();
        String joined = spaced.replace(" ", "");
        return spaced.equals(joined) ? List.of(spaced) : List.of(spaced, joined);
    }

    /** The pinyin with tone marks ({@code "háng zhōu"}), or null for a name without Chinese characters. */
    public static String withTones(String text) {
        return isChinese(text)
                ? PinyinHelper.toPinyin(text).replaceAll("\\s+", " ").strip()
                : null;
    }

    private Pinyin() {}
}
