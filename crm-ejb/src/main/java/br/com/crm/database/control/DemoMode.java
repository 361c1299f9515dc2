package br.com.crm.database.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Whether the demo (users {@code admin/admin}, {@code ana/ana}…, their subjects and the demo ERP's tables) is
 * made: {@code crm.demo=true}, and only on the embedded H2 database, where nobody's real data lives. On any other
 * database it takes {@code crm.demo.force=true} as well (on purpose, e.g. to try a cluster, which cannot share an
 * H2 file); otherwise nothing is made and the log says why. One decision for the schema and the demo data.
 */
@ApplicationScoped
public class DemoMode {

    private static final Logger LOG = Logger.getLogger(DemoMode.class.getName());

    @Inject
    @ConfigProperty(name = "crm.demo", defaultValue = "false")
    boolean asked;

    @Inject
    @ConfigProperty(name = "crm.demo.force", defaultValue = "false")
    boolean forced;

    @Inject
    @ConfigProperty(name = "crm.db.url", defaultValue = "")
    String databaseUrl;

    private boolean on;

    @PostConstruct
    void decide() {
        on = decide(asked, forced, databaseUrl);
        if (asked && !on) {
            LOG.warning("crm.demo=true ignored: the database is not the embedded H2 one, and demo users with "
                    + "known passwords do not belong in a real database. Set crm.demo.force=true "
                    + "(CRM_DEMO_FORCE=true) to make them there on purpose.");
        } else if (on && forced && !embedded(databaseUrl)) {
            LOG.warning("crm.demo.force=true: making the demo users and data in a non-embedded database");
        }
    }

    static boolean decide(boolean asked, boolean forced, String databaseUrl) {
        return asked && (forced || embedded(databaseUrl));
    }

    private static boolean embedded(String databaseUrl) {
        return databaseUrl.startsWith("jdbc:h2:");
    }

    public boolean isOn() {
        return on;
    }
}
