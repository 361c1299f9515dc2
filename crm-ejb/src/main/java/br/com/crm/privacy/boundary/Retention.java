package br.com.crm.privacy.boundary;

import br.com.crm.customer.entity.Customer;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Changes;
import br.com.crm.kernel.SqlValues;
import br.com.crm.privacy.control.Anonymizer;
import br.com.crm.privacy.entity.PrivacyPolicy;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The retention review (LGPD, art. 15 and 16: data kept no longer than needed): customers with no ERP link whose
 * every subject was lost or archived and has had no news for the months the company set are proposed for
 * anonymisation. An administrator sees the list and confirms; nothing is erased by a timer alone.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Retention {

    /** At most this many proposals at once: the review is done in rounds, oldest news first. */
    public static final int LIMIT = 500;

    /** A customer proposed for anonymisation: their subjects and the last news of any of them. */
    public record Candidate(long customerId, String name, long subjects, OffsetDateTime lastNews)
            implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Anonymizer anonymizer;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    public PrivacyPolicy policy() {
        return em.find(PrivacyPolicy.class, PrivacyPolicy.ID);
    }

    public PrivacyPolicy changeRetention(Integer months, long version) {
        PrivacyPolicy policy = policy();
        if (policy.getVersion() != version) {
            throw BusinessException.stale("privacy");
        }
        int before = policy.getRetentionMonths();
        policy.changeRetention(months);
        em.flush();
        changes.audit(AuditEvent.of(AuditEvent.Action.SETTINGS, AuditEvent.Entity.PRIVACY, PrivacyPolicy.ID, null,
                "retention months " + before + " → " + months, caller.name()));
        return policy;
    }

    /** The customers proposed now, oldest news first. */
    public List<Candidate> proposed() {
        return candidates(null);
    }

    /**
     * Anonymises those of {@code ids} that are still proposed (a customer who came back since the list was read
     * is left alone); returns how many.
     */
    public int confirm(Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "privacy.retention.noneChosen", "ids");
        }
        if (ids.size() > LIMIT) {
            throw new BusinessException(BusinessException.Kind.INVALID, "privacy.retention.tooMany", "ids", LIMIT);
        }
        int done = 0;
        for (Long id : new LinkedHashSet<>(ids)) {
            if (id == null || candidates(id).isEmpty()) {
                continue;
            }
            Customer customer = em.find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE);
            anonymizer.anonymize(customer, caller.name());
            done++;
        }
        return done;
    }

    /**
     * Customers with no ERP link, not anonymised, none of whose subjects is open (neither archived nor lost) or had
     * news since the cutoff; all of them, or the one asked for. Native SQL: EclipseLink writes this JPQL's
     * parameters into the statement as literals (a boolean as 1, which H2 refuses), and JDBC binds these.
     */
    private List<Candidate> candidates(Long customerId) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(policy().getRetentionMonths());
        var query = em.createNativeQuery("select c.id, c.name, count(s.id), max(s.updated_at) from crm_customer c "
                        + "join crm_subject s on s.customer_id = c.id "
                        + "where c.erp_code is null and c.anonymized_at is null"
                        + (customerId == null ? "" : " and c.id = ?2")
                        + " and not exists (select 1 from crm_subject o where o.customer_id = c.id "
                        + "and (o.updated_at >= ?1 or o.last_activity_at >= ?1 "
                        + "or (o.archived = false and (o.outcome is null or o.outcome <> 'LOST')))) "
                        + "group by c.id, c.name order by max(s.updated_at), c.id")
                .setParameter(1, cutoff).setMaxResults(LIMIT);
        if (customerId != null) {
            query.setParameter(2, customerId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Candidate(SqlValues.longValue(row[0]), (String) row[1],
                SqlValues.longValue(row[2]), SqlValues.offsetDateTime(row[3]))).toList();
    }
}
