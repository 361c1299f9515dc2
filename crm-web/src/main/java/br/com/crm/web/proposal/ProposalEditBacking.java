package br.com.crm.web.proposal;

import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpDocuments;
import br.com.crm.erp.boundary.ErpUnavailable;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.proposal.boundary.Proposals;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.proposal.entity.ProposalItem;
import br.com.crm.proposal.entity.ProposalTotals;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The proposal editor: a new draft for a subject ({@code ?subject=}) or a draft to change ({@code ?id=}); items
 * added and removed in place, totals recomputed by the same rules that save them.
 */
@Named
@ViewScoped
public class ProposalEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One editable line. */
    public static class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private String productCode;
        private String description;
        private BigDecimal quantity = BigDecimal.ONE;
        private BigDecimal unitPrice;
        private BigDecimal discountPercent = BigDecimal.ZERO;

        Proposals.Item item() {
            return new Proposals.Item(productCode, description, quantity, unitPrice, discountPercent);
        }

        /** The line's total, or {@code null} while the line is incomplete or wrong. */
        public BigDecimal getTotal() {
            try {
                return item().toProposalItem().total();
            } catch (BusinessException | NullPointerException e) {
                return null;
            }
        }

        public String getProductCode() {
            return productCode;
        }

        public void setProductCode(String productCode) {
            this.productCode = productCode;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }

        public BigDecimal getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
        }

        public BigDecimal getDiscountPercent() {
            return discountPercent;
        }

        public void setDiscountPercent(BigDecimal discountPercent) {
            this.discountPercent = discountPercent;
        }
    }

    @Inject
    @Param(name = "id")
    Long id;

    @Inject
    @Param(name = "subject")
    Long subject;

    @Inject
    Proposals proposals;

    @Inject
    Feedback feedback;

    private long version;
    private String displayNumber;
    private LocalDate issuedOn;
    private LocalDate validUntil;
    private BigDecimal freight = BigDecimal.ZERO;
    private String paymentTerms;
    private String notes;
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, Erp.Product> offered = new HashMap<>();

    @Inject
    ErpDocuments erpDocuments;

    @PostConstruct
    void init() {
        if (id != null) {
            Proposal proposal = proposals.find(id);
            subject = proposal.getSubjectId();
            version = proposal.getVersion();
            displayNumber = proposal.getDisplayNumber();
            issuedOn = proposal.getIssuedOn();
            validUntil = proposal.getValidUntil();
            freight = proposal.getFreight();
            paymentTerms = proposal.getPaymentTerms();
            notes = proposal.getNotes();
            for (ProposalItem item : proposal.getItems()) {
                Line line = new Line();
                line.productCode = item.getProductCode();
                line.description = item.getDescription();
                line.quantity = item.getQuantity();
                line.unitPrice = item.getUnitPrice();
                line.discountPercent = item.getDiscountPercent();
                lines.add(line);
            }
        } else {
            issuedOn = LocalDate.now(BusinessCalendar.ZONE);
            validUntil = issuedOn.plusDays(30);
            addLine();
        }
    }

    /** Products of the ERP's catalogue like what was typed (none when the ERP does not answer: free text then). */
    public List<Erp.Product> completeProduct(String query) {
        try {
            List<Erp.Product> products = erpDocuments.products(query);
            products.forEach(product -> offered.put(product.code(), product));
            return products;
        } catch (ErpUnavailable e) {
            return List.of();
        }
    }

    /** A product picked for the line: its description and price from the catalogue, still editable. */
    public void pickProduct(Line line) {
        Erp.Product product = offered.get(line.productCode);
        if (product != null) {
            line.description = product.description();
            line.unitPrice = product.price();
        }
    }

    public void addLine() {
        lines.add(new Line());
    }

    public void removeLine(Line line) {
        lines.remove(line);
    }

    /** Saves the draft and goes back to the subject page. */
    public String save() {
        Proposals.Form form = new Proposals.Form(issuedOn, validUntil, freight, paymentTerms, notes,
                lines.stream().map(Line::item).toList());
        Proposal saved = feedback.attempt(() -> id == null ? proposals.create(subject, form)
                : proposals.edit(id, version, form));
        if (saved == null) {
            return null;
        }
        feedback.infoAfterRedirect("proposal.saved", saved.getDisplayNumber());
        return "/subject/view.xhtml?faces-redirect=true&id=" + subject;
    }

    /** The totals of the complete lines, by the rules that save them. */
    public ProposalTotals getTotals() {
        List<ProposalItem> items = new ArrayList<>();
        for (Line line : lines) {
            try {
                items.add(line.item().toProposalItem());
            } catch (BusinessException | NullPointerException e) {
                // An incomplete line counts once it is complete.
            }
        }
        try {
            return ProposalTotals.of(items, freight);
        } catch (BusinessException e) {
            return ProposalTotals.of(items, BigDecimal.ZERO);
        }
    }

    public Long getId() {
        return id;
    }

    public Long getSubject() {
        return subject;
    }

    public String getDisplayNumber() {
        return displayNumber;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    public BigDecimal getFreight() {
        return freight;
    }

    public void setFreight(BigDecimal freight) {
        this.freight = freight;
    }

    public String getPaymentTerms() {
        return paymentTerms;
    }

    public void setPaymentTerms(String paymentTerms) {
        this.paymentTerms = paymentTerms;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public List<Line> getLines() {
        return lines;
    }
}
