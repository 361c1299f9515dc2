package br.com.crm.database.control;

import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Version 23: the stage report's figures counted by São Paulo day of entry, stage and the subject's responsible
 * ({@code crm_stage_day}, kept by {@code StageDays}): how many history entries entered the stage that day, how many
 * of them went on to a stage placed after it, how many were left, and the seconds spent in the stage by those left.
 * The report sums a few hundred of these rows instead of every history entry of its range. Filled from the history
 * as it stands, each entry under its subject's responsible now. Also an index on the subjects' closing time, which
 * the report's closings read instead of the history. In Java, not SQL, for the São Paulo day
 * ({@link Dialect#saoPauloDay}).
 */
public class StageDaysTable extends VersionedMigration {

    public StageDaysTable() {
        super("23", "stage days", 23_001);
    }

    @Override
    public void migrate(Context context) throws Exception {
        String day = Dialect.of(context.getConnection()).saoPauloDay("c.changed_at");
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    create table crm_stage_day (
                        entered_on     date           not null,
                        stage_id       bigint         not null,
                        responsible_id bigint         not null,
                        entered        bigint         not null,
                        advanced       bigint         not null,
                        left_stage     bigint         not null,
                        stay_seconds   numeric(20, 6) not null,
                        constraint crm_stage_day_pk primary key (entered_on, stage_id, responsible_id),
                        constraint crm_stage_day_stage_fk foreign key (stage_id) references crm_stage (id)
                            on delete cascade
                    )""");
            statement.execute("insert into crm_stage_day (entered_on, stage_id, responsible_id, entered, advanced, "
                    + "left_stage, stay_seconds) select " + day + ", c.to_stage_id, s.responsible_id, count(*), "
                    + "sum(case when c.advanced then 1 else 0 end), count(c.left_at), "
                    + "coalesce(sum(extract(epoch from c.left_at) - extract(epoch from c.changed_at)), 0) "
                    + "from crm_stage_change c join crm_subject s on s.id = c.subject_id "
                    + "where c.to_stage_id is not null group by " + day + ", c.to_stage_id, s.responsible_id");
            statement.execute("create index crm_subject_closed_ix on crm_subject (closed_at)");
        }
    }
}
