package br.com.crm.web.audit;

import br.com.crm.audit.boundary.AuditQuery;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Jsonp;

import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audit filter as the API and the audit page take it from text: a user name, an action and an entity by
 * their names, a record id, and a period of São Paulo days or instants ({@code from} inclusive, {@code to}
 * inclusive for a day, exclusive for an instant).
 */
public final class AuditEntries {

    private AuditEntries() {
    }

    public static AuditQuery query(String actor, String action, String entity, String id, String from, String to) {
        return new AuditQuery(blank(actor) ? null : actor.strip().toLowerCase(Locale.ROOT),
                blank(action) ? null : named(AuditEvent.Action.class, action, "action"),
                blank(entity) ? null : named(AuditEvent.Entity.class, entity, "entity"),
                blank(id) ? null : number(id, "id"),
                blank(from) ? null : instant(from, "from", false),
                blank(to) ? null : instant(to, "to", true));
    }

    /** One changed field of an entry, for display. */
    public record Changed(String field, String before, String after) {
    }

    /** The changed fields of an entry's JSON ({@code {"field": [before, after]}}), in their order. */
    public static List<Changed> changes(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Changed> changed = new ArrayList<>();
        try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
            reader.readObject().forEach((field, pair) -> {
                JsonArray values = pair.asJsonArray();
                changed.add(new Changed(field, text(values.get(0)), text(values.get(1))));
            });
        }
        return changed;
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : "";
    }

    public static Long cursor(String cursor) {
        return blank(cursor) ? null : number(cursor, "cursor");
    }

    private static <E extends Enum<E>> E named(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "audit." + field + ".unknown", field, value);
        }
    }

    private static long number(String value, String field) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "audit.number.invalid", field, value);
        }
    }

    /** A date is a São Paulo day (a {@code to} day includes the whole day); anything else an ISO instant. */
    private static OffsetDateTime instant(String value, String field, boolean end) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(BusinessCalendar.ZONE).toOffsetDateTime();
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "audit.period.invalid", field, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
