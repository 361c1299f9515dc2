package br.com.crm.web.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

/**
 * A page's form posted back without the Content-Security-Policy nonce that its scripts add to every postback
 * (or with one that is not a nonce) was not sent by the page: it is answered 400 with a problem here. Left to
 * PrimeFaces, it would end as a server error page and a logged exception.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class FacesPostbacks extends HttpFilter {

    static final String NONCE = "primefaces.nonce";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String media = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        // Multipart ones too (the import's upload): the Faces servlet's multipart-config lets them be read here.
        if ("POST".equals(request.getMethod()) && (media.startsWith("application/x-www-form-urlencoded")
                || media.startsWith("multipart/form-data"))) {
            if (request.getCharacterEncoding() == null) {
                // What Faces would set before reading the parameters; they are read here first.
                request.setCharacterEncoding(StandardCharsets.UTF_8.name());
            }
            if (request.getParameter("jakarta.faces.ViewState") != null && !isUnload(request)
                    && !isNonce(request.getParameter(NONCE))) {
                // Answered here, not through the error page: that page, rendered for this same postback, would
                // meet the same missing nonce.
                ServletProblems.write(response, 400, "Bad Request", Feedback.format(
                        ResourceBundle.getBundle(Feedback.BUNDLE, Languages.of(request)), "page.postback.invalid"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * OmniFaces' beacon when the browser leaves a page, which carries no nonce: it only ends that page's view scope
     * (its beans and their data leave the session at once, not when fifteen later pages push them out), and only
     * with the page's own view state.
     */
    static boolean isUnload(HttpServletRequest request) {
        return "unload".equals(request.getParameter("omnifaces.event"));
    }

    /** As PrimeFaces makes them: a UUID in Base64. */
    static boolean isNonce(String value) {
        if (value == null || value.length() > 64) {
            return false;
        }
        try {
            UUID.fromString(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
