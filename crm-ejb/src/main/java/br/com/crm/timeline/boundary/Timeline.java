package br.com.crm.timeline.boundary;

import br.com.crm.kernel.BusinessException;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A subject's timeline: what happened, newest first, each item with who and when. Each kind is read newest first
 * from its own index, at most a page after the cursor, and the page is the newest of those merged; so a subject
 * with 1,000 items costs three small queries a page.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class Timeline {

    public static final int PAGE_SIZE = 20;

    /** What an item is. */
    public enum Kind { ACTIVITY, NOTE, STAGE_CHANGE, PROPOSAL, EMAIL }

    /**
     * One item: when it happened (an activity: when done, else when planned), who, what; {@code detail} and
     * {@code state} depend on the kind (an activity's kind and whether done; a stage change's outcome; a
     * proposal's number and status; an e-mail's recipients and state, its text followed by the mail server's
     * answer when it was refused).
     */
    public record Item(Kind kind, long id, OffsetDateTime at, String by, String text, String detail, String state)
            implements Serializable {

        /** The cursor of the page after this item. */
        public String cursor() {
            return at + "_" + kind + "_" + id;
        }
    }

    /** One page of items and the cursor of the next ({@code null} at the end). */
    public record Page(List<Item> items, String next) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    /** The page after {@code cursor} (the first when {@code null}) of the kinds asked (all when empty). */
    public Page page(long subjectId, Set<Kind> kinds, String cursor, int size) {
        int limit = Math.min(Math.max(size, 1), 100);
        OffsetDateTime before;
        try {
            before = cursor == null ? null : OffsetDateTime.parse(cursor.split("_", 2)[0]);
        } catch (DateTimeParseException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "api.cursor.invalid", "cursor");
        }
        List<Item> items = new ArrayList<>();
        if (kinds.isEmpty() || kinds.contains(Kind.ACTIVITY)) {
            // Both times, not coalesce(...): PostgreSQL's driver answers an untyped expression as a Timestamp.
            read("select a.id, a.dueAt, u.displayName, a.description, a.kind, a.doneAt "
                    + "from Activity a join a.responsible u where a.subjectId = :subject", "coalesce(a.doneAt, a.dueAt)",
                    subjectId, before, limit).forEach(r -> items.add(new Item(Kind.ACTIVITY, (Long) r[0],
                    r[5] != null ? (OffsetDateTime) r[5] : (OffsetDateTime) r[1], (String) r[2], (String) r[3],
                    String.valueOf(r[4]), r[5] == null ? "OPEN" : "DONE")));
        }
        if (kinds.isEmpty() || kinds.contains(Kind.NOTE)) {
            read("select n.id, n.createdAt, n.author, n.text from Note n where n.subjectId = :subject",
                    "n.createdAt", subjectId, before, limit).forEach(r -> items.add(new Item(Kind.NOTE, (Long) r[0],
                    (OffsetDateTime) r[1], (String) r[2], (String) r[3], null, null)));
        }
        if (kinds.isEmpty() || kinds.contains(Kind.STAGE_CHANGE)) {
            read("select c.id, c.changedAt, c.changedBy, c.toName, c.fromName, c.outcome from StageChange c "
                    + "where c.subject.id = :subject", "c.changedAt", subjectId, before, limit)
                    .forEach(r -> items.add(new Item(Kind.STAGE_CHANGE, (Long) r[0], (OffsetDateTime) r[1],
                            (String) r[2], (String) r[3], (String) r[4], r[5] == null ? null : r[5].toString())));
        }
        if (kinds.isEmpty() || kinds.contains(Kind.PROPOSAL)) {
            read("select p.id, p.createdAt, p.createdBy, p.number, p.revision, p.status, p.total from Proposal p "
                    + "where p.subjectId = :subject", "p.createdAt", subjectId, before, limit)
                    .forEach(r -> items.add(new Item(Kind.PROPOSAL, (Long) r[0], (OffsetDateTime) r[1],
                            (String) r[2], String.valueOf(r[6]),
                            Proposal.displayNumber((Long) r[3], (Integer) r[4]), r[5].toString())));
        }
        if (kinds.isEmpty() || kinds.contains(Kind.EMAIL)) {
            read("select m.id, m.createdAt, m.createdBy, m.subject, m.to, m.status, m.lastError from Mail m "
                    + "where m.subjectId = :subject", "m.createdAt", subjectId, before, limit)
                    .forEach(r -> items.add(new Item(Kind.EMAIL, (Long) r[0], (OffsetDateTime) r[1], (String) r[2],
                            r[6] == null ? (String) r[3] : r[3] + "\n" + r[6], (String) r[4], r[5].toString())));
        }
        items.sort(Comparator.comparing(Item::at).reversed().thenComparing(Item::kind).thenComparing(Item::id,
                Comparator.reverseOrder()));
        if (cursor != null) {
            // Items at the cursor's very instant: keep only those after the cursor's own item.
            items.removeIf(item -> !isAfter(item, cursor));
        }
        boolean more = items.size() > limit;
        List<Item> page = List.copyOf(items.subList(0, Math.min(limit, items.size())));
        return new Page(page, more ? page.get(page.size() - 1).cursor() : null);
    }

    private List<Object[]> read(String select, String at, long subjectId, OffsetDateTime before, int limit) {
        var query = em.createQuery(select + (before == null ? "" : " and " + at + " <= :before")
                + " order by " + at + " desc", Object[].class).setParameter("subject", subjectId);
        if (before != null) {
            query.setParameter("before", before);
        }
        // One more than a page, plus what may share the cursor's instant.
        return query.setMaxResults(limit + 1 + (before == null ? 0 : limit)).getResultList();
    }

    private static boolean isAfter(Item item, String cursor) {
        String[] parts = cursor.split("_", 3);
        OffsetDateTime at = OffsetDateTime.parse(parts[0]);
        if (!item.at().isEqual(at)) {
            return item.at().isBefore(at);
        }
        int byKind = item.kind().compareTo(Kind.valueOf(parts[1]));
        return byKind > 0 || (byKind == 0 && item.id() < Long.parseLong(parts[2]));
    }
}
