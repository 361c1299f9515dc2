package br.com.crm.database.control;

import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Version 18: the open activities counted by São Paulo due day and responsible ({@code crm_activity_due}), kept by
 * {@code ActivityDays} with the done ones: the funnel header's overdue and due-today figures read a few hundred
 * rows instead of every open activity. In Java, not SQL, for the São Paulo day ({@link Dialect#saoPauloDay}).
 */
public class ActivityDueTable extends VersionedMigration {

    public ActivityDueTable() {
        super("18", "open activities by due day", 18_001);
    }

    @Override
    public void migrate(Context context) throws Exception {
        String day = Dialect.of(context.getConnection()).saoPauloDay("a.due_at");
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create table crm_activity_due (
                        due_on         date   not null,
                        responsible_id bigint not null,
                        open_count     bigint not null,
                        constraint crm_activity_due_pk primary key (due_on, responsible_id)
                    )""");
            statement.execute("insert into crm_activity_due (due_on, responsible_id, open_count) select " + day
                    + ", a.responsible_id, count(*) from crm_activity a where a.done_at is null group by " + day
                    + ", a.responsible_id");
        }
    }
}
