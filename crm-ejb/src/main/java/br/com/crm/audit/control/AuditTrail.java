package br.com.crm.audit.control;

import br.com.crm.database.control.SchemaMigration;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.ChangeOrigin;
import br.com.crm.kernel.Jsonp;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes the audit entries: synchronously, in the transaction of the change (a rolled-back change leaves no
 * entry, a committed one cannot lack its entry). Through JDBC, on the transaction's connection, in multi-row
 * inserts of {@link #ROWS}: EclipseLink binds a native query's parameters by searching those already bound, so a
 * bulk action's thousands of parameters cost it quadratic time (seen: 3.5 s of a 10,000-subject bulk archive).
 */
@Dependent
public class AuditTrail {

    static final int ROWS = 200;
    static final int SUMMARY_LENGTH = 1000;
    static final int CHANGES_LENGTH = 20_000;
    static final int ACTOR_LENGTH = 60;
    private static final int COLUMNS = 10;
    private static final String INSERT = "insert into crm_audit (at, actor, action, entity, entity_id, subject_id, "
            + "summary, changes, origin, address) values ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * The module's data source: inside the change's transaction the container hands out the connection that
     * transaction already uses (not EclipseLink's unwrapped one, which before the transaction's first query can
     * still be a previous transaction's, since closed).
     */
    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Instance<ChangeOrigin> origins;

    Clock clock = Clock.systemUTC();

    void record(@Observes AuditEvent event) {
        ChangeOrigin request = ChangeOrigin.current(origins);
        AuditEvent.Origin origin = event.origin() != null ? event.origin()
                : request == null ? AuditEvent.Origin.TIMER : request.channel();
        String address = request == null ? null : request.address();
        OffsetDateTime at = OffsetDateTime.now(clock);
        String actor = bounded(event.actor() == null ? "?" : event.actor(), ACTOR_LENGTH);
        String changes = event.changes().isEmpty() ? null : bounded(json(event.changes()), CHANGES_LENGTH);
        List<AuditEvent.Item> items = event.items();
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < items.size(); from += ROWS) {
                List<AuditEvent.Item> chunk = items.subList(from, Math.min(items.size(), from + ROWS));
                try (PreparedStatement insert = connection.prepareStatement(INSERT
                        + String.join(", ", Collections.nCopies(chunk.size(), ROW)))) {
                    int p = 0;
                    for (AuditEvent.Item item : chunk) {
                        insert.setObject(p + 1, at);
                        insert.setString(p + 2, actor);
                        insert.setString(p + 3, event.action().name());
                        insert.setString(p + 4, event.entity().name());
                        setId(insert, p + 5, item.id());
                        setId(insert, p + 6, item.subject());
                        insert.setString(p + 7, item.summary() == null ? null
                                : bounded(item.summary(), SUMMARY_LENGTH));
                        insert.setString(p + 8, items.size() == 1 ? changes : null);
                        insert.setString(p + 9, origin.name());
                        insert.setString(p + 10, address);
                        p += COLUMNS;
                    }
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("the audit trail could not be written", e);
        }
    }

    private static void setId(PreparedStatement insert, int index, Long id) throws SQLException {
        if (id == null) {
            insert.setNull(index, Types.BIGINT);
        } else {
            insert.setLong(index, id);
        }
    }

    static String json(Map<String, AuditEvent.FieldChange> changes) {
        JsonObjectBuilder object = Jsonp.createObjectBuilder();
        changes.forEach((field, change) -> object.add(field, Jsonp.createArrayBuilder()
                .add(change.before() == null ? JsonValue.NULL : Jsonp.createValue(change.before()))
                .add(change.after() == null ? JsonValue.NULL : Jsonp.createValue(change.after()))));
        return object.build().toString();
    }

    /** Bounded, without control characters other than line breaks and tabs (a typed user name may hold any). */
    static String bounded(String text, int length) {
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "?");
        return clean.length() <= length ? clean : clean.substring(0, length - 1) + "…";
    }
}
