package br.com.crm.customer.control;

import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.erp.boundary.ErpUnavailable;
import br.com.crm.erp.control.ErpCalls;
import br.com.crm.kernel.BusinessException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Finding and registering customers inside the caller's transaction: for the boundaries that do either. */
@Dependent
public class CustomerRegistry {

    @PersistenceContext
    EntityManager em;

    @Inject
    ErpCalls erp;

    public Customer find(long id) {
        Customer customer = em.find(Customer.class, id);
        if (customer == null) {
            throw BusinessException.notFound("customer", id);
        }
        return customer;
    }

    /** Quick registration; a CPF/CNPJ already registered is refused, naming the customer who has it. */
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
        } catch (ErpUnavailable e) {
            // Registered without the link; linking it later from the ERP finds it by its CPF/CNPJ.
        }
    }
}
