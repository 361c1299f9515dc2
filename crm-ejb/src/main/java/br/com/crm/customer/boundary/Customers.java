package br.com.crm.customer.boundary;

import br.com.crm.customer.control.CustomerRegistry;
import br.com.crm.customer.entity.Consent;
import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.customer.entity.LegalBasis;
import br.com.crm.customer.entity.TaxId;
import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.control.ErpCalls;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import br.com.crm.kernel.Text;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Finding and registering customers. */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class Customers {

    public static final int SEARCH_LIMIT = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    CustomerRegistry registry;

    @Inject
    ErpCalls erp;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    /** By a part of the name (accents and case ignored) or the start of the CPF/CNPJ digits. */
    public List<Customer> search(String text, int limit) {
        String normalized = Text.searchable(text == null ? "" : text);
        String digits = TaxId.digits(normalized);
        return em.createNamedQuery(Customer.SEARCH, Customer.class)
                .setParameter("prefix", "%" + escapeLike(normalized) + "%")
                .setParameter("digits", digits.isEmpty() ? "-" : digits + "%")
                .setMaxResults(Math.min(Math.max(limit, 1), 100))
                .getResultList();
    }

    public Customer find(long id) {
        return registry.find(id);
    }

    /** Quick registration; a CPF/CNPJ already registered is refused, naming the customer who has it. */
    @RolesAllowed({Roles.ADMIN, Roles.USER})
    public Customer register(String name, CustomerKind kind, String taxId, String email, String phone,
                             ContactStatus status) {
        Customer customer = registry.register(name, kind, taxId, email, phone, status);
        em.flush();
        changed(Change.Kind.CUSTOMER_CREATED, customer);
        return customer;
    }

    /**
     * The CRM customer of an ERP customer (read again from the ERP by its code): the one already linked or with the
     * same CPF/CNPJ, now linked; else a new customer with the ERP's data. No duplicate of an ERP customer.
     */
    @RolesAllowed({Roles.ADMIN, Roles.USER})
    public Customer fromErp(String code) {
        Erp.Customer found = erp.findCustomers(code).stream()
                .filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> BusinessException.notFound("erpCustomer", code));
        boolean[] created = {false};
        Customer customer = em.createQuery("select c from Customer c where c.erpCode = :code or "
                        + "(c.taxId is not null and c.taxId = :taxId) order by c.id", Customer.class)
                .setParameter("code", code).setParameter("taxId", found.taxId() == null ? "-" : found.taxId())
                .setMaxResults(1).getResultStream().findFirst()
                .orElseGet(() -> {
                    String digits = TaxId.digits(found.taxId());
                    Customer registered = new Customer(found.name(), digits != null && digits.length() == 11
                            ? CustomerKind.PERSON : CustomerKind.COMPANY, found.taxId(), found.email(),
                            found.phone(), ContactStatus.CUSTOMER);
                    em.persist(registered);
                    created[0] = true;
                    return registered;
                });
        customer.linkToErp(code);
        em.flush();
        changed(created[0] ? Change.Kind.CUSTOMER_CREATED : Change.Kind.CUSTOMER_SAVED, customer);
        return customer;
    }

    @RolesAllowed({Roles.ADMIN, Roles.USER})
    public Customer changeContactStatus(long id, ContactStatus status) {
        Customer customer = find(id);
        customer.changeContactStatus(status);
        changed(Change.Kind.CUSTOMER_SAVED, customer);
        return customer;
    }

    /** A basis or consent to record: {@code givenAt} {@code null} for now. */
    public record ConsentForm(LegalBasis basis, Consent.Action consent, String how, OffsetDateTime givenAt) {
    }

    /** The customer's history of legal bases and consents, latest first. */
    public List<Consent> consents(long id) {
        find(id);
        return em.createNamedQuery(Consent.OF_CUSTOMER, Consent.class).setParameter("customer", id).getResultList();
    }

    /** Records a legal basis, or a consent given or withdrawn, in the customer's history (audited). */
    @RolesAllowed({Roles.ADMIN, Roles.USER})
    public Consent record(long id, ConsentForm form) {
        if (form == null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "consent.basis.required", "basis");
        }
        Customer customer = find(id);
        Consent consent = customer.record(form.basis(), form.consent(), form.how(), form.givenAt(),
                OffsetDateTime.now(ZoneOffset.UTC), caller.name());
        em.persist(consent);
        em.flush();
        changes.fire(Change.Kind.CUSTOMER_CONSENT, List.of(), List.of(), customer.getId(), caller.name(),
                consent.getBasis() + (consent.getConsent() == null ? "" : " (" + consent.getConsent() + ")"));
        return consent;
    }

    /** The customer's name and status show on its subjects' cards, in any column. */
    private void changed(Change.Kind kind, Customer customer) {
        changes.fire(kind, List.of(), List.of(), customer.getId(), caller.name(),
                customer.getName());
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
