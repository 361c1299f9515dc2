package br.com.crm.web.settings;

import br.com.crm.security.boundary.UserAdministration;
import br.com.crm.security.boundary.UserForm;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import br.com.crm.subject.boundary.Subjects;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Configurações → Usuários: search and list (active, inactive, all; a deactivated user's open subjects are shown
 * as orphaned), create with a first password, edit, deactivate and reactivate, reset a password. Administrators.
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserAdministration administration;

    @Inject
    Subjects subjects;

    @Inject
    Feedback feedback;

    private String search;
    private String status = "active";
    private List<User> users;
    private Map<Long, Long> openSubjects;

    /** The user in the dialog: {@code null} id for a new one. */
    private Long editingId;
    private long editingVersion;
    private String username;
    private String displayName;
    private String email;
    private String role = Roles.USER;
    private String password;

    @PostConstruct
    void load() {
        Boolean active = switch (status == null ? "" : status) {
            case "active" -> Boolean.TRUE;
            case "inactive" -> Boolean.FALSE;
            default -> null;
        };
        users = administration.list(search, active);
        openSubjects = subjects.openCountsOf(users.stream().map(User::getId).toList());
    }

    public void refresh() {
        load();
    }

    public void startNew() {
        editingId = null;
        username = null;
        displayName = null;
        email = null;
        role = Roles.USER;
        password = null;
    }

    public void startEdit(User user) {
        editingId = user.getId();
        editingVersion = user.getVersion();
        username = user.getUsername();
        displayName = user.getDisplayName();
        email = user.getEmail();
        role = user.getRole();
        password = null;
    }

    /** Saves the dialog; when done, the page closes it ({@code args.saved}). */
    public void save() {
        boolean done = editingId == null
                ? feedback.attempt(() -> administration.create(new UserForm(username, displayName, email, role,
                password)), "users.created")
                : feedback.attempt(() -> administration.edit(editingId, editingVersion,
                new UserForm(null, displayName, email, role, null)), "users.saved");
        password = null;
        load();
        if (done) {
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        }
    }

    public void deactivate(User user) {
        feedback.attempt(() -> administration.deactivate(user.getId()), "users.deactivated");
        load();
    }

    public void reactivate(User user) {
        feedback.attempt(() -> administration.reactivate(user.getId()), "users.reactivated");
        load();
    }

    public void resetPassword() {
        feedback.attempt(() -> administration.resetPassword(editingId, password), "users.passwordReset");
        password = null;
        load();
    }

    public long openSubjectsOf(User user) {
        return openSubjects.getOrDefault(user.getId(), 0L);
    }

    public List<String> getRoles() {
        return Roles.ALL;
    }

    public List<User> getUsers() {
        return users;
    }

    public boolean isCreating() {
        return editingId == null;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
