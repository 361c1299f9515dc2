package br.com.crm.kernel;

import java.text.Normalizer;
import java.util.Locale;

/** Text as every search compares it. */
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
}
