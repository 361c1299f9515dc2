package br.com.crm.web.security;

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
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;

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

    public void login() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new UsernamePasswordCredential(username, password)));
        switch (status) {
            case SUCCESS -> Faces.redirect(landingUrl(request));
            case SEND_CONTINUE -> facesContext.responseComplete();
            default -> Messages.addGlobalError(Faces.getResourceBundle("msg").getString("login.failed"));
        }
    }

    public void logout() throws ServletException, IOException {
        HttpServletRequest request = Faces.getRequest();
        request.logout();
        Faces.invalidateSession();
        Faces.redirect(request.getContextPath() + CrmAuthenticationMechanism.LOGIN_PAGE + "?logout=true");
    }

    /** The page that sent the user to log in, or the funnel. Only ever a path of this application. */
    private static String landingUrl(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object saved = session.getAttribute(CrmAuthenticationMechanism.ORIGINAL_URL_ATTRIBUTE);
        session.removeAttribute(CrmAuthenticationMechanism.ORIGINAL_URL_ATTRIBUTE);
        String home = request.getContextPath() + "/";
        if (saved instanceof String url && url.startsWith(home) && !url.contains(CrmAuthenticationMechanism.LOGIN_PAGE)) {
            return url;
        }
        return home;
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
