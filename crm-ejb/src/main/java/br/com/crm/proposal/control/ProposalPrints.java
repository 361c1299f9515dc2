package br.com.crm.proposal.control;

import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.TaxId;
import br.com.crm.proposal.entity.Company;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.subject.entity.Subject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Locale;

/**
 * A proposal printed: its PDF, with the company's letterhead and the customer as they are now. Used by the page
 * and the API (through {@code Proposals}) and by the mail sender, which has no user to check.
 */
@ApplicationScoped
public class ProposalPrints {

    @PersistenceContext
    EntityManager em;

    @Inject
    ProposalPdf pdf;

    /** As the customer receives it: the mail sender's attachment. */
    public byte[] pdf(Proposal proposal, Locale locale) {
        return pdf(proposal, locale, true);
    }

    /** {@code personalData} false: the customer's CPF {@link TaxId#masked masked}, for who may not see it. */
    public byte[] pdf(Proposal proposal, Locale locale, boolean personalData) {
        return pdf.render(document(proposal, locale, personalData));
    }

    ProposalDocument document(Proposal proposal, Locale locale, boolean personalData) {
        Company company = em.find(Company.class, Company.ID);
        Subject subject = proposal.getSubject();
        Customer customer = subject.getCustomer();
        return new ProposalDocument(
                new ProposalDocument.Company(company.getName(), company.getTaxId(), company.getAddress(),
                        company.getPhone(), company.getEmail(), company.getLogo()),
                proposal.getDisplayNumber(), proposal.getIssuedOn(), proposal.getValidUntil(),
                new ProposalDocument.Party(customer.getName(),
                        personalData ? customer.getTaxId() : TaxId.masked(customer.getTaxId()), customer.getEmail(),
                        customer.getPhone()),
                subject.getTitle(), proposal.getItems(), proposal.getFreight(), proposal.getPaymentTerms(),
                proposal.getNotes(), subject.getResponsible().getDisplayName(), locale);
    }
}
