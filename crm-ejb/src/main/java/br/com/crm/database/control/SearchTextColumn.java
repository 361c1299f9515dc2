package br.com.crm.database.control;

import org.flywaydb.core.api.migration.Context;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * Version 17: what the list's and the funnel's text filter searches, the subject's title and its customer's name
 * folded, in one column of the subject ({@code search_text}), so that one index can answer a search anywhere in
 * it. On PostgreSQL that index is a trigram index ({@code pg_trgm}, a trusted extension the database's owner may
 * create): without it, a search for a fragment reads every subject. In Java, not SQL, because H2 has no such index
 * and because a database that does not allow the extension still migrates (searches then scan, and the log says so).
 */
public class SearchTextColumn extends VersionedMigration {

    private static final Logger LOG = Logger.getLogger(SearchTextColumn.class.getName());

    public SearchTextColumn() {
        super("17", "subject search text", 17_001);
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table crm_subject add column search_text varchar(351)");
            statement.execute("update crm_subject s set search_text = s.search_title || ' ' || "
                    + "(select c.search_name from crm_customer c where c.id = s.customer_id)");
            statement.execute("alter table crm_subject alter column search_text set not null");
            if (Dialect.of(context.getConnection()) != Dialect.POSTGRESQL) {
                return;
            }
            if (trigramsAllowed(statement)) {
                statement.execute("create extension if not exists pg_trgm");
                // Installed earlier, it may live in a schema outside this role's search path.
                String schema;
                try (ResultSet rs = statement.executeQuery("select n.nspname from pg_extension e join pg_namespace n "
                        + "on n.oid = e.extnamespace where e.extname = 'pg_trgm'")) {
                    rs.next();
                    schema = rs.getString(1).replace("\"", "\"\"");
                }
                statement.execute("create index crm_subject_search_text_ix on crm_subject "
                        + "using gin (search_text \"" + schema + "\".gin_trgm_ops)");
            } else {
                LOG.warning("The PostgreSQL extension pg_trgm is neither installed nor allowed to this role: text "
                        + "searches of subjects read every subject. A database owner can run "
                        + "'create extension pg_trgm' and 'create index crm_subject_search_text_ix on crm_subject "
                        + "using gin (search_text gin_trgm_ops)'.");
            }
        }
    }

    /** Installed already, or available and creatable here (trusted since PostgreSQL 13, or we are superuser). */
    private static boolean trigramsAllowed(Statement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery("select exists (select 1 from pg_extension where extname = "
                + "'pg_trgm'), exists (select 1 from pg_available_extensions where name = 'pg_trgm'), "
                + "has_database_privilege(current_database(), 'CREATE'), current_setting('server_version_num')::int, "
                + "(select rolsuper from pg_roles where rolname = current_user)")) {
            rs.next();
            boolean installed = rs.getBoolean(1);
            boolean available = rs.getBoolean(2);
            boolean mayCreate = rs.getBoolean(3) && rs.getInt(4) >= 130_000;
            return installed || (available && (mayCreate || rs.getBoolean(5)));
        }
    }
}
