package br.com.crm.audit.boundary;

import br.com.crm.audit.entity.AuditEntry;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.Changes;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit trail as administrators read it, a subject's history as anyone who sees the subject, and logins. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Audit {

    public static final int MAX_PAGE = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    /**
     * The entries the query selects, newest first (by time, then id), older than {@code cursor} (an entry's id)
     * when given.
     */
    public AuditPage page(AuditQuery query, Long cursor, int limit) {
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        narrow(jpql, parameters, "e.actor = :actor", "actor", query.actor());
        narrow(jpql, parameters, "e.action = :action", "action", query.action() == null ? null : query.action().name());
        narrow(jpql, parameters, "e.entity = :entity", "entity", query.entity() == null ? null : query.entity().name());
        narrow(jpql, parameters, "e.entityId = :id", "id", query.id());
        narrow(jpql, parameters, "e.at >= :from", "from", query.from());
        narrow(jpql, parameters, "e.at < :to", "to", query.to());
        return read(jpql, parameters, cursor, limit);
    }

    /** The entries about one subject and its records (activities, notes, proposals, e-mails), newest first. */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public AuditPage history(long subjectId, Long cursor, int limit) {
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where e.subjectId = :subject");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("subject", subjectId);
        return read(jpql, parameters, cursor, limit);
    }

    /**
     * A login, a failed login or a logout, made before (or after) anybody is logged in: the user name as typed for
     * a failed one. The request's door and address are those the web module gave {@code ChangeOrigin}.
     */
    @PermitAll
    public void login(AuditEvent.Action action, String username) {
        changes.audit(AuditEvent.of(action, AuditEvent.Entity.USER, null, null, null, username));
    }

    /** The audit trail left the module as a file: that too is in the trail (who, which filter, how many rows). */
    public void exported(AuditQuery query, long rows) {
        changes.audit(AuditEvent.of(AuditEvent.Action.EXPORT, AuditEvent.Entity.REPORT, null, null,
                "audit · " + rows + " · " + query, caller.name()));
    }

    private AuditPage read(StringBuilder jpql, Map<String, Object> parameters, Long cursor, int limit) {
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        if (cursor != null) {
            // Older than the cursor's entry in (at, id) order; "at <=" bounds the index range where the page starts.
            Optional<OffsetDateTime> at = em.createQuery("select e.at from AuditEntry e where e.id = :id",
                    OffsetDateTime.class).setParameter("id", cursor).getResultStream().findFirst();
            if (at.isEmpty()) {
                return new AuditPage(List.of(), null);
            }
            jpql.append(" and e.at <= :cursorAt and (e.at < :cursorAt or e.id < :cursor)");
            parameters.put("cursorAt", at.get());
            parameters.put("cursor", cursor);
        }
        TypedQuery<AuditEntry> query = em.createQuery(jpql.append(" order by e.at desc, e.id desc").toString(),
                        AuditEntry.class)
                .setMaxResults(size + 1);
        parameters.forEach(query::setParameter);
        List<AuditEntry> entries = new ArrayList<>(query.getResultList());
        Long next = null;
        if (entries.size() > size) {
            entries.remove(size);
            next = entries.get(size - 1).getId();
        }
        return new AuditPage(entries, next);
    }

    private static void narrow(StringBuilder jpql, Map<String, Object> parameters, String condition, String name,
                               Object value) {
        if (value != null) {
            jpql.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }
}
