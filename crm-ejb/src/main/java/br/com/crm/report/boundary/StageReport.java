package br.com.crm.report.boundary;

import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.security.entity.Roles;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.control.StageDays;
import br.com.crm.subject.entity.Outcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The funnel over a range of days, from the stage history: for each stage how many subjects entered it, how many of
 * those went on to a later stage (the conversion), and how long they stayed; subjects closed as won and lost with
 * their values, and the lost reasons. Optionally for one responsible user or one tag.
 * <p>
 * The stages' figures are sums over the kept daily counts ({@link StageDays}), never over the history, but for one
 * tag; the closings read the subjects by their closing time.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class StageReport {

    public record Query(LocalDate from, LocalDate to, String user, Long tagId) implements Serializable {
    }

    /** One stage: entries in the range, how many moved on to a later stage, the conversion, average days spent. */
    public record StageFigures(long stageId, long entered, long movedOn, Double conversion, Double averageDays)
            implements Serializable {

        /** {@code conversion}: moved on / entered, in %; {@code null} with no entries. */
        StageFigures(long stageId, long entered, long movedOn, Double averageDays) {
            this(stageId, entered, movedOn, entered == 0 ? null : 100.0 * movedOn / entered, averageDays);
        }
    }

    public record Closing(Outcome outcome, long count, BigDecimal amount) implements Serializable {
    }

    public record LostReasonCount(long reasonId, String reason, String reasonEn, long count) implements Serializable {
    }

    public record Result(List<StageFigures> stages, List<Closing> closings, List<LostReasonCount> lostReasons)
            implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    public Result run(Query query) {
        if (query.from() == null || query.to() == null || query.to().isBefore(query.from())) {
            throw new BusinessException(BusinessException.Kind.INVALID, "report.range.invalid", "from");
        }
        OffsetDateTime from = query.from().atStartOfDay(BusinessCalendar.ZONE).toOffsetDateTime();
        OffsetDateTime to = query.to().plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toOffsetDateTime();
        List<Stage> stages = em.createNamedQuery(Stage.ALL, Stage.class).getResultList();

        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        String narrowed = narrowing(query, parameters);

        Map<Long, Object[]> counted = new HashMap<>();
        for (Object row : stageFigures(query, from, to)) {
            Object[] r = (Object[]) row;
            counted.put(((Number) r[0]).longValue(), r);
        }
        List<StageFigures> figures = new ArrayList<>();
        for (Stage stage : stages) {
            Object[] r = counted.get(stage.getId());
            if (r == null) {
                figures.add(new StageFigures(stage.getId(), 0, 0, null));
                continue;
            }
            long left = ((Number) r[3]).longValue();
            figures.add(new StageFigures(stage.getId(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    left == 0 ? null : ((Number) r[4]).doubleValue() / 86_400 / left));
        }

        // Closings in the range (the subject's closing time, by index), by outcome and lost reason in one query:
        // the outcomes' counts and values, and the lost reasons, most frequent first.
        var closed = em.createQuery("select s.outcome, r, count(s.id), sum(s.amount) from Subject s "
                + "left join s.lostReason r where s.outcome is not null and s.closedAt >= :from and s.closedAt < :to"
                + narrowed.replace("c.subject.", "s.") + " group by s.outcome, r", Object[].class);
        parameters.forEach(closed::setParameter);
        Map<Outcome, Closing> byOutcome = new EnumMap<>(Outcome.class);
        List<LostReasonCount> lost = new ArrayList<>();
        for (Object[] r : closed.getResultList()) {
            Outcome outcome = (Outcome) r[0];
            long count = (Long) r[2];
            BigDecimal amount = r[3] == null ? BigDecimal.ZERO : (BigDecimal) r[3];
            byOutcome.merge(outcome, new Closing(outcome, count, amount),
                    (a, b) -> new Closing(outcome, a.count() + b.count(), a.amount().add(b.amount())));
            if (outcome == Outcome.LOST && r[1] instanceof LostReason reason) {
                lost.add(new LostReasonCount(reason.getId(), reason.getDescription(), reason.getDescriptionEn(),
                        count));
            }
        }
        lost.sort(Comparator.comparingLong(LostReasonCount::count).reversed());
        List<Closing> closings = List.copyOf(byOutcome.values());
        return new Result(figures, closings, lost);
    }

    /**
     * Per stage: the entries of the range, how many advanced, how many were left, and the seconds spent by those
     * left (rows of stage id and the four sums). Without a tag, from the kept daily counts, whose days are the
     * report's São Paulo days. With one, from the history entries of the range, each entry keeping when it was
     * left and whether it advanced (written as the subject moved on), so one index range counted in the database:
     * a subject has any number of tags, and counts kept per tag would multiply the rows and have to move on every
     * tagging as well.
     */
    private List<?> stageFigures(Query query, OffsetDateTime from, OffsetDateTime to) {
        List<Object> values = new ArrayList<>();
        String sql;
        if (query.tagId() == null) {
            values.add(query.from());
            values.add(query.to());
            sql = "select d.stage_id, sum(d.entered), sum(d.advanced), sum(d.left_stage), sum(d.stay_seconds) "
                    + "from crm_stage_day d where d.entered_on between ? and ?";
            if (query.user() != null && !query.user().isBlank()) {
                sql += " and d.responsible_id = (select u.id from crm_user u where u.username = ?)";
                values.add(query.user());
            }
            sql += " group by d.stage_id";
        } else {
            values.add(from);
            values.add(to);
            sql = "select c.to_stage_id, count(*), sum(case when c.advanced then 1 else 0 end), count(c.left_at), "
                    + "sum(extract(epoch from c.left_at) - extract(epoch from c.changed_at)) "
                    + "from crm_stage_change c where c.changed_at >= ? and c.changed_at < ? "
                    + "and c.to_stage_id is not null" + nativeNarrowing(query, values) + " group by c.to_stage_id";
        }
        var figures = em.createNativeQuery(sql);
        for (int i = 0; i < values.size(); i++) {
            figures.setParameter(i + 1, values.get(i));
        }
        return figures.getResultList();
    }

    /** The same conditions in SQL on {@code c.subject_id}, their values added to {@code values} in order. */
    private static String nativeNarrowing(Query query, List<Object> values) {
        StringBuilder where = new StringBuilder();
        if (query.user() != null && !query.user().isBlank()) {
            where.append(" and exists (select 1 from crm_subject s join crm_user u on u.id = s.responsible_id "
                    + "where s.id = c.subject_id and u.username = ?)");
            values.add(query.user());
        }
        if (query.tagId() != null) {
            where.append(" and exists (select 1 from crm_subject_tag st where st.subject_id = c.subject_id "
                    + "and st.tag_id = ?)");
            values.add(query.tagId());
        }
        return where.toString();
    }

    /** The user and tag conditions on {@code c.subject}. */
    private static String narrowing(Query query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (query.user() != null && !query.user().isBlank()) {
            where.append(" and c.subject.responsible.username = :user");
            parameters.put("user", query.user());
        }
        if (query.tagId() != null) {
            where.append(" and exists (select st.tagId from SubjectTag st where st.subjectId = c.subject.id "
                    + "and st.tagId = :tag)");
            parameters.put("tag", query.tagId());
        }
        return where.toString();
    }
}
