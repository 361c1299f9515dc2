package br.com.crm.report.boundary;

import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Changes;
import br.com.crm.kernel.SqlValues;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import br.com.crm.stage.entity.StageTotal;
import br.com.crm.subject.control.ForecastDays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relatório → Previsão: what the funnel is expected to bring, by expected close month, responsible or stage. Each
 * row has the open subjects' value, that value weighed by their stages' win probabilities, and the subjects won and
 * lost (by the month they were closed in). Open subjects expected before today are overdue and have their own row,
 * as those with no expected date; grouped by responsible or stage, a row counts all the open subjects the months
 * show (overdue, in the range, undated), so the total is the same in every grouping.
 * <p>
 * One grouped query over the kept daily counts ({@link ForecastDays}), never over the subjects.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class ForecastReport {

    /** The longest range one report covers. */
    public static final int MAX_MONTHS = 24;

    /** The row keys of open subjects expected before today and of those with no expected date. */
    public static final String OVERDUE = "OVERDUE";
    public static final String UNDATED = "UNDATED";

    public enum Grouping { MONTH, USER, STAGE }

    /** The months (both included), the grouping, optionally one responsible's subjects only. */
    public record Query(YearMonth from, YearMonth to, Grouping by, String user) implements Serializable {
    }

    /**
     * One row: {@code key} is a month ({@code 2026-12}), {@link #OVERDUE} or {@link #UNDATED}; a user name; a
     * stage id. {@code name}: the responsible's display name in a row by responsible.
     */
    public record Row(String key, String name, long open, BigDecimal openValue, BigDecimal weighted, long won,
                      BigDecimal wonValue, long lost, BigDecimal lostValue) implements Serializable {

        static Row empty(String key, String name) {
            return new Row(key, name, 0, money(BigDecimal.ZERO), money(BigDecimal.ZERO), 0, money(BigDecimal.ZERO),
                    0, money(BigDecimal.ZERO));
        }

        Row plus(Row other) {
            return new Row(key, name, open + other.open, openValue.add(other.openValue),
                    weighted.add(other.weighted), won + other.won, wonValue.add(other.wonValue),
                    lost + other.lost, lostValue.add(other.lostValue));
        }
    }

    /** The rows in their order, and their total; {@code today}: the São Paulo day the report was made on. */
    public record Result(Query query, LocalDate today, List<Row> rows, Row total) implements Serializable {
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
                "forecast · " + format + " · " + query, caller.name()));
    }

    public Result run(Query query) {
        if (query.from() == null || query.to() == null || query.to().isBefore(query.from())) {
            throw new BusinessException(BusinessException.Kind.INVALID, "report.range.invalid", "from");
        }
        if (query.from().plusMonths(MAX_MONTHS - 1L).isBefore(query.to())) {
            throw new BusinessException(BusinessException.Kind.INVALID, "forecast.range.tooLong", "to", MAX_MONTHS);
        }
        Grouping by = query.by() == null ? Grouping.MONTH : query.by();
        boolean user = query.user() != null && !query.user().isBlank();
        // The row's key and name beside the day; constants where the grouping has none (never grouped by:
        // PostgreSQL refuses a constant in GROUP BY).
        List<String> grouped = switch (by) {
            case MONTH -> List.of();
            case USER -> List.of("u.username", "u.display_name");
            case STAGE -> List.of("cast(f.stage_id as varchar(20))");
        };
        String group = grouped.isEmpty() ? "''" : grouped.get(0);
        String name = by == Grouping.USER ? "u.display_name" : "''";
        LocalDate today = BusinessCalendar.today();
        LocalDate first = query.from().atDay(1);
        LocalDate last = query.to().atEndOfMonth();
        StringBuilder sql = new StringBuilder("select f.close_on, " + group + ", " + name + ", f.outcome, sum(f.subjects), "
                + "sum(f.amount), sum(f.amount * coalesce(st.probability, 0)) from crm_forecast_day f "
                + "join crm_stage st on st.id = f.stage_id"
                + (by == Grouping.USER || user ? " join crm_user u on u.id = f.responsible_id" : "")
                + " where ((f.outcome = '" + StageTotal.OPEN + "' and (f.close_on < ? or f.close_on between ? and ? or f.close_on = ?))"
                + " or (f.outcome <> '" + StageTotal.OPEN + "' and f.close_on between ? and ?))");
        List<Object> parameters = new ArrayList<>(List.of(today, first, last, ForecastDays.NO_DATE, first, last));
        if (user) {
            sql.append(" and u.username = ?");
            parameters.add(query.user().strip());
        }
        // Counts taken out again (a subject moved, closed, re-dated) leave rows of zero behind.
        sql.append(" group by f.close_on, f.outcome");
        grouped.forEach(column -> sql.append(", ").append(column));
        sql.append(" having sum(f.subjects) <> 0");
        var counting = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            counting.setParameter(i + 1, parameters.get(i));
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        if (by == Grouping.MONTH) {
            rows.put(OVERDUE, Row.empty(OVERDUE, null));
            for (YearMonth month = query.from(); !month.isAfter(query.to()); month = month.plusMonths(1)) {
                rows.put(month.toString(), Row.empty(month.toString(), null));
            }
            rows.put(UNDATED, Row.empty(UNDATED, null));
        }
        for (Object result : counting.getResultList()) {
            Object[] columns = (Object[]) result;
            LocalDate day = SqlValues.localDate(columns[0]);
            String outcome = (String) columns[3];
            long subjects = SqlValues.longValue(columns[4]);
            BigDecimal amount = money((BigDecimal) columns[5]);
            String key = by == Grouping.MONTH ? monthKey(day, outcome, today) : (String) columns[1];
            String displayName = by == Grouping.USER ? (String) columns[2] : null;
            Row counted = switch (outcome) {
                case StageTotal.OPEN -> new Row(key, displayName, subjects, amount,
                        money(((BigDecimal) columns[6]).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN)),
                        0, money(BigDecimal.ZERO), 0, money(BigDecimal.ZERO));
                case "WON" -> new Row(key, displayName, 0, money(BigDecimal.ZERO), money(BigDecimal.ZERO), subjects,
                        amount, 0, money(BigDecimal.ZERO));
                default -> new Row(key, displayName, 0, money(BigDecimal.ZERO), money(BigDecimal.ZERO), 0,
                        money(BigDecimal.ZERO), subjects, amount);
            };
            rows.merge(key, counted, Row::plus);
        }
        List<Row> ordered = new ArrayList<>(rows.values());
        if (by == Grouping.USER) {
            ordered.sort((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name()));
        }
        Row total = ordered.stream().reduce(Row.empty("TOTAL", null), Row::plus);
        return new Result(new Query(query.from(), query.to(), by, user ? query.user().strip() : null), today,
                List.copyOf(ordered), total);
    }

    /** An open subject's row by its expected date; a closed one's by the month it was closed in. */
    private static String monthKey(LocalDate day, String outcome, LocalDate today) {
        if (StageTotal.OPEN.equals(outcome)) {
            if (day.equals(ForecastDays.NO_DATE)) {
                return UNDATED;
            }
            if (day.isBefore(today)) {
                return OVERDUE;
            }
        }
        return YearMonth.from(day).toString();
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }
}
