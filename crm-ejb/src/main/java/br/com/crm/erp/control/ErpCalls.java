package br.com.crm.erp.control;

import br.com.crm.erp.boundary.Erp;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The ERP as the other components call it: outside their transaction (the ERP's data source is another resource,
 * often not XA, and its failures must not roll back what the caller does in the module's database), the cards'
 * facts kept a while ({@link ErpFactsCache}). Failures come as {@code ErpUnavailable}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ErpCalls {

    @Inject
    Erp erp;

    @Inject
    ErpFactsCache factsCache;

    public Erp.Page<Erp.SalesDocument> sales(Erp.CustomerKey customer, int offset, int limit) {
        return erp.sales(customer, offset, limit);
    }

    public Erp.Page<Erp.Receivable> receivables(Erp.CustomerKey customer, int offset, int limit) {
        return erp.receivables(customer, offset, limit);
    }

    public Erp.Page<Erp.ServiceDocument> service(Erp.CustomerKey customer, int offset, int limit) {
        return erp.service(customer, offset, limit);
    }

    /** The facts of a page of customers: the ones not kept from the last minute, in one ERP query. */
    public Map<Erp.CustomerKey, Erp.Facts> facts(Collection<Erp.CustomerKey> customers) {
        return factsCache.facts(customers, erp::facts);
    }

    public Erp.Facts facts(Erp.CustomerKey customer) {
        return facts(List.of(customer)).getOrDefault(customer, Erp.Facts.NONE);
    }

    /** Customers of the ERP by a part of the name, the CPF/CNPJ or the code (at least two characters). */
    public List<Erp.Customer> findCustomers(String text) {
        if (text == null || text.strip().length() < 2) {
            return List.of();
        }
        return erp.findCustomers(text, 20);
    }

    public List<Erp.Product> products(String text) {
        return erp.products(text, 20);
    }

    /** Hands a sales order to the ERP, which commits its own write. */
    public void createSalesOrder(Erp.SalesOrder order) {
        erp.createSalesOrder(order);
    }
}
