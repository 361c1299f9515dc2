package br.com.crm.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The database of the Micro under test (the H2 file, which it holds open with AUTO_SERVER, or PostgreSQL with
 * -Ppostgresql), as the build gives it to both: {@code crm.it.db.*} here, {@code CRM_DB_*} to the Micro. For what
 * a test reads straight from the tables, and for the few facts a test needs that no API makes: the demo ERP's own
 * rows (the ERP is another system, with no API of its own) and time gone by.
 */
final class Database {

    private Database() {
    }

    static Connection connection() throws SQLException {
        return DriverManager.getConnection(setting("crm.it.db.url", "CRM_DB_URL"),
                setting("crm.it.db.user", "CRM_DB_USER"), setting("crm.it.db.password", "CRM_DB_PASSWORD"));
    }

    /** Runs one statement; returns the rows it changed. */
    static int update(String sql, Object... parameters) {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e, e);
        }
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property, System.getenv(environment));
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the integration tests through Maven");
        }
        return value;
    }
}
