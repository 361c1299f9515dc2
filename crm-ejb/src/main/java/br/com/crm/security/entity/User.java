package br.com.crm.security.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person who logs in. The password is kept only as a PBKDF2 hash, in the format the container's
 * {@code Pbkdf2PasswordHash} verifies.
 */
@Entity
@Table(name = "crm_user")
@NamedQuery(name = User.BY_USERNAME, query = "select u from User u where u.username = :username")
@NamedQuery(name = User.COUNT_ACTIVE_WITH_ROLE,
        query = "select count(u) from User u join u.roles r where r = :role and u.active = true")
@NamedQuery(name = User.ACCESS, query = "select u.accessStamp, u.mustChangePassword, r from User u join u.roles r "
        + "where u.username = :username and u.active = true")
@NamedQuery(name = User.ACTIVE_WITH_ROLES, query = "select distinct u from User u join u.roles r "
        + "where r in :roles and u.active = true order by u.displayName")
public class User implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BY_USERNAME = "User.byUsername";
    public static final String COUNT_ACTIVE_WITH_ROLE = "User.countActiveWithRole";
    public static final String ACTIVE_WITH_ROLES = "User.activeWithRoles";
    public static final String ACCESS = "User.access";

    public static final int USERNAME_LENGTH = 60;
    public static final int NAME_LENGTH = 120;
    public static final int EMAIL_LENGTH = 254;
    public static final String USERNAME_PATTERN = "[a-z0-9._-]+";
    /** The password hash of a user the company's directory authenticates: no password verifies against it. */
    static final String FROM_DIRECTORY = "directory";

    @Id
    @SequenceGenerator(name = "crm_user_seq", sequenceName = "crm_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_user_seq")
    private Long id;

    @NotBlank
    @Size(max = USERNAME_LENGTH)
    @Pattern(regexp = USERNAME_PATTERN)
    @Column(nullable = false, unique = true, length = USERNAME_LENGTH)
    private String username;

    @NotBlank
    @Size(max = NAME_LENGTH)
    @Column(name = "display_name", nullable = false, length = NAME_LENGTH)
    private String displayName;

    @Email
    @Size(max = EMAIL_LENGTH)
    @Column(length = EMAIL_LENGTH)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active = true;

    // Lazy: a subject names its responsible on every read, and only logins and user administration ask the role.
    @ElementCollection
    @CollectionTable(name = "crm_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 30)
    private Set<String> roles = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    /** A first or reset password: the user must choose their own at the next login. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /**
     * Changes whenever the user's access does (deactivated, role, password): a session or remembered API login
     * made under another stamp ends at its next request.
     */
    @Column(name = "access_stamp", nullable = false)
    private long accessStamp;

    @Version
    private long version;

    protected User() {
        // for JPA
    }

    /** A user whose first password an administrator chose: to be changed at the first login. */
    public static User withTemporaryPassword(String username, String displayName, String email, String passwordHash,
                                             String role) {
        User user = new User(username, displayName, email, passwordHash, Set.of(role));
        user.mustChangePassword = true;
        return user;
    }

    /** A person of the company's directory, at their first login: their password stays the directory's. */
    public static User fromDirectory(String username, String displayName, String email, String role) {
        return new User(username, displayName, email, FROM_DIRECTORY, Set.of(role));
    }

    /**
     * The user as the directory describes them now (display name, e-mail, role); whether anything changed. A
     * new role ends their sessions, as any change of access does.
     */
    public boolean describedAs(String newDisplayName, String newEmail, String role) {
        boolean changed = !Objects.equals(displayName, newDisplayName) || !Objects.equals(email, newEmail)
                || !role.equals(getRole()) || roles.size() != 1;
        if (changed) {
            edit(newDisplayName, newEmail);
            changeRole(role);
        }
        return changed;
    }

    public User(String username, String displayName, String email, String passwordHash, Set<String> roles) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        roles.forEach(this::grant);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void grant(String role) {
        if (!Roles.isKnown(role)) {
            throw new IllegalArgumentException("Unknown role: " + role);
        }
        roles.add(role);
    }

    /**
     * A new password; {@code temporary} when an administrator chose it (a first password or a reset), which the
     * user must replace at the next login. Other sessions of the user end.
     */
    public void changePasswordHash(String newHash, boolean temporary) {
        this.passwordHash = newHash;
        this.mustChangePassword = temporary;
        accessChanged();
    }

    public void deactivate() {
        this.active = false;
        accessChanged();
    }

    public void reactivate() {
        this.active = true;
        accessChanged();
    }

    public void edit(String newDisplayName, String newEmail) {
        this.displayName = newDisplayName;
        this.email = newEmail;
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The one role the user has from now on (administrators made by the demo also had crm-user). */
    public void changeRole(String role) {
        if (!Roles.isKnown(role)) {
            throw new IllegalArgumentException("Unknown role: " + role);
        }
        if (!role.equals(getRole()) || roles.size() != 1) {
            roles.clear();
            roles.add(role);
            accessChanged();
        }
    }

    /** The user's highest role: crm-admin, then crm-user, then crm-viewer. */
    public String getRole() {
        return Roles.highest(roles);
    }

    public boolean isAdministrator() {
        return roles.contains(Roles.ADMIN);
    }

    private void accessChanged() {
        accessStamp++;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** For verification only; never in an answer. */
    @JsonbTransient
    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public long getAccessStamp() {
        return accessStamp;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public boolean isActive() {
        return active;
    }

    public Set<String> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public long getVersion() {
        return version;
    }
}
