package br.com.crm.security.control;

import br.com.crm.database.control.Locks;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Outside demo mode there is no default password: the administrator names the first administrator through
 * configuration ({@code CRM_ADMIN_USERNAME}, {@code CRM_ADMIN_PASSWORD}) once, and it is created only while no
 * active administrator exists.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    Accounts users;

    @Inject
    @ConfigProperty(name = "crm.admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "crm.admin.password")
    Optional<String> password;

    @Inject
    Directory directory;

    @Inject
    Locks locks;

    @PostConstruct
    void createWhenMissing() {
        if (directory.isUsed()) {
            return; // with the directory, its administrators' group gives the first one
        }
        locks.startup(); // servers starting together: one creates, the others find it
        if (users.hasActiveAdministrator()) {
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            LOG.warning("No active crm-admin exists. Set crm.admin.username and crm.admin.password "
                    + "(or CRM_ADMIN_USERNAME and CRM_ADMIN_PASSWORD) and restart to create the first one.");
            return;
        }
        users.createIfAbsent(username.get(), username.get(), null, password.get().toCharArray(), Set.of(Roles.ADMIN));
        LOG.warning(() -> "Created the first administrator '" + username.get()
                + "'. Remove crm.admin.password from the configuration now.");
    }
}
