package br.com.crm.proposal.boundary;

import br.com.crm.customer.entity.TaxId;
import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.control.ErpCalls;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.Changes;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.proposal.control.ProposalLifecycle;
import br.com.crm.proposal.control.ProposalPrints;
import br.com.crm.proposal.entity.Company;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.proposal.entity.ProposalItem;
import br.com.crm.proposal.entity.ProposalStatus;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import br.com.crm.stage.entity.ProposalRule;
import br.com.crm.subject.entity.Subject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Proposals of a subject: drafts written and changed, revisions of what was sent, the customer's answer, the PDF.
 * Numbers come from one counter row, locked by the transaction that takes one: in sequence, never reused.
 * Sending goes through {@code Mails}, which marks the proposal sent in the same transaction as it queues the e-mail.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER})
public class Proposals {

    /** One line as a form or the API sends it. */
    public record Item(String productCode, String description, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal discountPercent) implements Serializable {

        public ProposalItem toProposalItem() {
            return new ProposalItem(productCode == null || productCode.isBlank() ? null : productCode.strip(),
                    description, quantity, unitPrice, discountPercent == null ? BigDecimal.ZERO : discountPercent);
        }

        public static Item of(ProposalItem item) {
            return new Item(item.getProductCode(), item.getDescription(), item.getQuantity(), item.getUnitPrice(),
                    item.getDiscountPercent());
        }
    }

    /** What a draft says. */
    public record Form(LocalDate issuedOn, LocalDate validUntil, BigDecimal freight, String paymentTerms,
                       String notes, List<Item> items) implements Serializable {

        Proposal.Terms terms() {
            return new Proposal.Terms(issuedOn, validUntil, freight, paymentTerms, notes);
        }

        List<ProposalItem> proposalItems() {
            return items == null ? List.of() : items.stream().map(Item::toProposalItem).toList();
        }
    }

    /** The letterhead's text (the logo is changed apart). */
    public record CompanyForm(String name, String taxId, String address, String phone, String email)
            implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    ProposalLifecycle lifecycle;

    @Inject
    Changes changes;

    @Inject
    ProposalPrints prints;

    @Inject
    ErpCalls erp;

    Clock clock = Clock.systemUTC();

    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public List<Proposal> ofSubject(long subjectId) {
        return em.createNamedQuery(Proposal.OF_SUBJECT, Proposal.class).setParameter("subject", subjectId)
                .getResultList();
    }

    /** The proposal with its items. */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public Proposal find(long id) {
        return lifecycle.find(id);
    }

    /** A new draft under the next number. */
    public Proposal create(long subjectId, @NotNull Form form) {
        Subject subject = em.find(Subject.class, subjectId);
        if (subject == null) {
            throw BusinessException.notFound("subject", subjectId);
        }
        List<ProposalItem> items = form.proposalItems();
        Proposal proposal = new Proposal(subject, lifecycle.nextNumber(), form.terms(), items, now(), caller.name());
        em.persist(proposal);
        return saved(proposal);
    }

    /** Changes a draft. */
    public Proposal edit(long id, long version, @NotNull Form form) {
        Proposal proposal = current(id, version);
        proposal.edit(form.terms(), form.proposalItems(), now(), caller.name());
        return saved(proposal);
    }

    /** A new revision of a proposal that left the draft state; the one sent stays as it was. */
    public Proposal revise(long id, long version) {
        Proposal proposal = current(id, version);
        Proposal next = proposal.revise(today(), now(), caller.name());
        em.persist(next);
        saved(proposal);
        return saved(next);
    }

    /**
     * The customer accepted or rejected the proposal. Accepted, its subject moves to the stage the funnel's rule
     * names (closing it as won when that is the closing stage).
     */
    public Proposal decide(long id, long version, boolean accepted) {
        Proposal proposal = current(id, version);
        proposal.decide(accepted, now(), caller.name());
        saved(proposal, Change.Kind.PROPOSAL_ANSWERED);
        if (accepted) {
            lifecycle.follow(proposal.getSubject(), ProposalRule.ACCEPTED);
        }
        return proposal;
    }

