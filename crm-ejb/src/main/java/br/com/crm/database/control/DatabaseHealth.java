package br.com.crm.database.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Reports whether the module's database answers; the module is not ready without it. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("crm-database");
        try (Connection connection = dataSource.getConnection()) {
            return response.status(connection.isValid(TIMEOUT_SECONDS))
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .build();
        } catch (SQLException e) {
            // The reason is for the administrator reading health; it never reaches end users.
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
