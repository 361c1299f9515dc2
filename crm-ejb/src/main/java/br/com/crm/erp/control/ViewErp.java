package br.com.crm.erp.control;

import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The ERP over the documented SQL views (README, "ERP integration") in the data source named by
 * {@code crm.erp.datasource} (default: the module's own database, where demo mode creates them). Plain JDBC: the
 * views are the ERP's, not the module's entities. Each call is one query, counted in the application metric
 * {@code crm_erp_queries}; a missing data source or view becomes {@link ErpUnavailable}.
 */
@ApplicationScoped
public class ViewErp implements Erp {

    private static final int TIMEOUT_SECONDS = 5;

    /** A customer of the views matching a key: its code, or (when the CRM has no code for it) its CPF/CNPJ. */
    private static final String CUSTOMER_CODES = "(select c.code from erp_customer c where c.code = ? or c.tax_id = ?)";

    @Inject
    @ConfigProperty(name = "crm.erp.datasource", defaultValue = "java:app/jdbc/crm")
    String dataSourceName;

    @Inject
    MetricRegistry metrics;

    private volatile DataSource dataSource;

    @Override
    public List<Customer> findCustomers(String text, int limit) {
        String digits = text == null ? "" : text.replaceAll("\\D", "");
        String like = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        return query("select code, name, tax_id, email, phone, city, state from erp_customer "
                        + "where lower(name) like ? or tax_id = ? or code = ? order by name",
                limit, rs -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)),
                like, digits.isEmpty() ? "-" : digits, text == null ? "" : text.strip());
    }

    @Override
    public Page<SalesDocument> sales(CustomerKey customer, int offset, int limit) {
        return page("select kind, number, issued_on, amount, status, nfe_key, open from erp_sales_document "
                        + "where customer_code in " + CUSTOMER_CODES, "issued_on desc, number desc", "amount",
                offset, limit, rs -> new SalesDocument(rs.getString(1), rs.getString(2), date(rs, 3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)), customer);
    }

    @Override
    public Page<Receivable> receivables(CustomerKey customer, int offset, int limit) {
        return page("select document, issued_on, due_on, amount, balance from erp_receivable "
                        + "where balance > 0 and customer_code in " + CUSTOMER_CODES, "due_on, document", "balance",
                offset, limit, rs -> new Receivable(rs.getString(1), date(rs, 2), date(rs, 3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)), customer);
    }

    @Override
    public Page<ServiceDocument> service(CustomerKey customer, int offset, int limit) {
        return page("select kind, number, issued_on, amount, status, description from erp_service_document "
                        + "where customer_code in " + CUSTOMER_CODES, "issued_on desc, number desc", "amount",
                offset, limit, rs -> new ServiceDocument(rs.getString(1), rs.getString(2), date(rs, 3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6)), customer);
    }

    @Override
    public Map<CustomerKey, Facts> facts(Collection<CustomerKey> customers) {
        List<CustomerKey> keys = customers.stream().filter(k -> !k.isEmpty()).distinct().toList();
        Map<CustomerKey, Facts> facts = new HashMap<>();
        if (keys.isEmpty()) {
            return facts;
        }
        List<Object> parameters = new ArrayList<>();
        String codes = keys.stream().map(k -> {
            parameters.add(k.code() == null ? "" : k.code());
            return "?";
        }).collect(Collectors.joining(","));
        String taxIds = keys.stream().map(k -> {
            parameters.add(k.taxId() == null ? "" : k.taxId());
            return "?";
        }).collect(Collectors.joining(","));
        String sql = "select c.code, c.tax_id, "
                + "(select coalesce(sum(r.balance), 0) from erp_receivable r where r.customer_code = c.code "
                + "and r.balance > 0 and r.due_on < current_date), "
                + "(select count(*) from erp_sales_document d where d.customer_code = c.code and d.kind = 'ORDER' "
                + "and d.open = true) "
                + "from erp_customer c where c.code in (" + codes + ") or c.tax_id in (" + taxIds + ")";
        Map<String, Facts> byCode = new HashMap<>();
        Map<String, Facts> byTaxId = new HashMap<>();
        query(sql, Integer.MAX_VALUE, rs -> {
            Facts fact = new Facts(rs.getBigDecimal(3), rs.getLong(4));
            byCode.put(rs.getString(1), fact);
            if (rs.getString(2) != null) {
                byTaxId.put(rs.getString(2), fact);
            }
            return fact;
        }, parameters.toArray());
        for (CustomerKey key : keys) {
            Facts fact = key.code() != null && byCode.containsKey(key.code()) ? byCode.get(key.code())
                    : byTaxId.get(key.taxId());
            if (fact != null) {
                facts.put(key, fact);
            }
        }
        return facts;
    }

    @Override
    public List<Product> products(String text, int limit) {
        String like = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
        return query("select code, description, unit, price from erp_product where active = true "
                        + "and (lower(description) like ? or lower(code) like ?) order by description", limit,
                rs -> new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)), like, like);
    }

    @Override
    public void createSalesOrder(SalesOrder order) {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement exists = connection.prepareStatement(
                    "select count(*) from erp_sales_order_in where request_id = ?")) {
                exists.setString(1, order.requestId());
                try (ResultSet rs = exists.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        connection.rollback();
                        return;
                    }
                }
            }
            try (PreparedStatement header = connection.prepareStatement("insert into erp_sales_order_in (request_id, "
                    + "customer_code, customer_tax_id, customer_name, proposal_number, total, payment_terms, "
                    + "requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement line = connection.prepareStatement("insert into erp_sales_order_in_item "
                         + "(request_id, position, product_code, description, quantity, unit_price, "
                         + "discount_percent) values (?, ?, ?, ?, ?, ?, ?)")) {
                header.setString(1, order.requestId());
                header.setString(2, order.customer().code());
                header.setString(3, order.customer().taxId());
                header.setString(4, order.customerName());
                header.setString(5, order.proposalNumber());
                header.setBigDecimal(6, order.total());
                header.setString(7, order.paymentTerms());
                header.setString(8, order.requestedBy());
                header.setTimestamp(9, Timestamp.from(Instant.now()));
                header.executeUpdate();
                int position = 0;
                for (SalesOrder.Line item : order.lines()) {
                    line.setString(1, order.requestId());
                    line.setInt(2, ++position);
                    line.setString(3, item.productCode());
                    line.setString(4, item.description());
                    line.setBigDecimal(5, item.quantity());
                    line.setBigDecimal(6, item.unitPrice());
                    line.setBigDecimal(7, item.discountPercent());
                    line.addBatch();
                }
                line.executeBatch();
            }
            connection.commit();
            counted();
        } catch (SQLException e) {
            throw new ErpUnavailable("The ERP did not take the sales order: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Page<T> page(String select, String order, String amount, int offset, int limit, Row<T> row,
                             CustomerKey customer) {
        if (customer == null || customer.isEmpty()) {
            return new Page<>(List.of(), 0, BigDecimal.ZERO);
        }
        // One query: the page's rows, each with the count and sum over all the customer's rows.
        String from = select.substring(select.indexOf(" from "));
        String sql = "select * from (" + select + ") p cross join (select count(*) as crm_count, coalesce(sum("
                + amount + "), 0) as crm_total" + from + ") t order by " + order
                + " offset " + Math.max(0, offset) + " rows fetch next " + Math.max(1, Math.min(limit, 200))
                + " rows only";
        long[] count = {0};
        BigDecimal[] total = {BigDecimal.ZERO};
        String code = customer.code() == null ? "" : customer.code();
        String taxId = customer.taxId() == null ? "" : customer.taxId();
        List<T> rows = query(sql, Integer.MAX_VALUE, rs -> {
            count[0] = rs.getLong("crm_count");
            total[0] = rs.getBigDecimal("crm_total");
            return row.read(rs);
        }, code, taxId, code, taxId);
        return new Page<>(rows, count[0], total[0]);
    }

    private <T> List<T> query(String sql, int limit, Row<T> row, Object... parameters) {
        try (Connection connection = connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            counted();
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next() && rows.size() < limit) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ErpUnavailable(e.getMessage(), e);
        }
    }

    /** Counting never fails a query (the health check asks from a thread of the server, not of the module). */
    private void counted() {
        try {
            Counter counter = metrics.counter("crm_erp_queries");
            counter.inc();
        } catch (RuntimeException e) {
            // not counted
        }
    }

    /**
     * Looks the data source up while the module starts, on a thread of the module: the health check later runs on
     * a thread of the server, where the module's {@code java:app} names are not visible.
     */
    void lookUpEarly(@Observes @Initialized(
            ApplicationScoped.class) Object started) {
        try {
            connection().close();
        } catch (SQLException | ErpUnavailable e) {
            // Asked again at the next call: the ERP may come up later.
        }
    }

    private Connection connection() throws SQLException {
        DataSource source = dataSource;
        if (source == null) {
            try {
                source = (DataSource) new InitialContext().lookup(dataSourceName);
            } catch (NamingException | ClassCastException e) {
                throw new ErpUnavailable("No data source " + dataSourceName + " for the ERP", e);
            }
            dataSource = source;
        }
        return source.getConnection();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
