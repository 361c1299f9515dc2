package br.com.crm.funnel.boundary;

import br.com.crm.customer.entity.TaxId;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.Changes;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.subject.entity.Outcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * All subjects a filter selects, row by row, for export: read in chunks by keyset (id), so 100,000 rows never sit
 * in memory at once.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class SubjectExports {

    static final int CHUNK = 1000;

    /** One exported subject. */
    public record Row(long id, String title, String customer, String taxId, String stage, Outcome outcome,
                      BigDecimal amount, LocalDate expectedClose, String responsible, boolean archived,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        Row withTaxId(String shown) {
            return new Row(id, title, customer, shown, stage, outcome, amount, expectedClose, responsible, archived,
                    createdAt, updatedAt);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    /**
     * Hands every selected subject to {@code sink}, newest first; returns how many. A caller who may not see
     * personal data gets the CPFs masked.
     */
    public long each(SubjectFilter filter, Consumer<Row> sink) {
        boolean personalData = caller.seesPersonalData();
        long count = 0;
        long after = Long.MAX_VALUE;
        while (true) {
            Map<String, Object> parameters = new HashMap<>();
            var query = em.createQuery("select new br.com.crm.funnel.boundary.SubjectExports.Row(s.id, s.title, "
                            + "c.name, c.taxId, st.description, s.outcome, s.amount, s.expectedClose, u.displayName, "
                            + "s.archived, s.createdAt, s.updatedAt) "
                            + "from Subject s join s.customer c join s.stage st join s.responsible u "
                            + "where s.id < :after" + filter.conditions(parameters) + " order by s.id desc", Row.class)
                    .setParameter("after", after)
                    .setHint(SubjectFilter.BIND_PARAMETERS, "True")
                    .setMaxResults(CHUNK);
            parameters.forEach(query::setParameter);
            List<Row> rows = query.getResultList();
            rows.forEach(row -> sink.accept(personalData ? row : row.withTaxId(TaxId.masked(row.taxId()))));
            count += rows.size();
            if (rows.size() < CHUNK) {
                changes.audit(AuditEvent.of(AuditEvent.Action.EXPORT, AuditEvent.Entity.SUBJECT, null, null,
                        count + " · " + filter, caller.name()));
                return count;
            }
            after = rows.get(rows.size() - 1).id();
        }
    }
}
