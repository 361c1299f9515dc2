package br.com.crm.demo.control;

import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.logging.Logger;

/**
 * Demo users and data for the embedded default ({@code crm.demo=true}). Each step creates only what is missing,
 * so a restart creates nothing twice. Never on in production: the packaged default is off.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "crm.demo", defaultValue = "false")
    boolean demo;

    @Inject
    Users users;

    @PostConstruct
    void load() {
        if (!demo) {
            return;
        }
        LOG.info("Demo mode: making sure the demo users and data exist");
        users.createIfAbsent("admin", "Administrador", "admin@demo.crm.local", "admin".toCharArray(),
                Set.of(Roles.ADMIN, Roles.USER));
        users.createIfAbsent("ana", "Ana Souza", "ana@demo.crm.local", "ana".toCharArray(), Set.of(Roles.USER));
        users.createIfAbsent("bruno", "Bruno Lima", "bruno@demo.crm.local", "bruno".toCharArray(),
                Set.of(Roles.USER));
        users.createIfAbsent("vera", "Vera Martins", "vera@demo.crm.local", "vera".toCharArray(),
                Set.of(Roles.VIEWER));
    }
}
