package org.acse.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {
    @Test
    void knowsTwoAndThreeLetterCodesAndTheCaseloadsLanguages() {
        assertThat(Languages.isKnown("ro")).isTrue();
        assertThat(Languages.isKnown("ron")).isTrue();
        assertThat(Languages.isKnown("FR")).isTrue();
        assertThat(Languages.isKnown("tir")).isTrue();
        assertThat(Languages.isKnown("pcm")).isTrue();
        assertThat(Languages.isKnown("bin")).isTrue();
    }

    @Test
    void refusesWhatIsNoLanguage() {
        assertThat(Languages.isKnown("xx")).isFalse();
        assertThat(Languages.isKnown("zzz")).isFalse();
        assertThat(Languages.isKnown("")).isFalse();
        assertThat(Languages.isKnown(null)).isFalse();
        assertThat(Languages.isKnown("fr-FR")).isFalse();
    }
}
