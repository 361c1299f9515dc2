package br.com.crm.web.security;

import br.com.crm.kernel.BusinessException;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.User;
import br.com.crm.web.shell.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;

/**
 * The user menu's "Trocar a senha", and the page a user whose password an administrator chose is sent to: the
 * current password and the new one twice. This session goes on; the user's other sessions end.
 */
@Named
@RequestScoped
public class PasswordBacking {

    @Inject
    Users users;

    @Inject
    Feedback feedback;

    private String current;
    private String password;
    private String confirmation;

    public void change() throws IOException {
        if (password == null || !password.equals(confirmation)) {
            feedback.refused(new BusinessException(BusinessException.Kind.INVALID, "password.mismatch",
                    "confirmation"));
            return;
        }
        User changed = feedback.attempt(() -> users.changeOwnPassword(current, password));
        if (changed != null) {
            CrmAuthenticationMechanism.passwordChanged(Faces.getSession(), changed.getAccessStamp());
            feedback.infoAfterRedirect("password.changed");
            Faces.redirect(Faces.getRequestContextPath() + "/index.xhtml");
        }
    }

    /** Whether the caller must choose their password before anything else (their first or a reset one). */
    public boolean isRequired() {
        return users.access(Faces.getRemoteUser()).map(Users.Access::mustChangePassword).orElse(false);
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
