package br.com.crm.report.boundary;

import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.security.entity.Roles;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.entity.Outcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The funnel over a range of days, from the stage history: for each stage how many subjects entered it, how many of
 * those went on to a later stage (the conversion), and how long they stayed; subjects closed as won and lost with
 * their values, and the lost reasons. Optionally for one responsible user or one tag.
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
        Map<Long, Integer> position = new HashMap<>();
        stages.forEach(s -> position.put(s.getId(), s.getPosition()));

        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        String narrowed = narrowing(query, parameters);

        // Every stage change of the subjects that entered some stage in the range, in order per subject.
        var history = em.createQuery("select c.subject.id, c.to.id, c.changedAt from StageChange c "
                + "where c.subject.id in (select c2.subject.id from StageChange c2 where c2.changedAt >= :from "
                + "and c2.changedAt < :to)" + narrowed + " order by c.subject.id, c.changedAt, c.id", Object[].class);
        parameters.forEach(history::setParameter);
        Map<Long, long[]> counts = new LinkedHashMap<>();
        Map<Long, Duration> stayed = new HashMap<>();
        Map<Long, Long> left = new HashMap<>();
        stages.forEach(s -> counts.put(s.getId(), new long[2]));
        List<Object[]> rows = history.getResultList();
        for (int i = 0; i < rows.size(); i++) {
            Object[] entry = rows.get(i);
            OffsetDateTime at = (OffsetDateTime) entry[2];
            long stage = (Long) entry[1];
            if (at.isBefore(from) || !at.isBefore(to) || !counts.containsKey(stage)) {
                continue;
            }
            counts.get(stage)[0]++;
            boolean sameSubjectNext = i + 1 < rows.size() && rows.get(i + 1)[0].equals(entry[0]);
            if (sameSubjectNext) {
                Object[] next = rows.get(i + 1);
                stayed.merge(stage, Duration.between(at, (OffsetDateTime) next[2]), Duration::plus);
                left.merge(stage, 1L, Long::sum);
                for (int j = i + 1; j < rows.size() && rows.get(j)[0].equals(entry[0]); j++) {
                    if (position.getOrDefault((Long) rows.get(j)[1], 0) > position.get(stage)) {
                        counts.get(stage)[1]++;
                        break;
                    }
                }
            }
        }
        List<StageFigures> figures = new ArrayList<>();
        counts.forEach((stage, c) -> figures.add(new StageFigures(stage, c[0], c[1],
                left.containsKey(stage) ? stayed.get(stage).toMinutes() / 1440.0 / left.get(stage) : null)));

        // Closings in the range: the subject's closing entry, its outcome and value.
        var closed = em.createQuery("select s.outcome, count(s.id), sum(s.amount) from Subject s "
                + "where s.outcome is not null and exists (select c.id from StageChange c where c.subject = s "
                + "and c.outcome is not null and c.changedAt >= :from and c.changedAt < :to)"
                + narrowed.replace("c.subject.", "s.") + " group by s.outcome", Object[].class);
        parameters.forEach(closed::setParameter);
        List<Closing> closings = closed.getResultList().stream()
                .map(r -> new Closing((Outcome) r[0], (Long) r[1], r[2] == null ? BigDecimal.ZERO : (BigDecimal) r[2]))
                .toList();

        var reasons = em.createQuery("select r, count(s.id) from Subject s join s.lostReason r "
                + "where s.outcome = :lost and exists (select c.id from StageChange c "
                + "where c.subject = s and c.outcome is not null and c.changedAt >= :from and c.changedAt < :to)"
                + narrowed.replace("c.subject.", "s.") + " group by r order by count(s.id) desc", Object[].class);
        parameters.forEach(reasons::setParameter);
        reasons.setParameter("lost", Outcome.LOST);
        List<LostReasonCount> lost = reasons.getResultList().stream().map(r -> {
            LostReason reason = (LostReason) r[0];
            return new LostReasonCount(reason.getId(), reason.getDescription(), reason.getDescriptionEn(), (Long) r[1]);
        }).toList();
        return new Result(figures, closings, lost);
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
