package br.com.crm.database.control;

import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The few places where H2 and PostgreSQL need different SQL: the module runs on both, and most of its SQL is
 * common. The database is read once from the connection's metadata: it does not change while the module runs.
 */
public enum Dialect {
    H2, POSTGRESQL;

    private static volatile Dialect current;

    public static Dialect of(EntityManager em) {
        Dialect dialect = current;
        if (dialect == null) {
            dialect = of(em.unwrap(Connection.class));
            current = dialect;
        }
        return dialect;
    }

    public static Dialect of(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                    ? POSTGRESQL : H2;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the database's kind", e);
        }
    }

    /**
     * The São Paulo calendar day of a zoned timestamp column, as a DATE. PostgreSQL: a plain cast. H2 casts a zoned
     * timestamp to DATE in the session's zone, not in the value's, so its local date is cut from the text.
     */
    public String saoPauloDay(String column) {
        return this == POSTGRESQL
                ? "cast(" + column + " at time zone 'America/Sao_Paulo' as date)"
                : "cast(substring(cast(" + column + " at time zone 'America/Sao_Paulo' as varchar(40)) from 1 for 10)"
                + " as date)";
    }
}
