package br.com.crm.kernel;

import java.text.Normalizer;
import java.util.Locale;

/** Text as every search compares it, and what text the module accepts at all. */
public final class Text {

    private Text() {
    }

    /** Lower case, accents removed, trimmed: "São João " and "sao joao" are the same name to a search. */
    public static String searchable(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .strip();
    }

    /**
     * Where {@code text} holds a character no field of the module takes, or -1: control characters other than tab,
     * line feed and carriage return (a NUL is refused by PostgreSQL, an escape code garbles terminals and exports)
     * and halves of a surrogate pair without their other half (not encodable in UTF-8).
     */
    public static int forbiddenAt(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
