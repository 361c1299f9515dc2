package br.com.crm.security.boundary;

import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import br.com.crm.security.control.Accounts;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.control.Directory;
import br.com.crm.security.control.PasswordPolicy;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configurações → Usuários: administrators add people, change their name, e-mail and role, end and restore their
 * access and reset their passwords. Every change is audited (never a password). The last active administrator can
 * be neither deactivated nor demoted, so the module always has someone who can administer it.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class UserAdministration {

    public static final int MAX_LIST = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    @Inject
    Directory directory;

    /** Users whose user name or display name contains {@code search}, active or not ({@code null}: both). */
    public List<User> list(String search, Boolean active) {
        String pattern = "%" + (search == null ? "" : search.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        TypedQuery<User> query = em.createQuery("select u from User u where (lower(u.username) like :p escape '\\' "
                        + "or lower(u.displayName) like :p escape '\\')"
                        + (active == null ? "" : " and u.active = :active") + " order by u.displayName, u.id",
                        User.class)
                .setParameter("p", pattern)
                .setHint("eclipselink.batch", "u.roles")
                // The roles of the page's users by their ids (not the filter again, unbound)
                .setHint("eclipselink.batch.type", "IN")
                // Bound, not printed into the SQL: EclipseLink prints a boolean as 1, which H2 will not compare.
                .setHint("eclipselink.jdbc.bind-parameters", "True")
                .setMaxResults(MAX_LIST);
        if (active != null) {
            query.setParameter("active", active);
        }
        return query.getResultList();
    }

    public User find(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw BusinessException.notFound("user", id);
        }
        return user;
    }

    /** A new user with a first password of the administrator's choosing, to be changed at the first login. */
    public User create(UserForm form) {
        Users.refuseWithDirectory(directory);
        String username = form.username() == null ? "" : form.username().strip().toLowerCase(Locale.ROOT);
        if (!username.matches(User.USERNAME_PATTERN) || username.length() > User.USERNAME_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "user.username.invalid", "username");
        }
        if (accounts.find(username).isPresent()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "user.username.taken", "username", username);
        }
        String role = role(form.role());
        char[] password = PasswordPolicy.check(username, form.password());
        User user = User.withTemporaryPassword(username, displayName(form), email(form), accounts.hash(password),
                role);
        em.persist(user);
        em.flush();
        audit(AuditEvent.Action.CREATE, user, null);
        return user;
    }

    /** A new display name, e-mail or role, on the version the administrator saw. */
    public User edit(long id, long version, UserForm form) {
        User user = find(id);
        if (user.getVersion() != version) {
            throw BusinessException.stale("user");
        }
        Map<String, String> before = fields(user);
        String role = role(form.role());
        if (!role.equals(user.getRole())) {
            Users.refuseWithDirectory(directory); // the directory's groups give the role
        }
        if (user.isAdministrator() && user.isActive() && !Roles.ADMIN.equals(role)) {
            refuseIfLastAdministrator("user.lastAdministrator.demote");
        }
        user.edit(displayName(form), email(form));
        user.changeRole(role);
        em.flush();
        audit(AuditEvent.Action.EDIT, user, AuditEvent.diff(before, fields(user)));
        return user;
    }

    /** Ends the user's access: their sessions and remembered API logins end at their next request. */
    public User deactivate(long id) {
        User user = find(id);
        if (!user.isActive()) {
            return user;
        }
        if (user.isAdministrator()) {
            refuseIfLastAdministrator("user.lastAdministrator.deactivate");
        }
        user.deactivate();
        em.flush();
        audit(AuditEvent.Action.DEACTIVATE, user, null);
        return user;
    }

    public User reactivate(long id) {
        User user = find(id);
        if (!user.isActive()) {
            user.reactivate();
            em.flush();
            audit(AuditEvent.Action.REACTIVATE, user, null);
        }
        return user;
    }

    /** A new password of the administrator's choosing, to be changed at the next login; the user's sessions end. */
    public User resetPassword(long id, String password) {
        Users.refuseWithDirectory(directory);
        User user = find(id);
        char[] chosen = PasswordPolicy.check(user.getUsername(), password);
        user.changePasswordHash(accounts.hash(chosen), true);
        em.flush();
        audit(AuditEvent.Action.PASSWORD_RESET, user, null);
        return user;
    }

    private void refuseIfLastAdministrator(String messageKey) {
        // Locked, so two administrators demoting each other at once cannot both succeed.
        List<?> admins = em.createNativeQuery("select u.id from crm_user u join crm_user_role r on r.user_id = u.id "
                + "where r.role = 'crm-admin' and u.active = true order by u.id for update").getResultList();
        if (admins.size() <= 1) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, messageKey, null);
        }
    }

    private void audit(AuditEvent.Action action, User user, Map<String, AuditEvent.FieldChange> fields) {
        changes.fire(Change.Kind.USERS_CHANGED, List.of(), List.of(), user.getId(), caller.name(),
                AuditEvent.of(action, AuditEvent.Entity.USER, user.getId(), null,
                        user.getUsername() + " · " + user.getDisplayName() + " · " + user.getRole(), caller.name())
                        .withChanges(fields));
    }

    static Map<String, String> fields(User user) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("displayName", user.getDisplayName());
        fields.put("email", user.getEmail());
        fields.put("role", user.getRole());
        return fields;
    }

    private static String role(String role) {
        if (role == null || !Roles.isKnown(role)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "user.role.invalid", "role",
                    String.join(", ", Roles.ALL));
        }
        return role;
    }

    private static String displayName(UserForm form) {
        String name = form.displayName() == null ? "" : form.displayName().strip();
        if (name.isEmpty() || name.length() > User.NAME_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "user.displayName.invalid", "displayName",
                    User.NAME_LENGTH);
        }
        return name;
    }

    private static String email(UserForm form) {
        String email = form.email() == null ? "" : form.email().strip();
        if (email.isEmpty()) {
            return null;
        }
        if (email.length() > User.EMAIL_LENGTH || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new BusinessException(BusinessException.Kind.INVALID, "user.email.invalid", "email");
        }
        return email;
    }
}
