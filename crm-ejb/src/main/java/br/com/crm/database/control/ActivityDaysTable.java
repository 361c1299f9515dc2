package br.com.crm.database.control;

import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Version 9: the daily counts of done activities the CRM report reads ({@code ActivityDays}), filled from the
 * activities already done. In Java, not SQL, because the São Paulo day of a timestamp is written differently on H2
 * and PostgreSQL ({@link Dialect#saoPauloDay}).
 */
public class ActivityDaysTable extends VersionedMigration {

    public ActivityDaysTable() {
        super("9", "activity days", 9_001);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Dialect dialect = Dialect.of(context.getConnection());
        String day = dialect.saoPauloDay("a.done_at");
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create table crm_activity_day (
                        done_on        date        not null,
                        kind           varchar(10) not null,
                        responsible_id bigint      not null,
                        stage_id       bigint      not null,
                        outcome        varchar(10) not null,
                        done_count     bigint      not null,
                        constraint crm_activity_day_pk primary key (done_on, kind, responsible_id, stage_id, outcome)
                    )""");
            statement.execute("insert into crm_activity_day (done_on, kind, responsible_id, stage_id, outcome, "
                    + "done_count) select " + day + ", a.kind, a.responsible_id, s.stage_id, "
                    + "coalesce(s.outcome, 'OPEN'), count(*) from crm_activity a "
                    + "join crm_subject s on s.id = a.subject_id where a.done_at is not null "
                    + "group by " + day + ", a.kind, a.responsible_id, s.stage_id, coalesce(s.outcome, 'OPEN')");
        }
    }
}
