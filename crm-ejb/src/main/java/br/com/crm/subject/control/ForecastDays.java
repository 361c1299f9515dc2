package br.com.crm.subject.control;

import br.com.crm.database.control.Dialect;
import br.com.crm.database.control.ForecastTable;
import br.com.crm.subject.entity.Subject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The subjects counted by day, stage, responsible and outcome group, with their values ({@code crm_forecast_day}):
 * open subjects on their expected close date ({@link #NO_DATE} without one), closed ones on the São Paulo day they
 * were closed; archived subjects nowhere. The forecast report sums these rows instead of reading every subject.
 * <p>
 * Kept in the transaction of every change of a subject by its one write path ({@link SubjectChanges}): a change of
 * one subject moves it from its count as it was to its count as it is ({@link #replace}); a set-based change takes
 * its subjects out of their counts as they are in the database before and puts them in after. Every write adds to
 * the row of its key, so concurrent changes add up instead of overwriting each other.
 */
@ApplicationScoped
public class ForecastDays {

    /** Where open subjects without an expected close date count. */
    public static final LocalDate NO_DATE = LocalDate.parse(ForecastTable.NO_DATE);

    private static final List<String> KEYS = List.of("close_on", "stage_id", "responsible_id", "outcome");

    @PersistenceContext
    EntityManager em;

    /** The subject counted at {@code before} now counts at {@code after} (either may be {@code null}). */
    public void replace(Subject.Forecast before, Subject.Forecast after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            add(before, -1, before.amount().negate());
        }
        if (after != null) {
            add(after, 1, after.amount());
        }
    }

    /** Counts the subjects as they are in the database now. */
    public void addSubjects(Collection<Long> subjectIds) {
        count(subjectIds, 1);
    }

    /** Takes the subjects out of their counts, as they are in the database now; call before changing them. */
    public void removeSubjects(Collection<Long> subjectIds) {
        count(subjectIds, -1);
    }

    private void count(Collection<Long> subjectIds, int sign) {
        if (subjectIds.isEmpty()) {
            return;
        }
        Dialect dialect = Dialect.of(em);
        String day = "case when s.outcome is null then coalesce(s.expected_close, date '" + ForecastTable.NO_DATE
                + "') else " + dialect.saoPauloDay("s.closed_at") + " end";
        String counted = "select " + day + " as close_on, s.stage_id as stage_id, s.responsible_id as responsible_id, "
                + "coalesce(s.outcome, 'OPEN') as outcome, " + sign + " * count(*) as subjects, " + sign
                + " * coalesce(sum(s.amount), 0) as amount from crm_subject s where s.archived = false and s.id in ("
                + SubjectChanges.literals(subjectIds) + ") group by " + day
                + ", s.stage_id, s.responsible_id, coalesce(s.outcome, 'OPEN')";
        em.createNativeQuery(ActivityDays.upsert(dialect, "crm_forecast_day", KEYS, List.of("subjects", "amount"),
                counted)).executeUpdate();
    }

    private void add(Subject.Forecast at, long subjects, BigDecimal amount) {
        Dialect dialect = Dialect.of(em);
        String counted = "select cast(? as date) as close_on, cast(? as bigint) as stage_id, "
                + "cast(? as bigint) as responsible_id, cast(? as varchar(4)) as outcome, "
                + "cast(? as bigint) as subjects, cast(? as numeric(17, 2)) as amount";
        em.createNativeQuery(ActivityDays.upsert(dialect, "crm_forecast_day", KEYS, List.of("subjects", "amount"),
                        counted))
                .setParameter(1, at.day()).setParameter(2, at.stageId()).setParameter(3, at.responsibleId())
                .setParameter(4, at.outcome()).setParameter(5, subjects).setParameter(6, amount)
                .executeUpdate();
    }
}
