package br.com.crm.customer.entity;

/**
 * Why the module may hold a person's data (LGPD, art. 7). {@link #NONE}: there is none any more (consent withdrawn,
 * or the person objected); a customer with no basis recorded at all has {@code null}.
 */
public enum LegalBasis {
    /** Art. 7, V: a contract with the person, or the steps before one that they asked for. */
    CONTRACT,
    /** Art. 7, IX: the company's legitimate interest. */
    LEGITIMATE_INTEREST,
    /** Art. 7, I: the person's consent, given as the history records. */
    CONSENT,
    /** Art. 7, X: protection of credit. */
    CREDIT_PROTECTION,
    /** Art. 7, II: a legal or regulatory obligation. */
    LEGAL_OBLIGATION,
    /** No basis: the person withdrew consent or objected. */
    NONE
}
