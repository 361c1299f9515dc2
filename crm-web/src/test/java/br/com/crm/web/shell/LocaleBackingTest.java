package br.com.crm.web.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LocaleBackingTest {

    @Test
    void picksTheFirstLanguageWeSpeak() {
        assertThat(LocaleBacking.negotiate(List.of(Locale.GERMAN, Locale.US, LocaleBacking.PT_BR).iterator()))
                .isEqualTo(Locale.ENGLISH);
        assertThat(LocaleBacking.negotiate(List.of(Locale.forLanguageTag("pt-PT")).iterator()))
                .isEqualTo(LocaleBacking.PT_BR);
    }

    @Test
    void fallsBackToBrazilianPortuguese() {
        assertThat(LocaleBacking.negotiate(List.of(Locale.JAPANESE).iterator())).isEqualTo(LocaleBacking.PT_BR);
        assertThat(LocaleBacking.negotiate(List.<Locale>of().iterator())).isEqualTo(LocaleBacking.PT_BR);
    }
}
