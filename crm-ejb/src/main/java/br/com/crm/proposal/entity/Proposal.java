package br.com.crm.proposal.entity;

import br.com.crm.kernel.BusinessException;
import br.com.crm.subject.entity.Subject;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A priced offer to the subject's customer. Its number is the company's, handed out in sequence and never reused;
 * revising a proposal that left the draft state makes a new revision under the same number and keeps the old one,
 * superseded and unchanged, as the customer received it.
 */
@Entity
@Table(name = "crm_proposal")
@NamedQuery(name = Proposal.OF_SUBJECT, query = "select p from Proposal p where p.subjectId = :subject "
        + "order by p.number desc, p.revision desc")
@NamedQuery(name = Proposal.SENT_FROM, query = "select distinct p.subjectId from Proposal p "
        + "where p.subjectId in :ids and p.status in :sent")
public class Proposal implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_SUBJECT = "Proposal.ofSubject";
    /** Of the subjects {@code ids}, those with a proposal in one of the statuses {@code sent}. */
    public static final String SENT_FROM = "Proposal.sentFrom";
    public static final int PAYMENT_TERMS_LENGTH = 500;
    public static final int NOTES_LENGTH = 2000;
    public static final int MAX_ITEMS = 200;

    @Id
    @SequenceGenerator(name = "crm_proposal_seq", sequenceName = "crm_proposal_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_proposal_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subject_id", nullable = false, updatable = false)
    private Subject subject;

    @Column(name = "subject_id", insertable = false, updatable = false)
    private Long subjectId;

    @Column(nullable = false, updatable = false)
    private long number;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Column(nullable = false)
    private boolean superseded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ProposalStatus status;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal freight;

    /** Kept with the proposal so that lists and the timeline show it without reading the items. */
    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal total;

    @Column(name = "payment_terms", length = PAYMENT_TERMS_LENGTH)
    private String paymentTerms;

    @Column(length = NOTES_LENGTH)
    private String notes;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "crm_proposal_item", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "position")
    private List<ProposalItem> items = new ArrayList<>();

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "order_request_id", length = 60)
    private String orderRequestId;

    @Column(name = "order_requested_at")
    private OffsetDateTime orderRequestedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 60, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 60)
    private String updatedBy;

    @Version
    private long version;

    protected Proposal() {
        // for JPA
    }

    /** A new draft: the first revision of a new number. */
    public Proposal(Subject subject, long number, Terms terms, List<ProposalItem> items, OffsetDateTime at,
                    String by) {
        this(subject, number, 1, at, by);
        edit(terms, items, at, by);
    }

    private Proposal(Subject subject, long number, int revision, OffsetDateTime at, String by) {
        this.subject = subject;
        this.subjectId = subject.getId();
        this.number = number;
        this.revision = revision;
        this.status = ProposalStatus.DRAFT;
        this.createdAt = at;
        this.createdBy = by;
    }

    /** Dates, freight, terms, notes: what a draft says besides its items. */
    public record Terms(LocalDate issuedOn, LocalDate validUntil, BigDecimal freight, String paymentTerms,
                        String notes) implements Serializable {
    }

    /** Changes a draft; what was sent stays as sent (revise it instead). */
    public void edit(Terms terms, List<ProposalItem> items, OffsetDateTime at, String by) {
        requireDraft();
        if (terms.issuedOn() == null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "proposal.issuedOn.required", "issuedOn");
        }
        if (terms.validUntil() == null || terms.validUntil().isBefore(terms.issuedOn())) {
            throw new BusinessException(BusinessException.Kind.INVALID, "proposal.validUntil.invalid", "validUntil");
        }
        if (items == null || items.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "proposal.items.none", "items");
        }
        if (items.size() > MAX_ITEMS) {
            throw new BusinessException(BusinessException.Kind.INVALID, "proposal.items.tooMany", "items",
                    MAX_ITEMS);
        }
        this.issuedOn = terms.issuedOn();
        this.validUntil = terms.validUntil();
        this.paymentTerms = text(terms.paymentTerms(), PAYMENT_TERMS_LENGTH, "paymentTerms");
        this.notes = text(terms.notes(), NOTES_LENGTH, "notes");
        ProposalTotals totals = ProposalTotals.of(items, terms.freight());
        this.freight = totals.freight();
        this.total = totals.total();
        this.items.clear();
        this.items.addAll(items);
        touch(at, by);
    }

    /**
     * The next revision, a draft with the same items and terms, issued today and valid as long as this one was;
     * this one is kept as it is, superseded.
     */
    public Proposal revise(LocalDate today, OffsetDateTime at, String by) {
        if (status == ProposalStatus.DRAFT) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "proposal.revise.draft", null);
        }
        if (superseded) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "proposal.superseded", null);
        }
        superseded = true;
        touch(at, by);
        Proposal next = new Proposal(subject, number, revision + 1, at, by);
        long validity = ChronoUnit.DAYS.between(issuedOn, validUntil);
        next.edit(new Terms(today, today.plusDays(validity), freight, paymentTerms, notes), items, at, by);
        return next;
    }

    /** Sent to the customer (again, for a proposal sent before). */
    public void markSent(OffsetDateTime at, String by) {
        if (status != ProposalStatus.DRAFT && status != ProposalStatus.SENT) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "proposal.send.decided", null);
        }
        requireCurrent();
        status = ProposalStatus.SENT;
        if (sentAt == null) {
            sentAt = at;
        }
        touch(at, by);
    }

    /** The customer's answer to a sent proposal. */
    public void decide(boolean accepted, OffsetDateTime at, String by) {
        if (status != ProposalStatus.SENT) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "proposal.decide.notSent", null);
        }
        requireCurrent();
        status = accepted ? ProposalStatus.ACCEPTED : ProposalStatus.REJECTED;
        decidedAt = at;
        touch(at, by);
    }

    /**
     * The request id of the sales order an accepted proposal becomes in the ERP: the same on every try, so the ERP
     * takes one order however often the hand-over is repeated.
     */
    public String salesOrderRequestId() {
        if (status != ProposalStatus.ACCEPTED) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "proposal.order.notAccepted", null);
        }
        requireCurrent();
        if (orderRequestedAt != null) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "proposal.order.already", null);
        }
        return "crm-proposal-" + id;
    }

    /** The ERP took the sales order. */
    public void salesOrderRequested(String requestId, OffsetDateTime at, String by) {
        this.orderRequestId = requestId;
        this.orderRequestedAt = at;
        touch(at, by);
    }

    public OffsetDateTime getOrderRequestedAt() {
        return orderRequestedAt;
    }

    /** The number as the customer quotes it: zero-padded, with the revision after a dash from the second on. */
    public String getDisplayNumber() {
        return displayNumber(number, revision);
    }

    public static String displayNumber(long number, int revision) {
        return String.format("%06d", number) + (revision > 1 ? "-" + revision : "");
    }

    public ProposalTotals totals() {
        return ProposalTotals.of(items, freight);
    }

    public void checkVersion(long expected) {
        if (expected != version) {
            throw BusinessException.stale("proposal");
        }
    }

    private void requireDraft() {
        if (status != ProposalStatus.DRAFT) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "proposal.notDraft", null);
        }
    }

    private void requireCurrent() {
        if (superseded) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "proposal.superseded", null);
        }
    }

    private static String text(String value, int length, String field) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text != null && text.length() > length) {
            throw new BusinessException(BusinessException.Kind.INVALID, "field.tooLong", field, length);
        }
        return text;
    }

    private void touch(OffsetDateTime at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public Long getId() {
        return id;
    }

    public Subject getSubject() {
        return subject;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public long getNumber() {
        return number;
    }

    public int getRevision() {
        return revision;
    }

    public boolean isSuperseded() {
        return superseded;
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public BigDecimal getFreight() {
        return freight;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getPaymentTerms() {
        return paymentTerms;
    }

    public String getNotes() {
        return notes;
    }

    public List<ProposalItem> getItems() {
        return List.copyOf(items);
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public OffsetDateTime getDecidedAt() {
        return decidedAt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }

    /** The name its PDF is saved under. */
    public String fileName() {
        return "proposta-" + getDisplayNumber() + ".pdf";
    }
}
