package br.com.crm.database.control;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * H2's side of the audit trail being append-only: H2 has no procedural SQL, so its trigger is this class, which
 * refuses every update and delete of an audit row (PostgreSQL's is a PL/pgSQL function, {@link AuditTable},
 * {@link PrivacyTables}). One change only is let through: an anonymisation redacting the personal data in an
 * entry's summary or changed fields, which leaves who did what, when, to which record, as it was.
 */
public class AuditAppendOnly implements Trigger {

    /** What an anonymisation writes in place of a person's name, CPF, e-mail or phone. */
    public static final String REDACTED = "[anonimizado]";

    private static final int SUMMARY = 7;
    private static final int CHANGES = 8;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && isRedaction(oldRow, newRow)) {
            return;
        }
        throw new SQLException("crm_audit is append-only: audit entries are never changed or deleted", "42501");
    }

    static boolean isRedaction(Object[] oldRow, Object[] newRow) {
        if (oldRow.length != newRow.length) {
            return false;
        }
        for (int i = 0; i < oldRow.length; i++) {
            if (i != SUMMARY && i != CHANGES && !Objects.equals(oldRow[i], newRow[i])) {
                return false;
            }
        }
        return redacted(oldRow[SUMMARY], newRow[SUMMARY]) && redacted(oldRow[CHANGES], newRow[CHANGES]);
    }

    /** A text left as it was, or one with a person's data replaced by the placeholder. */
    private static boolean redacted(Object before, Object after) {
        return Objects.equals(before, after) || after != null && after.toString().contains(REDACTED);
    }
}
