package br.com.crm.database.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether the module's database answers; the module is not ready without it. Public readiness says UP or DOWN
 * and nothing more; the product and the error are for administrators ({@link #details()}) and the log.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    public static final String NAME = "crm-database";
    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status("UP".equals(details().get("status"))).build();
    }

    /** {@code status} UP or DOWN, the database product when it answers, the error when not. */
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            details.put("status", connection.isValid(TIMEOUT_SECONDS) ? "UP" : "DOWN");
            details.put("product", connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            LOG.warning(() -> "Database not answering: " + e.getMessage());
            details.put("status", "DOWN");
            details.put("error", String.valueOf(e.getMessage()));
        }
        return details;
    }
}
