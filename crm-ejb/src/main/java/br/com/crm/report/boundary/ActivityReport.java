package br.com.crm.report.boundary;

import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Changes;
import br.com.crm.kernel.SqlValues;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Activities performed (marked done) in a range of days, counted by period (day, week from Monday, month) and by
 * one dimension: kind, user, stage or outcome of the subject. Days are Brazilian days (America/Sao_Paulo): an
 * activity done at 23:30 in São Paulo counts on that day, although it is already the next day in UTC. One grouped
 * query per report over the daily counts ({@code ActivityDays}), by day and dimension; weeks and months are summed
 * from the days.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class ActivityReport {

    /** The longest range one report covers. */
    public static final int MAX_DAYS = 732;

    public enum Period { DAY, WEEK, MONTH }

    public enum Dimension { KIND, USER, STAGE, OUTCOME }

    /** What to count: the days (both included), the period, the dimension, and optional filters. */
    public record Query(LocalDate from, LocalDate to, Period period, Dimension by, String user, ActivityKind kind)
            implements Serializable {
    }

    /**
     * The counts: {@code periods} (first day of each, in order), {@code groups} (the dimension's values: a kind, a
     * user name, a stage id, an outcome or OPEN) and {@code counts.get(group)[i]} for period i.
     */
    public record Result(List<LocalDate> periods, List<String> groups, Map<String, long[]> counts)
            implements Serializable {

        public long total() {
            return counts.values().stream().flatMapToLong(Arrays::stream).sum();
        }

        public long totalOf(String group) {
            return Arrays.stream(counts.get(group)).sum();
        }

        public long totalAt(int period) {
            return counts.values().stream().mapToLong(c -> c[period]).sum();
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    /** The report left the module as a file: who, which query, which format (the audit trail keeps it). */
    public void exported(Query query, String format) {
        changes.audit(AuditEvent.of(AuditEvent.Action.EXPORT, AuditEvent.Entity.REPORT, null, null,
                format + " · " + query, caller.name()));
    }

    public Result run(Query query) {
        if (query.from() == null || query.to() == null || query.to().isBefore(query.from())) {
            throw new BusinessException(BusinessException.Kind.INVALID, "report.range.invalid", "from");
        }
        if (query.from().plusDays(MAX_DAYS).isBefore(query.to())) {
            throw new BusinessException(BusinessException.Kind.INVALID, "report.range.tooLong", "to", MAX_DAYS);
        }
        Period period = query.period() == null ? Period.DAY : query.period();
        Dimension by = query.by() == null ? Dimension.KIND : query.by();
        String dimension = switch (by) {
            case KIND -> "d.kind";
            case USER -> "u.display_name";
            case STAGE -> "cast(d.stage_id as varchar(20))";
            case OUTCOME -> "d.outcome";
        };
        boolean users = by == Dimension.USER || (query.user() != null && !query.user().isBlank());
        StringBuilder sql = new StringBuilder("select d.done_on, " + dimension + ", sum(d.done_count) "
                + "from crm_activity_day d" + (users ? " join crm_user u on u.id = d.responsible_id" : "")
                + " where d.done_on >= ? and d.done_on <= ?");
        List<Object> parameters = new ArrayList<>(List.of(query.from(), query.to()));
        if (query.user() != null && !query.user().isBlank()) {
            sql.append(" and u.username = ?");
            parameters.add(query.user());
        }
        if (query.kind() != null) {
            sql.append(" and d.kind = ?");
            parameters.add(query.kind().name());
        }
        // Counts taken out again (a reopened activity, a moved subject) leave rows of zero behind.
        sql.append(" group by d.done_on, ").append(dimension).append(" having sum(d.done_count) <> 0");
        var counting = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            counting.setParameter(i + 1, parameters.get(i));
        }
        List<LocalDate> periods = periods(query.from(), query.to(), period);
        Map<LocalDate, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            index.put(periods.get(i), i);
        }
        Map<String, long[]> counts = new TreeMap<>();
        for (Object row : counting.getResultList()) {
            Object[] columns = (Object[]) row;
            LocalDate date = SqlValues.localDate(columns[0]);
            String group = String.valueOf(columns[1]);
            counts.computeIfAbsent(group, g -> new long[periods.size()])[index.get(start(date, period))] +=
                    ((Number) columns[2]).longValue();
        }
        return new Result(periods, List.copyOf(new TreeSet<>(counts.keySet())), counts);
    }

    static List<LocalDate> periods(LocalDate from, LocalDate to, Period period) {
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate start = start(from, period); !start.isAfter(to); start = next(start, period)) {
            periods.add(start);
        }
        return periods;
    }

    /** The first day of the period that holds {@code day}. */
    static LocalDate start(LocalDate day, Period period) {
        return switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate start, Period period) {
        return switch (period) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
