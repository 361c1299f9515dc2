package br.com.crm.proposal.control;

import br.com.crm.proposal.entity.ProposalItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a printed proposal shows, already read and resolved: who sends it, to whom, what is offered. Plain
 * values, so the PDF can be rendered (and tested) without a database, and from a stored revision as well as from
 * the current one. Any text may be null or empty except the number.
 *
 * @param number      the proposal's number as the customer quotes it, e.g. "2026-000123" or "2026-000123-2" for
 *                    revision 2
 * @param freight     null means no freight
 * @param responsible the seller's name
 * @param locale      the language the customer reads; null means Brazilian Portuguese
 */
public record ProposalDocument(Company company, String number, LocalDate issuedOn, LocalDate validUntil,
                               Party customer, String subjectTitle, List<ProposalItem> items, BigDecimal freight,
                               String paymentTerms, String notes, String responsible, Locale locale) {

    public ProposalDocument {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(customer, "customer");
        items = items == null ? List.of() : List.copyOf(items);
        locale = locale == null ? Locale.forLanguageTag("pt-BR") : locale;
    }

    /**
     * The company sending the proposal, as its letterhead reads.
     *
     * @param logo PNG or JPEG bytes, or null for none
     */
    public record Company(String name, String taxId, String address, String phone, String email, byte[] logo) {
    }

    /** The customer the proposal is addressed to. */
    public record Party(String name, String taxId, String email, String phone) {
    }
}
