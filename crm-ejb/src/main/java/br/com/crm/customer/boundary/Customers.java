package br.com.crm.customer.boundary;

import br.com.crm.business.BusinessException;
import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.customer.entity.TaxId;
import br.com.crm.funnel.boundary.FunnelChanged;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Finding and registering customers. */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class Customers {

    public static final int SEARCH_LIMIT = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<FunnelChanged> funnelChanged;

    /** By a part of the name (accents and case ignored) or the start of the CPF/CNPJ digits. */
    public List<Customer> search(String text, int limit) {
        String normalized = Customer.searchable(text == null ? "" : text);
        String digits = TaxId.digits(normalized);
        return em.createNamedQuery(Customer.SEARCH, Customer.class)
                .setParameter("prefix", "%" + escapeLike(normalized) + "%")
                .setParameter("digits", digits.isEmpty() ? "-" : digits + "%")
                .setMaxResults(Math.min(Math.max(limit, 1), 100))
                .getResultList();
    }

    public Customer find(long id) {
        Customer customer = em.find(Customer.class, id);
        if (customer == null) {
            throw BusinessException.notFound("customer", id);
        }
        return customer;
    }

    /** Quick registration; a CPF/CNPJ already registered is refused, naming the customer who has it. */
    @RolesAllowed({Roles.ADMIN, Roles.USER})
    public Customer register(String name, CustomerKind kind, String taxId, String email, String phone,
                             ContactStatus status) {
        Customer customer = new Customer(name, kind, taxId, email, phone, status);
        if (customer.getTaxId() != null) {
            em.createNamedQuery(Customer.BY_TAX_ID, Customer.class)
                    .setParameter("taxId", customer.getTaxId())
                    .getResultStream()
                    .findFirst()
                    .ifPresent(existing -> {
                        throw new BusinessException(BusinessException.Kind.CONFLICT, "customer.taxId.duplicate",
                                "taxId", existing.getName());
                    });
        }
        linkToErp(customer);
        em.persist(customer);
        return customer;
    }

    /** A customer registered with a CPF/CNPJ the ERP knows is that ERP customer: linked, so its documents show. */
    private void linkToErp(Customer customer) {
        if (customer.getTaxId() == null) {
            return;
        }
        try {
            erp.findCustomers(customer.getTaxId()).stream()
                    .filter(found -> customer.getTaxId().equals(found.taxId())).findFirst()
                    .ifPresent(found -> customer.linkToErp(found.code()));
        } catch (br.com.crm.erp.boundary.ErpUnavailable e) {
            // Registered without the link; linking it later from the ERP finds it by its CPF/CNPJ.
        }
    }

    /**
     * The CRM customer of an ERP customer (read again from the ERP by its code): the one already linked or with the
     * same CPF/CNPJ, now linked; else a new customer with the ERP's data. No duplicate of an ERP customer.
     */
    @RolesAllowed({Roles.ADMIN, Roles.USER})
    public Customer fromErp(String code) {
        br.com.crm.erp.boundary.Erp.Customer found = erp.findCustomers(code).stream()
                .filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> BusinessException.notFound("erpCustomer", code));
        Customer customer = em.createQuery("select c from Customer c where c.erpCode = :code or "
                        + "(c.taxId is not null and c.taxId = :taxId) order by c.id", Customer.class)
                .setParameter("code", code).setParameter("taxId", found.taxId() == null ? "-" : found.taxId())
                .setMaxResults(1).getResultStream().findFirst()
                .orElseGet(() -> {
                    String digits = TaxId.digits(found.taxId());
                    Customer created = new Customer(found.name(), digits != null && digits.length() == 11
                            ? CustomerKind.PERSON : CustomerKind.COMPANY, found.taxId(), found.email(),
                            found.phone(), ContactStatus.CUSTOMER);
                    em.persist(created);
                    return created;
                });
        customer.linkToErp(code);
        em.flush();
        return customer;
    }

    @jakarta.inject.Inject
    br.com.crm.erp.boundary.ErpDocuments erp;

    @RolesAllowed({Roles.ADMIN, Roles.USER})
    public Customer changeContactStatus(long id, ContactStatus status) {
        Customer customer = find(id);
        customer.changeContactStatus(status);
        funnelChanged.fire(new FunnelChanged());
        return customer;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
