package br.com.crm.web.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @Test
    void picksTheFirstLanguageWeSpeak() {
        assertThat(Languages.negotiate(List.of(Locale.GERMAN, Locale.US, Languages.PT_BR).iterator()))
                .isEqualTo(Locale.ENGLISH);
        assertThat(Languages.negotiate(List.of(Locale.forLanguageTag("pt-PT")).iterator()))
                .isEqualTo(Languages.PT_BR);
    }

    @Test
    void fallsBackToBrazilianPortuguese() {
        assertThat(Languages.negotiate(List.of(Locale.JAPANESE).iterator())).isEqualTo(Languages.PT_BR);
        assertThat(Languages.negotiate(List.<Locale>of().iterator())).isEqualTo(Languages.PT_BR);
    }
}
