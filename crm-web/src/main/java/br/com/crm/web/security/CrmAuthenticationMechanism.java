package br.com.crm.web.security;

import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.omnifaces.util.Servlets;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * One mechanism for both doors of the module, because Jakarta Security 3 allows one per application:
 * <ul>
 *     <li>pages: a form login ({@code /login.xhtml}) through {@code SecurityContext.authenticate}; the caller is then
 *     kept in the HTTP session, whose id changes at login;</li>
 *     <li>the REST API ({@code /api/...}): HTTP Basic on every request, no session created, 401 as
 *     {@code application/problem+json}.</li>
 * </ul>
 * Both check credentials against the same database identity store (PBKDF2 hashes in {@code crm_user}).
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/crm",
        callerQuery = "select password_hash from crm_user where username = ? and active = true",
        groupsQuery = "select r.role from crm_user_role r join crm_user u on u.id = r.user_id where u.username = ?",
        // Verification reads algorithm, iterations and salt from each stored hash (made by Users).
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({Roles.ADMIN, Roles.USER, Roles.VIEWER})
@ApplicationScoped
public class CrmAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    static final String CALLER_ATTRIBUTE = "crm.caller";
    static final String ORIGINAL_URL_ATTRIBUTE = "crm.originalUrl";
    private static final String API_PATH = "/api/";

    /** What the session remembers of a logged-in caller. */
    record Caller(String name, Set<String> roles) implements Serializable {
    }

    /**
     * How long a successful HTTP Basic login is remembered. PBKDF2 is slow on purpose; an integrator calling the
     * API many times a second should not pay it on every call. A changed password or a deactivated user takes
     * effect on the API at most this late.
     */
    static final Duration BASIC_MEMORY = Duration.ofSeconds(60);
    private static final int BASIC_MEMORY_LIMIT = 10_000;

    /** A remembered Basic login, keyed by a SHA-256 of the Authorization header (never the password itself). */
    private record RememberedCaller(String name, Set<String> roles, long until) {
    }

    private final Map<String, RememberedCaller> rememberedBasic = new ConcurrentHashMap<>();

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return loginFromPage(request, context, credential);
        }
        if (isApi(request)) {
            return basic(request, response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER_ATTRIBUTE) instanceof Caller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.roles());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return toLoginPage(request, response, context);
    }

    private AuthenticationStatus loginFromPage(HttpServletRequest request, HttpMessageContext context,
                                               Credential credential) {
        CredentialValidationResult result = identityStores.validate(normalized(credential));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // Returned as is (not responseUnauthorized): the login page renders its own message.
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation
        }
        request.getSession().setAttribute(CALLER_ATTRIBUTE,
                new Caller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String key = sha256(header);
            RememberedCaller remembered = rememberedBasic.get(key);
            if (remembered != null && remembered.until() - System.nanoTime() > 0) {
                return context.notifyContainerAboutLogin(remembered.name(), remembered.roles());
            }
            UsernamePasswordCredential credential = decodeBasic(header.substring(6).trim());
            if (credential != null) {
                CredentialValidationResult result = identityStores.validate(normalized(credential));
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    if (rememberedBasic.size() >= BASIC_MEMORY_LIMIT) {
                        rememberedBasic.clear();
                    }
                    rememberedBasic.put(key, new RememberedCaller(result.getCallerPrincipal().getName(),
                            Set.copyOf(result.getCallerGroups()), System.nanoTime() + BASIC_MEMORY.toNanos()));
                    return context.notifyContainerAboutLogin(result);
                }
            }
            return unauthorized(response, context, "Invalid user name or password.");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return unauthorized(response, context, "Authentication required (HTTP Basic).");
    }

    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        if ("GET".equals(request.getMethod()) && !Servlets.isFacesAjaxRequest(request)) {
            String query = request.getQueryString();
            request.getSession().setAttribute(ORIGINAL_URL_ATTRIBUTE,
                    request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        // An expired session during an Ajax request needs a partial-response redirect, not a plain 302.
        Servlets.facesRedirect(request, response, request.getContextPath() + LOGIN_PAGE);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context,
                                                     String detail) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"crm\", charset=\"UTF-8\"");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + detail + "\"}");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API_PATH);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static UsernamePasswordCredential decodeBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** User names are stored in lower case; people type them as they like. */
    private static Credential normalized(Credential credential) {
        if (credential instanceof UsernamePasswordCredential up) {
            return new UsernamePasswordCredential(up.getCaller().trim().toLowerCase(Locale.ROOT), up.getPassword());
        }
        return credential;
    }
}
