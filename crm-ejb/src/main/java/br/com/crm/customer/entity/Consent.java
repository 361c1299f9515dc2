package br.com.crm.customer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One entry of a customer's history of legal bases and consents: what basis holds from then on, whether consent
 * was given or withdrawn, when and how the person did so, and who recorded it. Never changed: the history is the
 * proof (LGPD, art. 8, §2: the controller proves the consent).
 */
@Entity
@Table(name = "crm_consent")
@NamedQuery(name = Consent.OF_CUSTOMER, query = "select c from Consent c where c.customerId = :customer "
        + "order by c.recordedAt desc, c.id desc")
public class Consent implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_CUSTOMER = "Consent.ofCustomer";
    public static final int HOW_LENGTH = 500;

    /** Consent given or withdrawn; {@code null} on an entry that only sets another basis. */
    public enum Action {
        GIVEN, WITHDRAWN
    }

    @Id
    @SequenceGenerator(name = "crm_consent_seq", sequenceName = "crm_consent_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_consent_seq")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, updatable = false)
    private LegalBasis basis;

    @Enumerated(EnumType.STRING)
    @Column(length = 10, updatable = false)
    private Action consent;

    @Column(length = HOW_LENGTH)
    private String how;

    @Column(name = "given_at", nullable = false, updatable = false)
    private OffsetDateTime givenAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 60, updatable = false)
    private String recordedBy;

    protected Consent() {
        // for JPA
    }

    Consent(Customer customer, LegalBasis basis, Action consent, String how, OffsetDateTime givenAt,
            OffsetDateTime recordedAt, String recordedBy) {
        this.customerId = customer.getId();
        this.basis = basis;
        this.consent = consent;
        this.how = how;
        this.givenAt = givenAt;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    /** The anonymised person's own words about how they consented may name them: replaced. */
    public void redact(String placeholder) {
        if (how != null) {
            how = placeholder;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public LegalBasis getBasis() {
        return basis;
    }

    public Action getConsent() {
        return consent;
    }

    public String getHow() {
        return how;
    }

    public OffsetDateTime getGivenAt() {
        return givenAt;
    }

    public OffsetDateTime getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
