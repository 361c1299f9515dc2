package br.com.crm.database.control;

import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Version 20: the forecast. Each stage's win probability ({@code crm_stage.probability}, %; defaults 10, 25, 50, 75
 * by position, none on the closing stage, whose won count 100 and lost 0), when a closed subject was closed
 * ({@code crm_subject.closed_at}, from its stage history), and the subjects counted by day, stage, responsible and
 * outcome group ({@code crm_forecast_day}, kept by {@code ForecastDays}): open ones on their expected close date,
 * closed ones on their closing day (São Paulo). The forecast report reads these rows instead of every subject. In
 * Java, not SQL, for the São Paulo day ({@link Dialect#saoPauloDay}) and the defaults by position.
 */
public class ForecastTable extends VersionedMigration {

    /** Where open subjects with no expected close date count: key columns cannot be null, and it sorts last. */
    public static final String NO_DATE = "9999-12-31";

    /** The default probabilities of the open stages, by position (a fifth open stage gets the last). */
    static final int[] DEFAULT_PROBABILITIES = {10, 25, 50, 75};

    public ForecastTable() {
        super("20", "forecast", 20_001);
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        String closedDay = Dialect.of(connection).saoPauloDay("s.closed_at");
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table crm_stage add column probability smallint");
            statement.execute("alter table crm_stage add constraint crm_stage_probability_ck "
                    + "check (probability between 0 and 100)");
            List<Long> open = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "select id from crm_stage where closing is null order by position")) {
                while (rs.next()) {
                    open.add(rs.getLong(1));
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update crm_stage set probability = ? where id = ?")) {
                for (int i = 0; i < open.size(); i++) {
                    update.setInt(1, DEFAULT_PROBABILITIES[Math.min(i, DEFAULT_PROBABILITIES.length - 1)]);
                    update.setLong(2, open.get(i));
                    update.executeUpdate();
                }
            }

            statement.execute("alter table crm_subject add column closed_at timestamp with time zone");
            statement.execute("update crm_subject s set closed_at = coalesce((select max(c.changed_at) "
                    + "from crm_stage_change c where c.subject_id = s.id and c.outcome is not null), "
                    + "s.stage_entered_at) where s.outcome is not null");

            statement.execute("""
                    create table crm_forecast_day (
                        close_on       date           not null,
                        stage_id       bigint         not null,
                        responsible_id bigint         not null,
                        outcome        varchar(4)     not null,
                        subjects       bigint         not null,
                        amount         numeric(17, 2) not null,
                        constraint crm_forecast_day_pk primary key (close_on, stage_id, responsible_id, outcome),
                        constraint crm_forecast_day_stage_fk foreign key (stage_id) references crm_stage (id)
                            on delete cascade,
                        constraint crm_forecast_day_outcome_ck check (outcome in ('OPEN', 'WON', 'LOST'))
                    )""");
            String day = "case when s.outcome is null then coalesce(s.expected_close, date '" + NO_DATE + "') else "
                    + closedDay + " end";
            statement.execute("insert into crm_forecast_day (close_on, stage_id, responsible_id, outcome, subjects, amount) "
                    + "select " + day + ", s.stage_id, s.responsible_id, coalesce(s.outcome, 'OPEN'), count(*), "
                    + "coalesce(sum(s.amount), 0) from crm_subject s where s.archived = false group by " + day
                    + ", s.stage_id, s.responsible_id, coalesce(s.outcome, 'OPEN')");
        }
    }

}
