package br.com.crm.it;

import org.h2.tools.Server;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The database of the Micro under test (an H2 file served by this JVM, or PostgreSQL with -Ppostgresql), as the
 * build gives it to both: {@code crm.it.db.*} here, {@code CRM_DB_*} to the Micro. For what a test reads straight
 * from the tables, and for the few facts a test needs that no API makes: the demo ERP's own rows (the ERP is another
 * system, with no API of its own) and time gone by.
 */
final class Database {

    private static Server h2;

    private Database() {
    }

    /**
     * Starts, once for the whole run, the H2 server that owns the file every test class's Micro connects to in turn
     * (the pom's {@code crm.it.db.url}), so that no Micro opens the file itself: one still shutting down while the
     * next starts then cannot both write it. Stopped when this JVM ends, after the last Micro.
     */
    static synchronized void serveH2() {
        String url = setting("crm.it.db.url", "CRM_DB_URL");
        if (h2 != null || !url.startsWith("jdbc:h2:tcp:")) {
            return;
        }
        int port = URI.create(url.substring("jdbc:h2:".length())).getPort();
        try {
            h2 = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir",
                    System.getProperty("crm.it.dataDir")).start();
        } catch (SQLException e) {
            throw new IllegalStateException("The tests' H2 server cannot listen on port " + port + " (an earlier "
                    + "test run still running?): " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(h2::stop, "it-h2-stop"));
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
