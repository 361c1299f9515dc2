package br.com.crm.web.security;

import br.com.crm.audit.boundary.Audit;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.web.shell.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.util.ResourceBundle;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/** The login form and the logout command. */
@Named
@RequestScoped
public class LoginBacking {

    @NotBlank
    private String username;

    @NotBlank
    private String password;

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext facesContext;

    @Inject
    Audit audit;

    public void login() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new UsernamePasswordCredential(username, password)));
        switch (status) {
            case SUCCESS -> Faces.redirect(landing(request, getNext()));
            case SEND_CONTINUE -> facesContext.responseComplete();
            default -> {
                Object wait = request.getAttribute(CrmAuthenticationMechanism.RETRY_AFTER_ATTRIBUTE);
                ResourceBundle msg = Faces.getResourceBundle("msg");
                if (wait instanceof Long seconds) {
                    Faces.getResponse().setHeader("Retry-After", String.valueOf(seconds));
                    Messages.addGlobalError(seconds == 0 ? msg.getString("login.busy")
                            : Feedback.format(msg, "login.throttled", seconds));
                } else {
                    Messages.addGlobalError(msg.getString("login.failed"));
                }
            }
        }
    }

    public void logout() throws ServletException, IOException {
        HttpServletRequest request = Faces.getRequest();
        if (request.getRemoteUser() != null) {
            audit.login(AuditEvent.Action.LOGOUT, request.getRemoteUser());
        }
        request.logout();
        Faces.invalidateSession();
        Faces.redirect(request.getContextPath() + CrmAuthenticationMechanism.LOGIN_PAGE + "?logout=true");
    }

    /**
     * Where the user was going when sent to log in ({@code next}, from the login URL and then from the form), or
     * the funnel. Only ever a path of this application: never another host, never the login page again.
     */
    static String landing(HttpServletRequest request, String next) {
        String home = request.getContextPath() + "/";
        if (next != null && next.startsWith(home) && !next.startsWith("//") && !next.contains("\\")
                && next.chars().noneMatch(Character::isISOControl)
                && !next.contains(CrmAuthenticationMechanism.LOGIN_PAGE) && next.length() <= 2_000) {
            return next;
        }
        return home;
    }

    /** The page to go to after the login, as the login URL or the form carries it. */
    public String getNext() {
        String next = Faces.getRequestParameter("next");
        return next == null ? null : landing(Faces.getRequest(), next);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
