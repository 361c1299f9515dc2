package br.com.crm.web.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;

/**
 * The headers every response carries: nothing may frame the module, browsers must not guess content types,
 * referrers stay inside it, no camera/microphone/location. Pages get their Content-Security-Policy from PrimeFaces'
 * CSP mode (a fresh nonce per response, see web.xml); everything else (the API, downloads) gets a policy that
 * allows nothing to run. Over HTTPS, or behind a TLS proxy ({@code crm.http.https=true}), HSTS as well.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    private static final boolean HTTPS = ConfigProvider.getConfig()
            .getOptionalValue("crm.http.https", Boolean.class).orElse(false);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (!isPage(request)) {
            response.setHeader("Content-Security-Policy", OTHER_POLICY);
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            // Customers' data stays out of shared and browser caches; scripts, styles and images may be kept.
            response.setHeader("Cache-Control", "no-store");
        }
        if (HTTPS || request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    /** A Faces page (not one of its resources), which PrimeFaces gives a policy with this response's nonce. */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/jakarta.faces.resource/") && (path.endsWith(".xhtml") || path.equals("/")
                || path.isEmpty());
    }
}
