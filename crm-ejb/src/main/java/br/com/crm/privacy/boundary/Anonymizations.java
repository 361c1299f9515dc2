package br.com.crm.privacy.boundary;

import br.com.crm.customer.control.CustomerRegistry;
import br.com.crm.customer.entity.Customer;
import br.com.crm.kernel.BusinessException;
import br.com.crm.privacy.control.Anonymizer;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.util.Map;

/**
 * Anonymising a customer on request (LGPD, art. 18, IV), by an administrator who saw what will go: the person's
 * name, CPF, e-mail and phone wherever the module wrote them. Final: nothing keeps the old values.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Anonymizations {

    /** What an anonymisation of the customer would touch, for the confirmation that names it. */
    public record Scope(long customerId, String name, boolean anonymized, long subjects, long activities, long notes,
                        long emails, long proposals, long version) implements Serializable {
    }

    private static final String OF_SUBJECTS = " in (select s.id from Subject s where s.customer.id = :c)";

    @PersistenceContext
    EntityManager em;

    @Inject
    CustomerRegistry customers;

    @Inject
    Anonymizer anonymizer;

    @Inject
    CurrentCaller caller;

    public Scope scope(long customerId) {
        Customer customer = customers.find(customerId);
        return new Scope(customerId, customer.getName(), customer.isAnonymized(),
                count("select count(s) from Subject s where s.customer.id = :c", customerId),
                count("select count(a) from Activity a where a.subjectId" + OF_SUBJECTS, customerId),
                count("select count(n) from Note n where n.subjectId" + OF_SUBJECTS, customerId),
                count("select count(m) from Mail m where m.subjectId" + OF_SUBJECTS, customerId),
                count("select count(p) from Proposal p where p.subjectId" + OF_SUBJECTS, customerId),
                customer.getVersion());
    }

    /**
     * Anonymises the customer as of the version the administrator confirmed; returns how many records of each
     * kind (by table) named the person.
     */
    public Map<String, Integer> anonymize(long customerId, long version) {
        Customer customer = customers.find(customerId);
        if (customer.getVersion() != version) {
            throw BusinessException.stale("customer");
        }
        return anonymizer.anonymize(customer, caller.name());
    }

    private long count(String jpql, long customerId) {
        return em.createQuery(jpql, Long.class).setParameter("c", customerId).getSingleResult();
    }
}
