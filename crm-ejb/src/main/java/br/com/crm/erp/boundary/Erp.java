package br.com.crm.erp.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The ERP as the module sees it: the service provider interface an administrator's ERP is connected through. The
 * implementation in this module reads the documented SQL views ({@code ViewErp}); another ERP integration would
 * implement this interface. Every method throws {@link ErpUnavailable} when the ERP cannot answer.
 */
public interface Erp {

    /** How a CRM customer is found in the ERP: its ERP code when linked, else its CPF/CNPJ. */
    record CustomerKey(String code, String taxId) implements Serializable {
        public boolean isEmpty() {
            return (code == null || code.isBlank()) && (taxId == null || taxId.isBlank());
        }
    }

    record Customer(String code, String name, String taxId, String email, String phone, String city, String state)
            implements Serializable {
    }

    /** An order, invoice (NF-e, with its access key) or proposal made in the ERP. */
    record SalesDocument(String kind, String number, LocalDate issuedOn, BigDecimal amount, String status,
                         String nfeKey, boolean open) implements Serializable {
    }

    record Receivable(String document, LocalDate issuedOn, LocalDate dueOn, BigDecimal amount, BigDecimal balance)
            implements Serializable {
        public long daysOverdue(LocalDate today) {
            return Math.max(0, ChronoUnit.DAYS.between(dueOn, today));
        }
    }

    /** A service invoice (NFS-e) or service order. */
    record ServiceDocument(String kind, String number, LocalDate issuedOn, BigDecimal amount, String status,
                           String description) implements Serializable {
    }

    record Product(String code, String description, String unit, BigDecimal price) implements Serializable {
    }

    /** What a card shows of the ERP: overdue receivables and open orders of the customer. */
    record Facts(BigDecimal overdue, long openOrders) implements Serializable {
        public static final Facts NONE = new Facts(BigDecimal.ZERO, 0);

        public boolean isEmpty() {
            return overdue.signum() == 0 && openOrders == 0;
        }
    }

    /** One page of rows and how many there are in all; {@code total} sums the amounts (open balance for receivables). */
    record Page<T>(List<T> rows, long count, BigDecimal total) implements Serializable {
    }

    /** A sales order handed to the ERP. */
    record SalesOrder(String requestId, CustomerKey customer, String customerName, String proposalNumber,
                      BigDecimal total, String paymentTerms, String requestedBy, List<Line> lines)
            implements Serializable {
        public record Line(String productCode, String description, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal discountPercent) implements Serializable {
        }
    }

    List<Customer> findCustomers(String text, int limit);

    Page<SalesDocument> sales(CustomerKey customer, int offset, int limit);

    /** Open receivables, the oldest due first; {@code total} is the open balance. */
    Page<Receivable> receivables(CustomerKey customer, int offset, int limit);

    Page<ServiceDocument> service(CustomerKey customer, int offset, int limit);

    /** The facts of many customers in one query (a page of cards). */
    Map<CustomerKey, Facts> facts(Collection<CustomerKey> customers);

    List<Product> products(String text, int limit);

    /** Hands the order to the ERP; the same request id twice is one order. */
    void createSalesOrder(SalesOrder order);
}
