package br.com.crm.database.control;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2's side of the audit trail being append-only: H2 has no procedural SQL, so its trigger is this class, which
 * refuses every update and delete of an audit row (PostgreSQL's is a PL/pgSQL function, {@link AuditTable}).
 */
public class AuditAppendOnly implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("crm_audit is append-only: audit entries are never changed or deleted", "42501");
    }
}
