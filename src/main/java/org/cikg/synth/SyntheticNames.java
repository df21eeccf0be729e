package org.cikg.synth;

import java.util.SplittableRandom;

/**
 * Made-up Chinese-style names, written in five scripts from one choice of syllables: Latin (the {@code @en} label
 * and the slug), Han ({@code @zh}), Cyrillic ({@code @ru}), Arabic ({@code @ar}) and Hebrew ({@code @he}).
 * The same syllables always give the same names, so a name is a pure function of its random draw.
 */
final class SyntheticNames {
    private static final String[] LATIN = {
        "an", "bao", "chen", "da", "fei", "guang", "hai", "hua", "jin", "kang", "lan", "long", "ming", "ning", "qi",
        "rui", "shan", "tai", "wei", "xin", "yang", "yun", "zhi", "feng"
    };
    private static final String[] HAN = {
        "安", "宝", "辰", "达", "飞", "光", "海", "华", "金", "康", "蓝", "龙", "明", "宁", "启", "瑞", "山", "泰", "伟", "新", "阳", "云",
        "智", "峰"
    };
    private static final String[] CYRILLIC = {
        "ань", "бао", "чэнь", "да", "фэй", "гуан", "хай", "хуа", "цзинь", "кан", "лань", "лун", "мин", "нин", "ци",
        "жуй", "шань", "тай", "вэй", "синь", "ян", "юнь", "чжи", "фэн"
    };
    private static final String[] ARABIC = {
        "آن", "باو", "تشن", "دا", "في", "غوانغ", "هاي", "هوا", "جين", "كانغ", "لان", "لونغ", "مينغ", "نينغ", "تشي",
        "روي", "شان", "تاي", "وي", "شين", "يانغ", "يون", "جي", "فنغ"
    };
    private static final String[] HEBREW = {
        "אן", "באו", "צ'ן", "דה", "פיי", "גואנג", "האי", "הואה", "ג'ין", "קאנג", "לאן", "לונג", "מינג", "נינג", "צ'י",
        "רוי", "שאן", "טאי", "ויי", "שין", "יאנג", "יון", "ג'י", "פנג"
    };

    /** One name in the five scripts; {@code latin} is capitalised ("Anbao"), {@code slug} lower-case ASCII. */
    record Name(String latin, String han, String cyrillic, String arabic, String hebrew) {
        String slug() {
            return latin.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private SyntheticNames() {}

    /** A name of {@code syllables} syllables drawn from {@code random}. */
    static Name draw(SplittableRandom random, int syllables) {
        StringBuilder latin = new StringBuilder();
        StringBuilder han = new StringBuilder();
        StringBuilder cyr = new StringBuilder();
        StringBuilder ar = new StringBuilder();
        StringBuilder he = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            int k = random.nextInt(LATIN.length);
            latin.append(LATIN[k]);
            han.append(HAN[k]);
            cyr.append(CYRILLIC[k]);
            ar.append(ARABIC[k]);
            he.append(HEBREW[k]);
        }
        return new Name(capitalise(latin), han.toString(), capitalise(cyr), ar.toString(), he.toString());
    }

    /** A random stream that depends only on the seed, a stream number and an index. */
    static SplittableRandom stream(long seed, int stream, long index) {
        long h = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        return new SplittableRandom(h);
    }

    private static String capitalise(CharSequence s) {
        return Character.toUpperCase(s.charAt(0)) + s.subSequence(1, s.length()).toString();
    }
}
