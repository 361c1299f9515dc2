package br.com.crm.customer.entity;

/**
 * Brazilian tax ids: CPF (people, 11 digits) and CNPJ (companies, 14 digits), with their check digits verified.
 * Stored as digits only.
 */
public final class TaxId {

    private TaxId() {
    }

    public static String digits(String raw) {
        return raw == null ? null : raw.replaceAll("\\D", "");
    }

    public static boolean isValidFor(CustomerKind kind, String raw) {
        String d = digits(raw);
        return kind == CustomerKind.PERSON ? isValidCpf(d) : isValidCnpj(d);
    }

    public static boolean isValidCpf(String raw) {
        String d = digits(raw);
        if (d == null || d.length() != 11 || allSame(d)) {
            return false;
        }
        return checkDigit(d, 9, 10) == d.charAt(9) - '0' && checkDigit(d, 10, 11) == d.charAt(10) - '0';
    }

    public static boolean isValidCnpj(String raw) {
        String d = digits(raw);
        if (d == null || d.length() != 14 || allSame(d)) {
            return false;
        }
        return cnpjDigit(d, 12) == d.charAt(12) - '0' && cnpjDigit(d, 13) == d.charAt(13) - '0';
    }

    /** Formats digits as 000.000.000-00 or 00.000.000/0000-00; anything else is returned as it is. */
    public static String format(String digits) {
        if (digits == null) {
            return null;
        }
        if (digits.length() == 11) {
            return digits.replaceFirst("(\\d{3})(\\d{3})(\\d{3})(\\d{2})", "$1.$2.$3-$4");
        }
        if (digits.length() == 14) {
            return digits.replaceFirst("(\\d{2})(\\d{3})(\\d{3})(\\d{4})(\\d{2})", "$1.$2.$3/$4-$5");
        }
        return digits;
    }

    /**
     * As shown to someone who may not see a person's data (LGPD: crm-viewer): a CPF keeps only its middle six
     * digits ({@code ***.456.789-**}), enough to tell two people apart on a screen, not to use the number. A CNPJ
     * names a company, not a person: shown whole.
     */
    public static String masked(String digits) {
        if (digits == null || digits.length() != 11) {
            return format(digits);
        }
        return "***." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-**";
    }

    /** {@link #format(String) Formatted} for who may see personal data, {@link #masked(String) masked} otherwise. */
    public static String shown(String digits, boolean personalData) {
        return personalData ? format(digits) : masked(digits);
    }

    /** CPF: weights count down from {@code firstWeight} over the first {@code length} digits. */
    static int checkDigit(String d, int length, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (d.charAt(i) - '0') * (firstWeight - i);
        }
        int rest = (sum * 10) % 11;
        return rest == 10 ? 0 : rest;
    }

    /** CNPJ: weights 2..9 repeating from the right over the first {@code length} digits. */
    static int cnpjDigit(String d, int length) {
        int sum = 0;
        int weight = 2;
        for (int i = length - 1; i >= 0; i--) {
            sum += (d.charAt(i) - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    /** Completes 9 (CPF) or 12 (CNPJ) digits with their check digits; for demo data and tests. */
    public static String complete(String base) {
        if (base.length() == 9) {
            String d = base + checkDigit(base + "00", 9, 10);
            return d + checkDigit(d + "0", 10, 11);
        }
        if (base.length() == 12) {
            String d = base + cnpjDigit(base + "00", 12);
            return d + cnpjDigit(d + "0", 13);
        }
        throw new IllegalArgumentException("9 or 12 digits expected: " + base);
    }

    private static boolean allSame(String d) {
        return d.chars().allMatch(c -> c == d.charAt(0));
    }
}
