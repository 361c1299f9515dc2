package br.com.crm.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The one language negotiation of pages, downloads, exports and API problems: the first language asked for that
 * we speak, and pt-BR when nothing asked matches (or nothing is asked), as the screens do.
 */
public final class Languages {

    public static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    public static final List<Locale> SUPPORTED = List.of(PT_BR, Locale.ENGLISH);

    private Languages() {
    }

    /** The first of {@code requested}, in order of preference, whose language we speak; else pt-BR. */
    public static Locale negotiate(Iterator<Locale> requested) {
        while (requested != null && requested.hasNext()) {
            Locale candidate = requested.next();
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(candidate.getLanguage())) {
                    return supported;
                }
            }
        }
        return PT_BR;
    }

    /** An API call's language, from its Accept-Language (JAX-RS lists them by quality). */
    public static Locale of(HttpHeaders headers) {
        return headers == null ? PT_BR : negotiate(headers.getAcceptableLanguages().iterator());
    }

    /**
     * A servlet request's language. Without Accept-Language the container reports its own default locale, so the
     * header decides, not {@link HttpServletRequest#getLocales()} alone.
     */
    public static Locale of(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? PT_BR : negotiate(request.getLocales().asIterator());
    }
}
