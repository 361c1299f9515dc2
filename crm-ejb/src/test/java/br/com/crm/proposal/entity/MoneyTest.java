package br.com.crm.proposal.entity;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    private static final Locale BRAZIL = Locale.forLanguageTag("pt-BR");

    @Test
    void writesReaisAsBraziliansDo() {
        assertThat(Money.format(new BigDecimal("1234.56"), BRAZIL)).isEqualTo("R$ 1.234,56");
        assertThat(Money.format(new BigDecimal("1234567.8"), BRAZIL)).isEqualTo("R$ 1.234.567,80");
        assertThat(Money.format(new BigDecimal("0.5"), BRAZIL)).isEqualTo("R$ 0,50");
        assertThat(Money.format(BigDecimal.ZERO, BRAZIL)).isEqualTo("R$ 0,00");
    }

    @Test
    void writesReaisWithEnglishSeparatorsForEnglishReaders() {
        assertThat(Money.format(new BigDecimal("1234.56"), Locale.ENGLISH)).isEqualTo("R$ 1,234.56");
        assertThat(Money.format(new BigDecimal("1234.56"), Locale.US)).isEqualTo("R$ 1,234.56");
        assertThat(Money.format(new BigDecimal("1234567.8"), Locale.ENGLISH)).isEqualTo("R$ 1,234,567.80");
    }

    @Test
    void putsTheMinusBeforeTheCurrency() {
        assertThat(Money.format(new BigDecimal("-10"), BRAZIL)).isEqualTo("-R$ 10,00");
        assertThat(Money.format(new BigDecimal("-10"), Locale.ENGLISH)).isEqualTo("-R$ 10.00");
        assertThat(Money.format(new BigDecimal("-1234.5"), BRAZIL)).isEqualTo("-R$ 1.234,50");
    }

    @Test
    void roundsHalfUpToCentsBeforeWriting() {
        assertThat(Money.format(new BigDecimal("1234.565"), BRAZIL)).isEqualTo("R$ 1.234,57");
        assertThat(Money.format(new BigDecimal("0.125"), BRAZIL)).isEqualTo("R$ 0,13");
        assertThat(Money.format(new BigDecimal("0.004"), BRAZIL)).isEqualTo("R$ 0,00");
        // Rounds to zero: no minus in front of nothing.
        assertThat(Money.format(new BigDecimal("-0.004"), BRAZIL)).isEqualTo("R$ 0,00");
        assertThat(Money.format(new BigDecimal("-0.005"), BRAZIL)).isEqualTo("-R$ 0,01");
    }

    @Test
    void usesOrdinarySpacesOnly() {
        String text = Money.format(new BigDecimal("1234567.89"), Locale.FRANCE);

        assertThat(text).startsWith("R$ ").doesNotContain("\u00A0", "\u202F");
        assertThat(Money.format(new BigDecimal("1"), BRAZIL)).doesNotContain("\u00A0");
    }

    @Test
    void noLocaleMeansBrazilianPortugueseAndNoAmountMeansZero() {
        assertThat(Money.format(new BigDecimal("1234.5"), null)).isEqualTo("R$ 1.234,50");
        assertThat(Money.format(null, BRAZIL)).isEqualTo("R$ 0,00");
    }

    @Test
    void centsRoundHalfUpAwayFromZero() {
        assertThat(Money.cents(new BigDecimal("2.345"))).isEqualTo(new BigDecimal("2.35"));
        assertThat(Money.cents(new BigDecimal("2.344"))).isEqualTo(new BigDecimal("2.34"));
        assertThat(Money.cents(new BigDecimal("-2.345"))).isEqualTo(new BigDecimal("-2.35"));
        assertThat(Money.cents(new BigDecimal("7"))).isEqualTo(new BigDecimal("7.00"));
        assertThat(Money.cents(null)).isEqualTo(new BigDecimal("0.00"));
    }
}
