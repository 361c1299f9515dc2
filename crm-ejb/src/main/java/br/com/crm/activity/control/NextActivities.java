package br.com.crm.activity.control;

import br.com.crm.activity.boundary.Activities.Next;
import br.com.crm.activity.entity.ActivityKind;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The next open activity of many subjects at once, for the read sides that show it (a page of cards, of rows). */
@Dependent
public class NextActivities {

    @PersistenceContext
    EntityManager em;

    /** The next open activity of each of these subjects (none for a subject with nothing planned), in one query. */
    public Map<Long, Next> of(Collection<Long> subjectIds) {
        Map<Long, Next> next = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return next;
        }
        em.createQuery("select a.subjectId, a.id, a.kind, a.dueAt, u.displayName from Activity a "
                        + "join a.responsible u where a.subjectId in :ids and a.doneAt is null "
                        + "order by a.subjectId, a.dueAt desc, a.id desc", Object[].class)
                .setParameter("ids", subjectIds)
                .getResultList()
                // Ordered latest first, so the earliest of each subject is put last and stays.
                .forEach(row -> next.put((Long) row[0], new Next((Long) row[1], (ActivityKind) row[2],
                        (OffsetDateTime) row[3], (String) row[4])));
        return next;
    }
}
