package br.com.crm.web.erp;

import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpUnavailable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One ERP tab's lazy table: a page of documents from one ERP query that also counts and sums them all; the count
 * PrimeFaces asks first is that page's, kept for the load that follows. When the ERP does not answer, the table is
 * empty and {@link #getUnavailable()} says why.
 */
public class ErpTable<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** The ERP call behind the table. */
    @FunctionalInterface
    public interface Source<T> extends Serializable {
        Erp.Page<T> page(int offset, int limit);
    }

    /** The tables' page size (the pages say {@code rows="10"}). */
    public static final int ROWS = 10;

    private final Source<T> source;
    private transient Erp.Page<T> kept;
    private int keptOffset = -1;
    private int keptLimit = -1;
    private String unavailable;

    public ErpTable(Source<T> source) {
        this.source = source;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) fetch(0, ROWS).count();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Erp.Page<T> page = fetch(first, pageSize);
        setRowCount((int) page.count());
        return page.rows();
    }

    private Erp.Page<T> fetch(int offset, int limit) {
        if (kept != null && keptOffset == offset && keptLimit == limit) {
            return kept;
        }
        try {
            kept = source.page(offset, limit);
            unavailable = null;
        } catch (ErpUnavailable e) {
            kept = new Erp.Page<>(List.of(), 0, BigDecimal.ZERO);
            unavailable = e.getMessage();
        }
        keptOffset = offset;
        keptLimit = limit;
        return kept;
    }

    /** The open total of all rows (receivables: the open balance). */
    public BigDecimal getTotal() {
        return kept == null ? BigDecimal.ZERO : kept.total();
    }

    /** Why the ERP did not answer ({@code null} when it did). */
    public String getUnavailable() {
        return unavailable;
    }
}
