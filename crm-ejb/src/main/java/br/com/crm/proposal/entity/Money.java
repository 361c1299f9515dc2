package br.com.crm.proposal.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts in reais: one rounding rule and one way to write them. Every proposal figure passes through here, so the
 * page, the PDF and the e-mail never disagree by a cent.
 */
public final class Money {

    /** Centavos: what the customer pays and what the ERP books. */
    public static final int SCALE = 2;

    /** Half up, as Brazilian invoices and people round by hand (banker's rounding would surprise them). */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final String CURRENCY = "R$ ";
    private static final Locale BRAZIL = Locale.forLanguageTag("pt-BR");

    private Money() {
    }

    /** The amount rounded to centavos; null counts as zero, so optional figures (freight) need no special case. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(SCALE) : amount.setScale(SCALE, ROUNDING);
    }

    /**
     * The amount as text in reais with the reader's separators: {@code R$ 1.234,56} in Portuguese,
     * {@code R$ 1,234.56} in English. Always BRL, whatever the locale: the locale changes how it is written, not what
     * is charged. A plain space follows {@code R$} (not the non-breaking one the JDK's currency format uses) so the
     * text reads the same in tests, PDFs and e-mails.
     */
    public static String format(BigDecimal amount, Locale locale) {
        BigDecimal value = cents(amount);
        DecimalFormat digits = new DecimalFormat("#,##0.00",
                DecimalFormatSymbols.getInstance(locale == null ? BRAZIL : locale));
        digits.setRoundingMode(ROUNDING);
        String text = plainSpaces(digits.format(value.abs()));
        return (value.signum() < 0 ? "-" : "") + CURRENCY + text;
    }

    /** Some locales group thousands with (narrow) non-breaking spaces; PDFs and tests want ordinary ones. */
    static String plainSpaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
