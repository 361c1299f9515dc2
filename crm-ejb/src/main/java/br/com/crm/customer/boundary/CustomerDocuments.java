package br.com.crm.customer.boundary;

import br.com.crm.customer.entity.Customer;
import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.control.ErpCalls;
import br.com.crm.kernel.BusinessException;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A customer's documents in the ERP (the Vendas, Financeiro and Serviço tabs) and the facts its cards show, found by
 * the customer's ERP code or CPF/CNPJ. Outside any transaction: the ERP being down ({@code ErpUnavailable}) fails
 * only the tab that asked.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerDocuments {

    @PersistenceContext
    EntityManager em;

    @Inject
    ErpCalls erp;

    public Erp.Page<Erp.SalesDocument> sales(long customerId, int offset, int limit) {
        return erp.sales(key(customerId), offset, limit);
    }

    public Erp.Page<Erp.Receivable> receivables(long customerId, int offset, int limit) {
        return erp.receivables(key(customerId), offset, limit);
    }

    public Erp.Page<Erp.ServiceDocument> service(long customerId, int offset, int limit) {
        return erp.service(key(customerId), offset, limit);
    }

    public Erp.Facts facts(long customerId) {
        return erp.facts(key(customerId));
    }

    private Erp.CustomerKey key(long customerId) {
        Customer customer = em.find(Customer.class, customerId);
        if (customer == null) {
            throw BusinessException.notFound("customer", customerId);
        }
        return customer.erpKey();
    }
}
