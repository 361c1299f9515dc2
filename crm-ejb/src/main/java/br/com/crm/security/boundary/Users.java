package br.com.crm.security.boundary;

import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Changes;
import br.com.crm.security.control.Accounts;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.control.PasswordPolicy;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The people who log in, and their roles. Reads for anyone: the login itself and every role's pages ask who
 * someone is and who may be responsible for a subject. Everyone changes their own password here.
 */
@Stateless
@PermitAll
public class Users {

    /**
     * What a logged-in session or a remembered API login is checked against on every request: the user's access
     * stamp (it changes when their access does) and whether they must still change their password.
     */
    public record Access(long stamp, boolean mustChangePassword) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    public Optional<User> find(String username) {
        return accounts.find(username);
    }

    /** Those who can be responsible for subjects: active users who work on them. */
    public List<User> responsibles() {
        return accounts.responsibles();
    }

    /** The access of an active user; empty for an unknown or deactivated one. One indexed read. */
    public Optional<Access> access(String username) {
        return em.createNamedQuery(User.ACCESS, Object[].class).setParameter("username", username)
                .getResultStream().findFirst()
                .map(row -> new Access(((Number) row[0]).longValue(), (Boolean) row[1]));
    }

    /** The caller's own new password, given the current one; it ends their other sessions. */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public User changeOwnPassword(String current, String password) {
        User user = accounts.find(caller.name()).filter(User::isActive)
                .orElseThrow(() -> BusinessException.notFound("user", caller.name()));
        if (current == null || !accounts.verify(user, current.toCharArray())) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.current.wrong", "current");
        }
        char[] chosen = PasswordPolicy.check(user.getUsername(), password);
        if (accounts.verify(user, chosen)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.same", "password");
        }
        user.changePasswordHash(accounts.hash(chosen), false);
        em.flush();
        changes.audit(AuditEvent.of(AuditEvent.Action.PASSWORD_CHANGE, AuditEvent.Entity.USER, user.getId(), null,
                user.getUsername(), user.getUsername()));
        return user;
    }
}
