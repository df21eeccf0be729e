package org.cikg.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {
    private final NameNormalizer n = new NameNormalizer();

    @Test
    void foldsCaseAndSpacingAndPunctuationIntoOneKey() {
        assertThat(n.key("  Unitree   ROBOTICS ")).isEqualTo("unitree robotics");
        assertThat(n.key("DeepSeek-R1")).isEqualTo(n.key("deepseek r1"));
    }

    @Test
    void foldsFullWidthFormsToPlainOnes() {
        assertThat(n.key("Ｕｎｉｔｒｅｅ")).isEqualTo("unitree");
        assertThat(n.key("ＡＩ２０２５")).isEqualTo("ai2025");
    }

    @Test
    void foldsLatinAccents() {
        assertThat(n.key("Zürich Société Générale Čeština")).isEqualTo("zurich societe generale cestina");
        assertThat(n.key("Straße")).isEqualTo("strasse");
    }

    @Test
    void removesArabicDiacriticsAndTatweel() {
        // ديب سيك with fatha/sukun/kasra and a tatweel
        assertThat(n.key("دِيبْ سِيـــك")).isEqualTo(n.key("ديب سيك"));
    }

    @Test
    void unifiesArabicAlefYaAndTaMarbutaForms() {
        assertThat(n.key("أحمد")).isEqualTo(n.key("احمد"));
        assertThat(n.key("إسلام")).isEqualTo(n.key("اسلام"));
        assertThat(n.key("آسيا")).isEqualTo(n.key("اسيا"));
        assertThat(n.key("مصطفى")).isEqualTo(n.key("مصطفي"));
        assertThat(n.key("مدينة")).isEqualTo(n.key("مدينه"));
    }

    @Test
    void removesHebrewNiqqud() {
        // שָׁנְגְחַאי (Shanghai, pointed) and סִין (China, pointed)
        assertThat(n.key("שָׁנְגְחַאי")).isEqualTo(n.key("שנגחאי"));
        assertThat(n.key("סִין")).isEqualTo("סין");
    }

    @Test
    void keepsHebrewWordsWithGereshWhole() {
        assertThat(n.words("בייג'ינג")).hasSize(1);
    }

    @Test
    void splitsChineseIntoCharactersSoPrefixesLineUp() {
        assertThat(n.words("宇树科技")).containsExactly("宇", "树", "科", "技");
        assertThat(n.key("宇树科技")).startsWith(n.key("宇树"));
    }

    @Test
    void nameWithoutLettersHasNoWords() {
        assertThat(n.words(" -- !! ")).isEmpty();
        assertThat(n.key(null)).isEmpty();
    }
}
