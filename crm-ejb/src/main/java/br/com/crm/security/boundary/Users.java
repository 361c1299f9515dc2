package br.com.crm.security.boundary;

import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import br.com.crm.security.control.Accounts;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.control.Directory;
import br.com.crm.security.control.KeptAccess;
import br.com.crm.security.control.PasswordPolicy;
import br.com.crm.security.entity.DirectoryUnreachable;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

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
    public record Access(long stamp, boolean mustChangePassword, String role) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Who logged in, with the roles their requests carry. */
    public record Login(String username, Set<String> roles) {
    }

    private static final Logger LOG = Logger.getLogger(Users.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    KeptAccess kept;

    @Inject
    Directory directory;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    public Optional<User> find(String username) {
        return accounts.find(username);
    }

    /** Whether the company's directory, not the module, keeps the users' passwords, roles and new users. */
    public boolean fromDirectory() {
        return directory.isUsed();
    }

    /** Those who can be responsible for subjects: active users who work on them. */
    public List<User> responsibles() {
        return accounts.responsibles();
    }

    /**
     * Checks a user name (as typed, lower case) and password against the module's own users or, with
     * {@code crm.identity=ldap}, the company's directory, whose people get a user row at their first login (so
     * they can be responsible for subjects) and have it follow the directory at every later one.
     *
     * @throws DirectoryUnreachable when the directory cannot be asked
     */
    public Optional<Login> login(String username, char[] password) {
        if (directory.isUsed()) {
            if (!username.matches(User.USERNAME_PATTERN) || username.length() > User.USERNAME_LENGTH) {
                return Optional.empty(); // not a name the module can give a user row
            }
            return directory.authenticate(username, password).map(this::provisioned).filter(User::isActive)
                    .map(user -> new Login(user.getUsername(), Set.of(user.getRole())));
        }
        Optional<User> user = accounts.find(username).filter(User::isActive);
        if (user.isEmpty()) {
            accounts.verifyNobody(password); // as slow as a real check: the answer's time tells no names
            return Optional.empty();
        }
        return user.filter(found -> accounts.verify(found, password))
                .map(found -> new Login(found.getUsername(), Set.copyOf(found.getRoles())));
    }

    /**
     * The access of an active user; empty for an unknown or deactivated one, and with the directory, for a person
     * it no longer knows or no longer gives a role. Asked on every request, so the user row's part is kept between
     * changes of users; the directory is asked every time.
     */
    public Optional<Access> access(String username) {
        Optional<Access> access = kept.of(username, this::readAccess);
        if (access.isEmpty() || !directory.isUsed()) {
            return access;
        }
        Optional<Directory.Person> person;
        try {
            person = directory.find(username);
        } catch (DirectoryUnreachable e) {
            // Those logged in go on as they were (no new login gets in meanwhile); a blip must not end every session.
            LOG.warning(() -> e.getMessage() + "; " + username + " keeps the access they had");
            return access;
        }
        if (person.isEmpty()) {
            return Optional.empty();
        }
        if (!person.get().role().equals(access.get().role())) {
            User user = provisioned(person.get());
            return Optional.of(new Access(user.getAccessStamp(), false, user.getRole()));
        }
        return access;
    }

    private Optional<Access> readAccess(String username) {
        List<Object[]> rows = em.createNamedQuery(User.ACCESS, Object[].class).setParameter("username", username)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Access(((Number) row[0]).longValue(), (Boolean) row[1],
                Roles.highest(rows.stream().map(each -> (String) each[2]).toList())));
    }

    /** The directory's person as a user row: created at the first login, brought up to date at later ones. */
    private User provisioned(Directory.Person person) {
        String displayName = person.displayName().length() <= User.NAME_LENGTH ? person.displayName()
                : person.displayName().substring(0, User.NAME_LENGTH);
        String email = person.email() != null && person.email().length() <= User.EMAIL_LENGTH
                && person.email().matches("[^@\\s]+@[^@\\s]+") ? person.email() : null;
        Optional<User> existing = accounts.find(person.username());
        if (existing.isEmpty()) {
            User user = User.fromDirectory(person.username(), displayName, email, person.role());
            em.persist(user);
            em.flush();
            changes.fire(Change.Kind.USERS_CHANGED, List.of(), List.of(), user.getId(), user.getUsername(),
                    AuditEvent.of(AuditEvent.Action.CREATE, AuditEvent.Entity.USER, user.getId(), null,
                            user.getUsername() + " · " + displayName + " · " + person.role() + " · directory",
                            user.getUsername()));
            return user;
        }
        User user = existing.get();
        Map<String, String> before = UserAdministration.fields(user);
        if (user.describedAs(displayName, email, person.role())) {
            em.flush();
            changes.fire(Change.Kind.USERS_CHANGED, List.of(), List.of(), user.getId(), user.getUsername(),
                    AuditEvent.of(AuditEvent.Action.EDIT, AuditEvent.Entity.USER, user.getId(), null,
                            user.getUsername() + " · directory", user.getUsername())
                            .withChanges(AuditEvent.diff(before, UserAdministration.fields(user))));
        }
        return user;
    }

    /** The caller's own new password, given the current one; it ends their other sessions. */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public User changeOwnPassword(String current, String password) {
        refuseWithDirectory(directory);
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
        changes.fire(Change.Kind.USERS_CHANGED, List.of(), List.of(), user.getId(), user.getUsername(),
                AuditEvent.of(AuditEvent.Action.PASSWORD_CHANGE, AuditEvent.Entity.USER, user.getId(), null,
                        user.getUsername(), user.getUsername()));
        return user;
    }

    /** With the company's directory, passwords and new users are the directory's business. */
    static void refuseWithDirectory(Directory directory) {
        if (directory.isUsed()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "user.directory", null);
        }
    }
}
