package br.com.crm.security.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
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
@NamedQuery(name = User.ACTIVE_WITH_ROLES, query = "select distinct u from User u join u.roles r "
        + "where r in :roles and u.active = true order by u.displayName")
public class User implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BY_USERNAME = "User.byUsername";
    public static final String COUNT_ACTIVE_WITH_ROLE = "User.countActiveWithRole";
    public static final String ACTIVE_WITH_ROLES = "User.activeWithRoles";

    public static final int USERNAME_LENGTH = 60;
    public static final int NAME_LENGTH = 120;
    public static final int EMAIL_LENGTH = 254;
    public static final String USERNAME_PATTERN = "[a-z0-9._-]+";

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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "crm_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 30)
    private Set<String> roles = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected User() {
        // for JPA
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

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void deactivate() {
        this.active = false;
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
