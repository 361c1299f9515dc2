package br.com.crm.web.erp;

import br.com.crm.customer.boundary.CustomerDocuments;
import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpDocuments;
import br.com.crm.erp.boundary.ErpUnavailable;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.web.subject.SubjectBacking;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The subject page's ERP side: the customer's badge (overdue receivables, open orders) and the Vendas, Financeiro
 * and Serviço tabs, each a lazy table read from the ERP only when its tab is opened.
 */
@Named("erpTabs")
@ViewScoped
public class ErpTabsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The page's subject, as the page read it. */
    @Inject
    SubjectBacking subjectPage;

    @Inject
    ErpDocuments erp;

    @Inject
    CustomerDocuments documents;

    private long customerId;
    private Erp.Facts facts;
    private String unavailable;
    private ErpTable<Erp.SalesDocument> sales;
    private ErpTable<Erp.Receivable> receivables;
    private ErpTable<Erp.ServiceDocument> service;
    private ErpDocuments.DocumentLinks links;

    @PostConstruct
    void init() {
        customerId = subjectPage.getSubject().getCustomer().getId();
        try {
            facts = documents.facts(customerId);
        } catch (ErpUnavailable e) {
            unavailable = e.getMessage();
        }
        CustomerDocuments erpDocuments = documents;
        long customer = customerId;
        sales = new ErpTable<>((offset, limit) -> erpDocuments.sales(customer, offset, limit));
        receivables = new ErpTable<>((offset, limit) -> erpDocuments.receivables(customer, offset, limit));
        service = new ErpTable<>((offset, limit) -> erpDocuments.service(customer, offset, limit));
    }

    /** The document's page in the ERP, when configured. */
    public String link(String kind, String number) {
        if (links == null) {
            links = erp.documentLinks();
        }
        return links.link(kind, number);
    }

    public boolean isOverdue(Erp.Receivable receivable) {
        return receivable.dueOn() != null && receivable.dueOn().isBefore(LocalDate.now(BusinessCalendar.ZONE));
    }

    public long daysOverdue(Erp.Receivable receivable) {
        return receivable.daysOverdue(LocalDate.now(BusinessCalendar.ZONE));
    }

    public Erp.Facts getFacts() {
        return facts == null || facts.isEmpty() ? null : facts;
    }

    public String getUnavailable() {
        return unavailable;
    }

    public ErpTable<Erp.SalesDocument> getSales() {
        return sales;
    }

    public ErpTable<Erp.Receivable> getReceivables() {
        return receivables;
    }

    public ErpTable<Erp.ServiceDocument> getService() {
        return service;
    }
}
