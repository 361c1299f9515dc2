package br.com.crm.kernel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the audit trail records of one change or one act (a login, an export): observed synchronously, so the entry
 * is written in the same transaction as the change and goes if the change rolls back.
 *
 * @param action  what was done
 * @param entity  the kind of record it was done to
 * @param items   the records, each with its subject (for the subject's history) and a readable summary; a bulk
 *                action names every record it touched
 * @param changes the changed fields, before and after (only for a single record)
 * @param actor   who did it (for a failed login, the user name that was typed)
 * @param origin  where from, when the caller knows better than the request (an import); else {@code null}
 */
public record AuditEvent(Action action, Entity entity, List<Item> items, Map<String, FieldChange> changes,
                         String actor, Origin origin) {

    /** What the audit trail says was done. */
    public enum Action {
        CREATE, EDIT, MOVE, CLOSE, REOPEN, ASSIGN, ARCHIVE, UNARCHIVE, DELETE, TAG, IMPORT, EXPORT,
        PLAN, DONE, SEND, ANSWER, EXPIRE, QUEUE, LOGIN, LOGIN_FAILED, LOGOUT,
        DEACTIVATE, REACTIVATE, PASSWORD_CHANGE, PASSWORD_RESET, SETTINGS, CONSENT, ANONYMIZE
    }

    /** The kind of record an entry is about ({@code entity} in the API). */
    public enum Entity {
        SUBJECT, CUSTOMER, ACTIVITY, NOTE, PROPOSAL, EMAIL, TAG, STAGE, LOST_REASON, TEMPLATE, COMPANY, USER, REPORT,
        WEBHOOK, PRIVACY
    }

    /** Where a change came from. */
    public enum Origin {
        PAGE, API, IMPORT, TIMER
    }

    /** One record of the entry: its id, its subject (or {@code null}) and what it was, in a line. */
    public record Item(Long id, Long subject, String summary) {
    }

    /** A field's value before and after, as text ({@code null} for none). */
    public record FieldChange(String before, String after) {
    }

    public AuditEvent {
        items = List.copyOf(items);
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    public static AuditEvent of(Action action, Entity entity, Long id, Long subject, String summary, String actor) {
        return new AuditEvent(action, entity, List.of(new Item(id, subject, summary)), Map.of(), actor, null);
    }

    public AuditEvent withChanges(Map<String, FieldChange> fields) {
        return new AuditEvent(action, entity, items, fields, actor, origin);
    }

    public AuditEvent from(Origin where) {
        return new AuditEvent(action, entity, items, changes, actor, where);
    }

    /** The fields whose text differs between two snapshots of a record (in the order of {@code after}). */
    public static Map<String, FieldChange> diff(Map<String, String> before, Map<String, String> after) {
        Map<String, FieldChange> changed = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            String old = before.get(field);
            if (!Objects.equals(old, value)) {
                changed.put(field, new FieldChange(old, value));
            }
        });
        return changed;
    }

    /** Items of many records of one kind, each its own subject, with the same summary. */
    public static List<Item> subjects(Collection<Long> ids, String summary) {
        return ids.stream().map(id -> new Item(id, id, summary)).toList();
    }
}
