package br.com.crm.database.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Creates and upgrades the schema before anything else touches the database.
 * <p>
 * The data source is the module's own, defined here so that MicroProfile Config (environment variables such as
 * {@code CRM_DB_URL}) switches it between the embedded H2 file and PostgreSQL without a rebuild. Connections are
 * validated before use, so a database restart leaves no dead connection in the pool.
 * <p>
 * Flyway commits its own work: no container transaction around it.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "${MPCONFIG=crm.db.class}",
        url = "${MPCONFIG=crm.db.url}",
        user = "${MPCONFIG=crm.db.user}",
        password = "${MPCONFIG=crm.db.password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        maxIdleTime = 300,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.connection-creation-retry-attempts=3",
                "fish.payara.connection-creation-retry-interval-in-seconds=2"
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/crm";

    /** Flyway's own bookkeeping, prefixed like every table of ours: we live in someone else's database. */
    public static final String HISTORY_TABLE = "crm_schema_history";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    /** The embedded demo: the demo ERP's tables and views come with the schema (db/demo). */
    @Inject
    DemoMode demo;

    @PostConstruct
    void migrate() {
        MigrateResult result = configure(dataSource, getClass().getClassLoader(), demo.isOn()).load().migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /**
     * The one Flyway configuration, shared with the migration tests so that they test what runs. In demo mode the
     * demo ERP's tables and views come with version 10.1.
     */
    public static FluentConfiguration configure(DataSource dataSource,
                                                                                   ClassLoader classLoader,
                                                                                   boolean demo) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:db/migration")
                .javaMigrations(new ActivityDaysTable(), new DemoErpTables(demo), new AuditTable(),
                        new SearchTextColumn(), new ActivityDueTable(), new ForecastTable(), new StageDaysTable(),
                        new PrivacyTables())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .cleanDisabled(true);
    }
}
