package br.com.crm.subject.boundary;

import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.security.control.Accounts;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import br.com.crm.stage.control.StageFinder;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.control.StageHistory;
import br.com.crm.subject.control.SubjectChanges;
import br.com.crm.subject.entity.Subject;
import br.com.crm.tag.control.TagFinder;
import br.com.crm.tag.entity.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static br.com.crm.subject.control.SubjectChanges.literals;

/**
 * Operations on many subjects at once: a selection of ids or everything a filter selects. Each call is one
 * transaction (all or nothing), changes only what is not already so (a second archive of the same set changes
 * nothing), bumps the version of every subject it changes (open screens then refuse their stale copy), keeps the
 * column totals right and tells open funnels once. Work goes by chunks of locked rows with set-based statements:
 * archiving 10,000 subjects is a few dozen statements, not 10,000.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER})
public class SubjectBulk {

    /** Which subjects: the ids given, or all that the filter selects (exactly one of the two). */
    public record Selection(List<Long> ids, SubjectFilter filter) implements Serializable {

        public Selection {
            if ((ids == null) == (filter == null)) {
                throw new BusinessException(BusinessException.Kind.INVALID, "bulk.selection.invalid", "ids");
            }
            ids = ids == null ? null : List.copyOf(new TreeSet<>(ids));
        }

        public static Selection of(Collection<Long> ids) {
            return new Selection(List.copyOf(ids), null);
        }

        public static Selection matching(SubjectFilter filter) {
            return new Selection(null, filter);
        }
    }

    /** How many subjects were selected (and still exist) and how many of them this call changed. */
    public record Result(int selected, int changed) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SubjectChanges changes;

    @Inject
    StageHistory history;

    @Inject
    StageFinder stages;

    @Inject
    Accounts accounts;

    @Inject
    TagFinder tags;

    public Result archive(Selection selection) {
        return run(selection, Change.Kind.SUBJECT_ARCHIVED, false,
                (chunk, now, by) -> setArchived(chunk, true, now, by));
    }

    public Result unarchive(Selection selection) {
        return run(selection, Change.Kind.SUBJECT_UNARCHIVED, false,
                (chunk, now, by) -> setArchived(chunk, false, now, by));
    }

    /**
     * Deletes the subjects and their history for ever; administrators only. {@code expectedCount} is how many
     * the caller saw selected: a selection that has changed since is refused. Subjects that sent proposals or
     * e-mails to the customer go only when {@code confirmed}.
     */
    @RolesAllowed(Roles.ADMIN)
    public Result delete(Selection selection, int expectedCount, boolean confirmed) {
        List<Long> ids = selected(selection);
        if (ids.size() != expectedCount) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "bulk.delete.countChanged",
                    "expectedCount", expectedCount, ids.size());
        }
        int sent = confirmed ? 0 : changes.sentFrom(ids).size();
        if (sent > 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "bulk.delete.sent", "confirm", sent);
        }
        // The database cascades to the subjects' tags and stage history (foreign keys "on delete cascade").
        return new Result(ids.size(), changes.bulk(ids, Change.Kind.SUBJECT_DELETED, true,
                (chunk, now, by) -> em.createNativeQuery(
                        "delete from crm_subject where id in (" + literals(chunk) + ")").executeUpdate()));
    }

    /** Moves the subjects to a stage that is not the closing one (closing asks each subject for its outcome). */
    public Result move(Selection selection, long stageId) {
        Stage target = stages.find(stageId);
        if (target.isClosing()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "bulk.move.closing", "stageId");
        }
        return run(selection, Change.Kind.SUBJECT_MOVED, true, (chunk, now, by) -> {
            List<Long> moved = new ArrayList<>();
            for (Subject subject : em.createQuery("select s from Subject s where s.id in :ids", Subject.class)
                    .setParameter("ids", chunk).setHint(SubjectFilter.BIND_PARAMETERS, "True").getResultList()) {
                var change = subject.moveTo(target, null, null, now, by);
                if (change != null) {
                    em.persist(change);
                    moved.add(subject.getId());
                }
            }
            history.moved(moved, now, target.getPosition());
            return moved.size();
        });
    }

    /** Makes one user responsible for the subjects. */
    public Result assign(Selection selection, String username) {
        User user = accounts.active(username, "subject.responsible.unknown", "responsible");
        return run(selection, Change.Kind.SUBJECT_ASSIGNED, false, (chunk, now, by) -> em.createQuery(
                        "update Subject s set s.responsible = :user, s.version = s.version + 1, "
                        + "s.updatedAt = :now, s.updatedBy = :by "
                        + "where s.id in :ids and s.responsible <> :user")
                .setParameter("user", user).setParameter("now", now).setParameter("by", by)
                .setParameter("ids", chunk).setHint(SubjectFilter.BIND_PARAMETERS, "True").executeUpdate());
    }

    /** Puts the tags on the subjects (those already there stay). */
    public Result addTags(Selection selection, Collection<Long> tagIds) {
        List<Tag> chosen = chosen(tagIds);
        return run(selection, Change.Kind.SUBJECT_TAGGED, false, (chunk, now, by) -> {
            Map<Long, Set<Long>> present = tagsOf(chunk, chosen);
            List<Long> lacking = chunk.stream()
                    .filter(id -> present.getOrDefault(id, Set.of()).size() < chosen.size()).toList();
            if (lacking.isEmpty()) {
                return 0;
            }
            for (Tag tag : chosen) {
                em.createNativeQuery("insert into crm_subject_tag (subject_id, tag_id) select s.id, " + tag.getId()
                        + " from crm_subject s where s.id in (" + literals(lacking) + ") and not exists ("
                        + "select 1 from crm_subject_tag x where x.subject_id = s.id and x.tag_id = " + tag.getId() + ")")
                        .executeUpdate();
            }
            return touch(lacking, now, by);
        });
    }

    /** Takes the tags off the subjects. */
    public Result removeTags(Selection selection, Collection<Long> tagIds) {
        List<Tag> chosen = chosen(tagIds);
        return run(selection, Change.Kind.SUBJECT_TAGGED, false, (chunk, now, by) -> {
            List<Long> tagged = List.copyOf(tagsOf(chunk, chosen).keySet());
            if (tagged.isEmpty()) {
                return 0;
            }
            em.createNativeQuery("delete from crm_subject_tag where subject_id in (" + literals(tagged)
                    + ") and tag_id in (" + literals(chosen.stream().map(Tag::getId).toList()) + ")")
                    .executeUpdate();
            return touch(tagged, now, by);
        });
    }

    /** The selection's subjects through the one path of subject changes, in one transaction. */
    private Result run(Selection selection, Change.Kind kind, boolean moves, SubjectChanges.Step step) {
        List<Long> ids = selected(selection);
        return new Result(ids.size(), changes.bulk(ids, kind, moves, step));
    }

    private List<Long> selected(Selection selection) {
        return selection.ids() != null ? existing(selection.ids()) : matching(selection.filter());
    }

    private List<Long> existing(List<Long> ids) {
        List<Long> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += SubjectChanges.CHUNK) {
            found.addAll(em.createQuery("select s.id from Subject s where s.id in :ids order by s.id", Long.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + SubjectChanges.CHUNK)))
                    .setHint(SubjectFilter.BIND_PARAMETERS, "True")
                    .getResultList());
        }
        return found;
    }

    private List<Long> matching(SubjectFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        var query = em.createQuery("select s.id from Subject s join s.customer c join s.responsible u where 1 = 1"
                + filter.conditions(parameters) + " order by s.id", Long.class);
        parameters.forEach(query::setParameter);
        return query.setHint(SubjectFilter.BIND_PARAMETERS, "True").getResultList();
    }

    private int setArchived(List<Long> chunk, boolean archived, OffsetDateTime now, String by) {
        return em.createQuery("update Subject s set s.archived = :archived, s.version = s.version + 1, "
                        + "s.updatedAt = :now, s.updatedBy = :by where s.id in :ids and s.archived <> :archived")
                .setParameter("archived", archived).setParameter("now", now).setParameter("by", by)
                .setParameter("ids", chunk).setHint(SubjectFilter.BIND_PARAMETERS, "True").executeUpdate();
    }

    private int touch(List<Long> ids, OffsetDateTime now, String by) {
        return em.createQuery("update Subject s set s.version = s.version + 1, s.updatedAt = :now, "
                        + "s.updatedBy = :by where s.id in :ids")
                .setParameter("now", now).setParameter("by", by).setParameter("ids", ids)
                .setHint(SubjectFilter.BIND_PARAMETERS, "True").executeUpdate();
    }

    private List<Tag> chosen(Collection<Long> tagIds) {
        if (tagIds == null || tagIds.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "bulk.tags.none", "tagIds");
        }
        return tags.find(tagIds);
    }

    /** Which of the chosen tags each subject of the chunk already has. */
    private Map<Long, Set<Long>> tagsOf(List<Long> chunk, List<Tag> chosen) {
        return em.createQuery("select s.id, t.id from Subject s join s.tags t where s.id in :ids and t.id in :tags",
                        Object[].class)
                .setParameter("ids", chunk)
                .setParameter("tags", chosen.stream().map(Tag::getId).toList())
                .setHint(SubjectFilter.BIND_PARAMETERS, "True")
                .getResultStream()
                .collect(Collectors.groupingBy(row -> (Long) row[0],
                        Collectors.mapping(row -> (Long) row[1], Collectors.toSet())));
    }

}
