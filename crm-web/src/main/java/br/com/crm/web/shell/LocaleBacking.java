package br.com.crm.web.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language of the screens: the one the user switched to (kept in a cookie, so that neither the login page
 * nor a language switch needs a session), else the browser's when it is one we speak, else pt-BR.
 */
@Named
@RequestScoped
public class LocaleBacking {

    static final String COOKIE = "crm.lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = localeOf(Faces.getRequest());
        }
        return locale;
    }

    /** A request's language outside Faces (downloads): the one chosen, else the browser's. */
    public Locale localeOf(HttpServletRequest request) {
        return chosen(request.getCookies()).orElseGet(() -> Languages.of(request));
    }

    public String getLanguageTag() {
        return getLocale().toLanguageTag();
    }

    /** Switches language and reloads the current page with a GET, so no half-submitted form is replayed. */
    public void switchTo(String languageTag) throws IOException {
        locale = supported(languageTag).orElse(Languages.PT_BR);
        FacesContext.getCurrentInstance().getExternalContext().addResponseCookie(COOKIE, locale.toLanguageTag(),
                Map.of("maxAge", ONE_YEAR, "path", Faces.getRequestContextPath() + "/", "httpOnly", true,
                        "secure", Faces.getRequest().isSecure(), "SameSite", "Lax"));
        Faces.refreshWithQueryString();
    }

    private static Optional<Locale> chosen(Cookie[] cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return supported(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<Locale> supported(String languageTag) {
        return Languages.SUPPORTED.stream().filter(l -> l.toLanguageTag().equals(languageTag)).findFirst();
    }
}
