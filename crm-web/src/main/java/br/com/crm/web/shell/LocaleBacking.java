package br.com.crm.web.shell;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The language of the screens: the browser's when it is one we speak, pt-BR otherwise, and whatever the user
 * switches to for the rest of the session.
 */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            var external = FacesContext.getCurrentInstance().getExternalContext();
            // Without Accept-Language the container reports its own default locale: ours is pt-BR instead.
            locale = external.getRequestHeaderMap().containsKey("Accept-Language")
                    ? Languages.negotiate(external.getRequestLocales())
                    : Languages.PT_BR;
        }
        return locale;
    }

    /** The session's language outside Faces (downloads): the one chosen, or else the browser's. */
    public Locale localeOf(HttpServletRequest request) {
        if (locale != null) {
            return locale;
        }
        return Languages.of(request);
    }

    public String getLanguageTag() {
        return getLocale().toLanguageTag();
    }

    /** Switches language and reloads the current page with a GET, so no half-submitted form is replayed. */
    public void switchTo(String languageTag) throws IOException {
        locale = Languages.SUPPORTED.stream()
                .filter(l -> l.toLanguageTag().equals(languageTag))
                .findFirst()
                .orElse(Languages.PT_BR);
        Faces.refreshWithQueryString();
    }

}
