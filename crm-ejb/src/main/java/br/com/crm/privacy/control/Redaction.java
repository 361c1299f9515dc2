package br.com.crm.privacy.control;

import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.customer.entity.TaxId;
import br.com.crm.database.control.AuditAppendOnly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds a person's data in free text and replaces it with {@link #PLACEHOLDER}: their full name, each part of a
 * person's name (a note says "falei com João"), the CPF/CNPJ written with or without its punctuation, the e-mail,
 * the phone as registered and as bare digits. Whole words, case ignored. Accents are not folded: "Joao" written
 * for "João" stays (the person's full name, CPF, e-mail and phone are what identify them; a first name alone
 * rarely does).
 */
public final class Redaction {

    public static final String PLACEHOLDER = AuditAppendOnly.REDACTED;

    /** Parts of Portuguese names that name nobody on their own. */
    private static final Set<String> PARTICLES = Set.of("da", "de", "do", "das", "dos", "e", "di", "du", "del");

    private final Pattern pattern;

    private Redaction(Pattern pattern) {
        this.pattern = pattern;
    }

    /** What to look for of one customer (any of them {@code null}). */
    public static Redaction of(String name, CustomerKind kind, String taxId, String email, String phone) {
        Set<String> needles = new LinkedHashSet<>();
        add(needles, name);
        if (name != null && kind == CustomerKind.PERSON) {
            for (String part : name.strip().split("\\s+")) {
                if (part.length() >= 3 && !PARTICLES.contains(part.toLowerCase(Locale.ROOT))) {
                    needles.add(part);
                }
            }
        }
        if (taxId != null) {
            add(needles, taxId);
            add(needles, TaxId.format(taxId));
        }
        add(needles, email);
        if (phone != null) {
            add(needles, phone);
            String digits = phone.replaceAll("\\D", "");
            if (digits.length() >= 8) {
                needles.add(digits);
            }
        }
        if (needles.isEmpty()) {
            return new Redaction(null);
        }
        // Longest first: the full name goes whole before its parts are looked for.
        List<String> ordered = new ArrayList<>(needles);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        String alternatives = ordered.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return new Redaction(Pattern.compile("(?<![\\p{L}\\p{N}@.])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private static void add(Set<String> needles, String value) {
        if (value != null && !value.isBlank()) {
            needles.add(value.strip());
        }
    }

    /** The text with every occurrence replaced; {@code null} stays {@code null}. */
    public String apply(String text) {
        if (text == null || pattern == null) {
            return text;
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(PLACEHOLDER)) : text;
    }

    /** Whether the text names the person. */
    public boolean finds(String text) {
        return text != null && pattern != null && pattern.matcher(text).find();
    }
}
