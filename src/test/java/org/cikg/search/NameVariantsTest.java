package org.cikg.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pinyin of place names with polyphones, legal forms in several scripts, traditional characters. */
class NameVariantsTest {
    private final NameNormalizer normalizer = new NameNormalizer();
    private final LegalForms forms = new LegalForms(normalizer);

    @Test
    void placeNamesWithPolyphonesGetTheirPlaceNameReading() {
        assertThat(Pinyin.of("长沙")).containsExactly("chang sha", "changsha");
        assertThat(Pinyin.of("重庆")).containsExactly("chong qing", "chongqing");
        assertThat(Pinyin.of("厦门")).containsExactly("xia men", "xiamen");
        assertThat(Pinyin.of("蚌埠")).containsExactly("beng bu", "bengbu");
        assertThat(Pinyin.of("六安")).containsExactly("lu an", "luan");
        assertThat(Pinyin.of("番禺")).containsExactly("pan yu", "panyu");
        assertThat(Pinyin.withTones("杭州")).isEqualTo("háng zhōu");
        assertThat(Pinyin.of("DeepSeek")).isEmpty();
    }

    @Test
    void legalFormsAreTakenOffInEveryScriptButNeverTheWholeName() {
        assertThat(forms.strip("Tencent Holdings Ltd.")).isEqualTo("tencent");
        assertThat(forms.strip("Huawei Technologies Co., Ltd.")).isEqualTo("huawei technologies");
        assertThat(forms.strip("Alibaba Group Holding Limited")).isEqualTo("alibaba");
        assertThat(forms.strip("腾讯控股有限公司")).isEqualTo(normalizer.key("腾讯"));
        assertThat(forms.strip("比亚迪股份有限公司")).isEqualTo(normalizer.key("比亚迪"));
        assertThat(forms.strip("ООО «Байтдэнс»")).isEqualTo(normalizer.key("Байтдэнс"));
        assertThat(forms.strip("شركة علي بابا")).isEqualTo(normalizer.key("علي بابا"));
        assertThat(forms.strip("Group")).isEqualTo("group");
        assertThat(forms.hasForm("Unitree Robotics")).isFalse();
    }

    @Test
    void traditionalCharactersFoldToSimplified() {
        assertThat(normalizer.key("長沙")).isEqualTo(normalizer.key("长沙"));
        assertThat(normalizer.key("騰訊")).isEqualTo(normalizer.key("腾讯"));
        assertThat(normalizer.key("重慶")).isEqualTo(normalizer.key("重庆"));
    }

    @Test
    void variantsSayWhatTheyStandFor() {
        NameVariants variants = new NameVariants(normalizer);
        assertThat(variants.of("杭州")).extracting(NameVariants.Variant::text).contains("hang zhou", "hangzhou");
        assertThat(variants.of("阿里巴巴集团"))
                .extracting(NameVariants.Variant::kind)
                .contains(NameVariants.Kind.SUFFIX_STRIPPED, NameVariants.Kind.PINYIN);
        assertThat(variants.of("Unitree Robotics")).isEmpty();
    }
}
