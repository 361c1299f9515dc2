package br.com.crm.audit.control;

import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.ChangeOrigin;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writes the audit entries: synchronously, in the transaction of the change (a rolled-back change leaves no
 * entry, a committed one cannot lack its entry). A bulk action's entries go in multi-row inserts of
 * {@link #ROWS} at a time.
 */
@Dependent
public class AuditTrail {

    static final int ROWS = 200;
    static final int SUMMARY_LENGTH = 1000;
    static final int CHANGES_LENGTH = 20_000;
    static final int ACTOR_LENGTH = 60;
    private static final int COLUMNS = 10;

    @PersistenceContext
    EntityManager em;

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
        for (int from = 0; from < items.size(); from += ROWS) {
            List<AuditEvent.Item> chunk = items.subList(from, Math.min(items.size(), from + ROWS));
            // A null id is bound without a type (PostgreSQL then takes it for text): the casts say which.
            StringBuilder sql = new StringBuilder("insert into crm_audit (at, actor, action, entity, entity_id, "
                    + "subject_id, summary, changes, origin, address) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, cast(? as bigint), cast(? as bigint), ?, ?, ?, ?)");
            }
            Query insert = em.createNativeQuery(sql.toString());
            int p = 1;
            for (AuditEvent.Item item : chunk) {
                insert.setParameter(p, at)
                        .setParameter(p + 1, actor)
                        .setParameter(p + 2, event.action().name())
                        .setParameter(p + 3, event.entity().name())
                        .setParameter(p + 4, item.id())
                        .setParameter(p + 5, item.subject())
                        .setParameter(p + 6, item.summary() == null ? null : bounded(item.summary(), SUMMARY_LENGTH))
                        .setParameter(p + 7, chunk.size() == 1 ? changes : null)
                        .setParameter(p + 8, origin.name())
                        .setParameter(p + 9, address);
                p += COLUMNS;
            }
            insert.executeUpdate();
        }
    }

    static String json(Map<String, AuditEvent.FieldChange> changes) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        changes.forEach((field, change) -> object.add(field, Json.createArrayBuilder()
                .add(change.before() == null ? JsonValue.NULL : Json.createValue(change.before()))
                .add(change.after() == null ? JsonValue.NULL : Json.createValue(change.after()))));
        return object.build().toString();
    }

    /** Bounded, without control characters other than line breaks and tabs (a typed user name may hold any). */
    static String bounded(String text, int length) {
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "?");
        return clean.length() <= length ? clean : clean.substring(0, length - 1) + "…";
    }
}
