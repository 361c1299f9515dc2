package br.com.crm.web.shell;

import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.TaxId;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.Serializable;

/** Who is logged in, as the shell shows it. Role checks that matter happen on the server, at the boundaries. */
@Named
@SessionScoped
public class CurrentUser implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Users users;

    private String displayName;

    public String getUsername() {
        return Faces.getRemoteUser();
    }

    public String getDisplayName() {
        if (displayName == null && getUsername() != null) {
            displayName = users.find(getUsername()).map(User::getDisplayName).orElse(getUsername());
        }
        return displayName;
    }

    // Asked by many components of a page; the container's role check is not cheap, so once per request.
    public boolean isAdmin() {
        return Faces.getRequestAttribute("crm.currentUser.admin", () -> Faces.isUserInRole(Roles.ADMIN));
    }

    /** May change subjects (viewers may not). */
    public boolean isEditor() {
        return Faces.getRequestAttribute("crm.currentUser.editor",
                () -> Faces.isUserInRole(Roles.ADMIN) || Faces.isUserInRole(Roles.USER));
    }

    /** A customer's CPF or CNPJ as this user may see it: a viewer's CPFs masked (who edits sees people's data). */
    public String taxId(Customer customer) {
        return TaxId.shown(customer.getTaxId(), isEditor());
    }
}
