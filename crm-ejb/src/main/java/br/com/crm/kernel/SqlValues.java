package br.com.crm.kernel;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Values of a native query's row as the module's types. The drivers differ: PostgreSQL's gives
 * {@link Timestamp} and {@link Date}, H2's {@link OffsetDateTime} and {@link LocalDate}; a query written for both
 * reads its columns through here.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamp with time zone}, at UTC as JPA reads it. */
    public static OffsetDateTime offsetDateTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime at) {
            return at.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp at) {
            return at.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant at) {
            return at.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    }

    /** A {@code date}. */
    public static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date day) {
            return day.toLocalDate();
        }
        if (value instanceof LocalDate day) {
            return day;
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }

    /** A {@code bigint} or any integer column. */
    public static long longValue(Object value) {
        return ((Number) value).longValue();
    }
}
