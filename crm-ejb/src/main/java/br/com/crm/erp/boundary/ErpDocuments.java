package br.com.crm.erp.boundary;

import br.com.crm.business.BusinessException;
import br.com.crm.customer.entity.Customer;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CRM customer's documents in the ERP (Vendas, Financeiro and Serviço tabs, the REST API), ERP customers to
 * link, the product catalogue, and links to documents in the ERP. Outside the caller's transaction: the ERP's data
 * source is another resource (one transaction may hold only one that is not XA), and the ERP may be down
 * ({@link ErpUnavailable}) without failing what the caller does in the module's database.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ErpDocuments {

    @PersistenceContext
    EntityManager em;

    @Inject
    Erp erp;

    @Inject
    br.com.crm.erp.control.ErpFactsCache factsCache;

    /** A URL pattern with {@code {kind}} and {@code {number}}, e.g. {@code https://erp.example/doc/{kind}/{number}}. */
    @Inject
    @ConfigProperty(name = "crm.erp.document-url")
    Optional<String> documentUrl;

    public static Erp.CustomerKey keyOf(Customer customer) {
        return new Erp.CustomerKey(customer.getErpCode(), customer.getTaxId());
    }

    public Erp.Page<Erp.SalesDocument> sales(long customerId, int offset, int limit) {
        return erp.sales(keyOf(customer(customerId)), offset, limit);
    }

    public Erp.Page<Erp.Receivable> receivables(long customerId, int offset, int limit) {
        return erp.receivables(keyOf(customer(customerId)), offset, limit);
    }

    public Erp.Page<Erp.ServiceDocument> service(long customerId, int offset, int limit) {
        return erp.service(keyOf(customer(customerId)), offset, limit);
    }

    public Erp.Facts facts(long customerId) {
        Erp.CustomerKey key = keyOf(customer(customerId));
        return facts(List.of(key)).getOrDefault(key, Erp.Facts.NONE);
    }

    /** The facts of a page of customers: the ones not kept from the last minute, in one ERP query. */
    public Map<Erp.CustomerKey, Erp.Facts> facts(Collection<Erp.CustomerKey> customers) {
        return factsCache.facts(customers, erp::facts);
    }

    public List<Erp.Customer> findCustomers(String text) {
        if (text == null || text.strip().length() < 2) {
            return List.of();
        }
        return erp.findCustomers(text, 20);
    }

    public List<Erp.Product> products(String text) {
        return erp.products(text, 20);
    }

    /** Hands a sales order to the ERP (outside the caller's transaction: the ERP commits its own write). */
    @RolesAllowed({Roles.ADMIN, Roles.USER})
    public void createSalesOrder(Erp.SalesOrder order) {
        erp.createSalesOrder(order);
    }

    /** The document's page in the ERP, when the administrator configured a URL pattern; else {@code null}. */
    public String link(String kind, String number) {
        return documentUrl.filter(p -> !p.isBlank())
                .map(p -> p.replace("{kind}", encode(kind)).replace("{number}", encode(number))).orElse(null);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private Customer customer(long id) {
        Customer customer = em.find(Customer.class, id);
        if (customer == null) {
            throw BusinessException.notFound("customer", id);
        }
        return customer;
    }
}
