package br.com.crm.web.security;

import br.com.crm.audit.boundary.Audit;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.ChangeOrigin;
import br.com.crm.kernel.Cluster;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.Roles;
import br.com.crm.web.shell.ClientAddress;
import br.com.crm.web.shell.RequestOrigin;
import br.com.crm.web.shell.ServletProblems;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.omnifaces.util.Servlets;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One mechanism for both doors of the module, because Jakarta Security 3 allows one per application:
 * <ul>
 *     <li>pages: a form login ({@code /login.xhtml}) through {@code SecurityContext.authenticate}; the caller is then
 *     kept in the HTTP session, whose id changes at login;</li>
 *     <li>the REST API ({@code /api/...}): HTTP Basic on every request, no session created, 401 as
 *     {@code application/problem+json}.</li>
 * </ul>
 * Both check credentials against the same identity store ({@link CrmIdentityStore}: the module's users or the
 * company's directory), behind the same {@link LoginThrottle} and the same bound on concurrent verifications.
 */
@DeclareRoles({Roles.ADMIN, Roles.USER, Roles.VIEWER})
@ApplicationScoped
public class CrmAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(CrmAuthenticationMechanism.class.getName());

    static final String LOGIN_PAGE = "/login.xhtml";
    static final String CALLER_ATTRIBUTE = "crm.caller";
    /** Set on a refused login that was not even tried, for the page to say how long to wait. */
    static final String RETRY_AFTER_ATTRIBUTE = "crm.login.retryAfter";
    private static final String API_PATH = "/api/";

    /** What the session remembers of a logged-in caller, and since when (for the longest a session may last). */
    record Caller(String name, Set<String> roles, long since, long stamp) implements Serializable {
    }

    /** The page where a user whose password an administrator chose must choose their own. */
    static final String PASSWORD_PAGE = "/account/password.xhtml";
    private static final String OWN_PASSWORD_API = "/api/v1/me/password";

    /**
     * How long a successful HTTP Basic login is remembered. PBKDF2 is slow on purpose; an integrator calling the
     * API many times a second should not pay it on every call. A changed password or a deactivated user takes
     * effect on the API at most this late.
     */
    static final Duration BASIC_MEMORY = Duration.ofSeconds(60);
    private static final int BASIC_MEMORY_LIMIT = 10_000;

    private record RememberedCaller(String name, Set<String> roles, long until, long stamp) {
    }

    /**
     * Remembered Basic logins by an HMAC of the normalised Authorization header under a key made at start (so
     * the map holds nothing a reader of the heap could try passwords against), the least recently used evicted.
     */
    private final Map<String, RememberedCaller> rememberedBasic = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RememberedCaller> eldest) {
                    return size() > BASIC_MEMORY_LIMIT;
                }
            });
    private final byte[] rememberKey = new byte[32];

    private LoginThrottle throttle;

    /**
     * At most this many password verifications at once: each is a deliberately slow PBKDF2, and a flood of
     * logins must leave CPU for everyone already logged in. A login that cannot start within
     * {@link #VERIFY_QUEUE} is refused as busy.
     */
    private final Semaphore verifications = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private static final Duration VERIFY_QUEUE = Duration.ofSeconds(5);

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    @ConfigProperty(name = "crm.session.idle-minutes", defaultValue = "30")
    int idleMinutes;

    @Inject
    @ConfigProperty(name = "crm.session.max-hours", defaultValue = "12")
    int maxHours;

    @Inject
    ClientAddress clientAddress;

    @Inject
    ChangeOrigin origin;

    @Inject
    Audit audit;

    @Inject
    Users users;

    @Inject
    Cluster cluster;

    @PostConstruct
    void init() {
        new SecureRandom().nextBytes(rememberKey);
        // Shared by every server of a cluster: a guesser gains nothing by the balancer spreading their tries.
        throttle = new LoginThrottle(cluster.map("crm-login-failures", LoginThrottle.LONGEST),
                cluster.map("crm-login-known", LoginThrottle.KNOWN_FOR), System::currentTimeMillis);
    }

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
            if (System.currentTimeMillis() - caller.since() > Duration.ofHours(maxHours).toMillis()) {
                end(session); // the longest a session may last, however active
            } else if (!context.isProtected()) {
                return context.notifyContainerAboutLogin(caller.name(), caller.roles());
            } else {
                // Deactivated, given another role or another password since this session began: it ends now.
                Optional<Users.Access> access = access(caller.name());
                if (access.isPresent() && access.get().stamp() == caller.stamp()) {
                    AuthenticationStatus status = context.notifyContainerAboutLogin(caller.name(), caller.roles());
                    return access.get().mustChangePassword() ? toPasswordPage(request, response, status) : status;
                }
                end(session);
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return toLoginPage(request, response);
    }

    /**
     * Another request of the same session (the page's push channel, a script) may be ending it at the same moment:
     * it is over either way, and this request goes on as one without a session.
     */
    private static void end(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyEnded) {
            LOG.fine("The session had already ended");
        }
    }

    private AuthenticationStatus loginFromPage(HttpServletRequest request, HttpMessageContext context,
                                               Credential credential) {
        CredentialValidationResult result = verify(request, normalized(credential));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // Returned as is (not responseUnauthorized): the login page renders its own message.
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation
        }
        HttpSession session = request.getSession();
        session.setMaxInactiveInterval((int) Duration.ofMinutes(idleMinutes).toSeconds());
        String name = result.getCallerPrincipal().getName();
        session.setAttribute(CALLER_ATTRIBUTE, new Caller(name, Set.copyOf(result.getCallerGroups()),
                System.currentTimeMillis(), access(name).map(Users.Access::stamp).orElse(-1L)));
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.strip().regionMatches(true, 0, "Basic ", 0, 6)) {
            String encoded = header.strip().substring(6).strip();
            String key = hmac(encoded);
            RememberedCaller remembered = rememberedBasic.get(key);
            if (remembered != null && remembered.until() - System.nanoTime() > 0) {
                Optional<Users.Access> access = access(remembered.name());
                if (access.isPresent() && access.get().stamp() == remembered.stamp()) {
                    return apiLogin(request, response, context, remembered.name(), remembered.roles(), access.get());
                }
                rememberedBasic.remove(key); // deactivated, another role or password: verified again, below
            }
            UsernamePasswordCredential credential = decodeBasic(encoded);
            if (credential != null) {
                CredentialValidationResult result = verify(request, normalized(credential));
                Optional<Users.Access> access = result.getStatus() == CredentialValidationResult.Status.VALID
                        ? access(result.getCallerPrincipal().getName()) : Optional.empty();
                if (access.isPresent()) {
                    String name = result.getCallerPrincipal().getName();
                    Set<String> roles = Set.copyOf(result.getCallerGroups());
                    rememberedBasic.put(key, new RememberedCaller(name, roles,
                            System.nanoTime() + BASIC_MEMORY.toNanos(), access.get().stamp()));
                    return apiLogin(request, response, context, name, roles, access.get());
                }
                if (request.getAttribute(RETRY_AFTER_ATTRIBUTE) instanceof Long seconds) {
                    response.setHeader("Retry-After", String.valueOf(seconds));
                    return problem(response, 429, "Too Many Requests", seconds == 0
                            ? "Too many logins at once; try again in a moment."
                            : "Too many failed logins; try again in " + seconds + " seconds.");
                }
            }
            return unauthorized(response, "Invalid user name or password.");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return unauthorized(response, "Authentication required (HTTP Basic).");
    }

    /**
     * An API caller whose password an administrator chose may only choose their own
     * ({@code POST /api/v1/me/password}) until they do.
     */
    private static AuthenticationStatus apiLogin(HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext context, String name, Set<String> roles,
                                                 Users.Access access) {
        if (access.mustChangePassword()
                && !request.getRequestURI().equals(request.getContextPath() + OWN_PASSWORD_API)) {
            return problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Change your password first: POST /api/v1/me/password {\"current\":…, \"password\":…}.");
        }
        return context.notifyContainerAboutLogin(name, roles);
    }

    /**
     * A user who must change their password sees only the page where they do (and its Ajax); every other page
     * sends them there.
     */
    private static AuthenticationStatus toPasswordPage(HttpServletRequest request, HttpServletResponse response,
                                                       AuthenticationStatus loggedIn) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(PASSWORD_PAGE) || path.equals(OWN_PASSWORD_API)) {
            return loggedIn;
        }
        Servlets.facesRedirect(request, response, request.getContextPath() + PASSWORD_PAGE);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** After the caller changed their own password: this session goes on under the new access stamp. */
    static void passwordChanged(HttpSession session, long stamp) {
        if (session.getAttribute(CALLER_ATTRIBUTE) instanceof Caller caller) {
            session.setAttribute(CALLER_ATTRIBUTE, new Caller(caller.name(), caller.roles(), caller.since(), stamp));
        }
    }

    /**
     * The caller's access now; none when it could not be read (two requests of a person whose role the directory
     * just changed both bring their user row up to date, and one of them loses): that request logs in again.
     */
    private Optional<Users.Access> access(String name) {
        try {
            return users.access(name);
        } catch (EJBException e) {
            LOG.warning(() -> "The access of " + loggable(name) + " could not be read: " + e.getCausedByException());
            return Optional.empty();
        }
    }

    /**
     * Checks a user name and password, unless the throttle says to wait or too many checks are running: then
     * the request carries {@link #RETRY_AFTER_ATTRIBUTE} (seconds; 0 when only busy) and nothing is verified.
     */
    private CredentialValidationResult verify(HttpServletRequest request, UsernamePasswordCredential credential) {
        String user = credential.getCaller();
        String address = clientAddress.of(request);
        Duration wait = throttle.waitFor(user, address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            LOG.warning(() -> "Login throttled for " + loggable(user) + " from " + address + ": " + seconds + " s");
            request.setAttribute(RETRY_AFTER_ATTRIBUTE, seconds);
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        boolean started = false;
        try {
            started = verifications.tryAcquire(VERIFY_QUEUE.toMillis(), TimeUnit.MILLISECONDS);
            if (!started) {
                LOG.warning(() -> "Login refused as busy for " + loggable(user) + " from " + address);
                request.setAttribute(RETRY_AFTER_ATTRIBUTE, 0L);
                return CredentialValidationResult.NOT_VALIDATED_RESULT;
            }
            CredentialValidationResult result = identityStores.validate(credential);
            RequestOrigin.tell(origin, clientAddress, request);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                throttle.succeeded(user, address);
                audit.login(AuditEvent.Action.LOGIN, result.getCallerPrincipal().getName());
            } else {
                throttle.failed(user, address);
                LOG.info(() -> "Failed login for " + loggable(user) + " from " + address);
                audit.login(AuditEvent.Action.LOGIN_FAILED, user);
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        } finally {
            if (started) {
                verifications.release();
            }
        }
    }

    /** A user name as typed, safe to write into a log line (no line breaks or control characters, bounded). */
    static String loggable(String user) {
        String safe = user.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?");
        return "'" + (safe.length() > 60 ? safe.substring(0, 60) + "…" : safe) + "'";
    }

    /**
     * To the login page: a GET page remembers where it was going in the login URL ({@code next}), not in a
     * session, so that an anonymous visit creates none.
     */
    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response) {
        String login = request.getContextPath() + LOGIN_PAGE;
        if ("GET".equals(request.getMethod()) && !Servlets.isFacesAjaxRequest(request)) {
            String query = request.getQueryString();
            String next = request.getRequestURI() + (query == null ? "" : "?" + query);
            if (!next.equals(request.getContextPath() + "/")) {
                login += "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            }
        }
        // An expired session during an Ajax request needs a partial-response redirect, not a plain 302.
        Servlets.facesRedirect(request, response, login);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"crm\", charset=\"UTF-8\"");
        return problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }

    private static AuthenticationStatus problem(HttpServletResponse response, int status, String title,
                                                String detail) {
        ServletProblems.write(response, status, title, detail);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API_PATH);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rememberKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
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
        if (colon <= 0 || decoded.length() > 1_000) {
            return null;
        }
        return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** User names are stored in lower case; people type them as they like. */
    private static UsernamePasswordCredential normalized(Credential credential) {
        UsernamePasswordCredential up = (UsernamePasswordCredential) credential;
        return new UsernamePasswordCredential(up.getCaller().strip().toLowerCase(Locale.ROOT), up.getPassword());
    }
}
