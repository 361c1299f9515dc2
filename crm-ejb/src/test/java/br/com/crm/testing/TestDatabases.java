package br.com.crm.testing;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real, empty databases for persistence tests: a fresh H2 file always, and a fresh PostgreSQL schema when the build
 * runs with {@code -Ppostgresql} ({@code crm.it.db=postgresql}).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A database under test; {@link #close()} drops what it created. */
    public record TestDatabase(String name, DataSource dataSource, AutoCloseable cleanup) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            cleanup.close();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static List<TestDatabase> all() {
        List<TestDatabase> databases = new ArrayList<>();
        databases.add(h2());
        if ("postgresql".equals(System.getProperty("crm.it.db"))) {
            databases.add(postgresql());
        }
        return databases;
    }

    public static TestDatabase h2() {
        try {
            Path dir = Files.createTempDirectory("crm-h2-");
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:file:" + dir.resolve("crm"));
            ds.setUser("crm");
            ds.setPassword("test");
            return new TestDatabase("H2", ds, () -> {
                try (Connection c = ds.getConnection()) {
                    c.createStatement().execute("shutdown");
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestDatabase postgresql() {
        String schema = "crm_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(System.getProperty("crm.it.pg.url"));
        admin.setUser(System.getProperty("crm.it.pg.user"));
        admin.setPassword(System.getProperty("crm.it.pg.password"));
        execute(admin, "create schema " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(admin.getURL());
        ds.setUser(admin.getUser());
        ds.setPassword(admin.getPassword());
        ds.setCurrentSchema(schema);
        return new TestDatabase("PostgreSQL", ds, () -> execute(admin, "drop schema if exists " + schema + " cascade"));
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