    /**
     * Hands an accepted proposal to the ERP as a sales order ("Gerar pedido de venda"). The ERP's write is its own
     * (outside this transaction) and keyed by the proposal, so a repeat after a failure here makes no second order.
     */
    public Proposal requestSalesOrder(long id, long version) {
        Proposal proposal = current(id, version);
        String requestId = proposal.salesOrderRequestId();
        Subject subject = proposal.getSubject();
        erp.createSalesOrder(new Erp.SalesOrder(requestId, subject.getCustomer().erpKey(),
                subject.getCustomer().getName(), proposal.getDisplayNumber(), proposal.getTotal(),
                proposal.getPaymentTerms(), caller.name(), proposal.getItems().stream()
                .map(i -> new Erp.SalesOrder.Line(i.getProductCode(), i.getDescription(), i.getQuantity(),
                        i.getUnitPrice(), i.getDiscountPercent())).toList()));
        proposal.salesOrderRequested(requestId, now(), caller.name());
        return saved(proposal);
    }

    /** Removes a draft; a proposal the customer may have seen is kept. */
    public void delete(long id, long version) {
        Proposal proposal = current(id, version);
        if (proposal.getStatus() != ProposalStatus.DRAFT) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "proposal.delete.notDraft", null);
        }
        em.remove(proposal);
        flush();
        lifecycle.changed(Change.Kind.PROPOSAL_SAVED, proposal);
    }

    /** Marks the proposal sent, in the transaction of the e-mail that carries it. */
    public Proposal markSent(long id) {
        return lifecycle.markSent(id);
    }

    /** The printable proposal; a viewer's copy has the customer's CPF masked. */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public byte[] pdf(long id, Locale locale) {
        return prints.pdf(find(id), locale, caller.seesPersonalData());
    }

    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public Company company() {
        return lifecycle.company();
    }

    @RolesAllowed(Roles.ADMIN)
    public Company editCompany(long version, @NotNull CompanyForm form) {
        Company company = company();
        if (company.getVersion() != version) {
            throw BusinessException.stale("company");
        }
        String taxId = form.taxId() == null || form.taxId().isBlank() ? null : TaxId.digits(form.taxId());
        if (taxId != null && !TaxId.isValidCnpj(taxId) && !TaxId.isValidCpf(taxId)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "customer.taxId.invalid", "taxId");
        }
        company.edit(form.name(), taxId, form.address(), form.phone(), form.email());
        flush();
        companyChanged(company);
        return company;
    }

    /** A new logo (PNG or JPEG), or none when {@code logo} is {@code null}. */
    @RolesAllowed(Roles.ADMIN)
    public Company changeLogo(long version, byte[] logo) {
        Company company = company();
        if (company.getVersion() != version) {
            throw BusinessException.stale("company");
        }
        company.changeLogo(logo);
        flush();
        companyChanged(company);
        return company;
    }

    private void companyChanged(Company company) {
        changes.audit(AuditEvent.of(AuditEvent.Action.SETTINGS, AuditEvent.Entity.COMPANY, null, null,
                company.getName(), caller.name()));
    }

    private Proposal current(long id, long version) {
        Proposal proposal = em.find(Proposal.class, id);
        if (proposal == null) {
            throw BusinessException.notFound("proposal", id);
        }
        proposal.checkVersion(version);
        return proposal;
    }

    private Proposal saved(Proposal proposal) {
        return saved(proposal, Change.Kind.PROPOSAL_SAVED);
    }

    private Proposal saved(Proposal proposal, Change.Kind kind) {
        flush();
        lifecycle.changed(kind, proposal);
        return proposal;
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw BusinessException.stale("proposal");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return BusinessCalendar.today(clock);
    }
}
