package br.com.crm.security.control;

import br.com.crm.kernel.BusinessException;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The people who log in, as the components read and create them inside their own transaction. */
@Dependent
public class Accounts {

    /**
     * The cost of a password hash. Verification reads the parameters from the stored hash, so raising these later
     * keeps old passwords valid.
     */
    public static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "120000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    /** A hash of nothing anyone knows, made at the first need (a race only makes it twice). */
    private static volatile String nobody;

    public Optional<User> find(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** The stored form of a password (PBKDF2, with the parameters of {@link #HASH_PARAMETERS}). */
    public String hash(char[] password) {
        passwordHash.initialize(HASH_PARAMETERS);
        return passwordHash.generate(password);
    }

    /** Whether {@code password} is the user's current one (never for a user of the directory). */
    public boolean verify(User user, char[] password) {
        passwordHash.initialize(HASH_PARAMETERS);
        try {
            return passwordHash.verify(password, user.getPasswordHash());
        } catch (IllegalArgumentException notAHash) {
            return false;
        }
    }

    /** As long as {@link #verify} takes, for a name nobody has (so the time of a refusal tells nothing). */
    public void verifyNobody(char[] password) {
        passwordHash.initialize(HASH_PARAMETERS);
        if (nobody == null) {
            nobody = passwordHash.generate(UUID.randomUUID().toString().toCharArray());
        }
        passwordHash.verify(password, nobody);
    }

    /** Creates the user unless one with this name exists; the existing one is left as it is. */
    public User createIfAbsent(String username, String displayName, String email, char[] password,
                               Set<String> roles) {
        return find(username).orElseGet(() -> {
            User user = new User(username, displayName, email, hash(password), roles);
            em.persist(user);
            return user;
        });
    }

    /** An active user of this name; {@code null}-free: refused with the caller's message key and field otherwise. */
    public User active(String username, String messageKey, String field) {
        return find(username).filter(User::isActive)
                .orElseThrow(() -> new BusinessException(BusinessException.Kind.INVALID, messageKey, field, username));
    }

    /** Those who can be responsible for subjects: active users who work on them. */
    public List<User> responsibles() {
        return em.createNamedQuery(User.ACTIVE_WITH_ROLES, User.class)
                .setParameter("roles", List.of(Roles.ADMIN, Roles.USER))
                // Roles are eager: read them for all users in one more query, not one query per user.
                .setHint("eclipselink.batch", "u.roles")
                .getResultList();
    }

    public boolean hasActiveAdministrator() {
        return em.createNamedQuery(User.COUNT_ACTIVE_WITH_ROLE, Long.class)
                .setParameter("role", Roles.ADMIN)
                .getSingleResult() > 0;
    }
}
