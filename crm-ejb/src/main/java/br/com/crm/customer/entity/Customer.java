package br.com.crm.customer.entity;

import br.com.crm.erp.boundary.Erp;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The person or company a subject is about. */
@Entity
@Table(name = "crm_customer")
@NamedQuery(name = Customer.SEARCH, query = "select c from Customer c where c.searchName like :prefix "
        + "or c.taxId like :digits order by c.searchName, c.id")
@NamedQuery(name = Customer.BY_TAX_ID, query = "select c from Customer c where c.taxId = :taxId")
public class Customer implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String SEARCH = "Customer.search";
    public static final String BY_TAX_ID = "Customer.byTaxId";
    public static final int NAME_LENGTH = 150;
    public static final int EMAIL_LENGTH = 254;
    public static final int PHONE_LENGTH = 30;

    @Id
    @SequenceGenerator(name = "crm_customer_seq", sequenceName = "crm_customer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_customer_seq")
    private Long id;

    @NotBlank
    @Size(max = NAME_LENGTH)
    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    /** Lower case without accents, so "joao" finds "João". */
    @Column(name = "search_name", nullable = false, length = NAME_LENGTH)
    private String searchName;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private CustomerKind kind;

    @Column(name = "tax_id", length = 14, unique = true)
    private String taxId;

    @Email
    @Size(max = EMAIL_LENGTH)
    @Column(length = EMAIL_LENGTH)
    private String email;

    @Size(max = PHONE_LENGTH)
    @Column(length = PHONE_LENGTH)
    private String phone;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "contact_status", nullable = false, length = 10)
    private ContactStatus contactStatus;

    @Column(name = "erp_code", length = 40)
    private String erpCode;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** Why the module may hold this person's data; {@code null} while none is recorded. */
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", length = 20)
    private LegalBasis legalBasis;

    /** When the person's data were replaced by a placeholder ({@link #anonymize}); {@code null} until then. */
    @Column(name = "anonymized_at")
    private OffsetDateTime anonymizedAt;

    @Version
    private long version;

    protected Customer() {
        // for JPA
    }

    /** @throws BusinessException when the CPF or CNPJ does not match the kind or its check digits */
    public Customer(String name, CustomerKind kind, String taxId, String email, String phone,
                    ContactStatus contactStatus) {
        this.name = name == null ? null : name.strip();
        this.kind = kind;
        this.taxId = validTaxId(kind, taxId);
        this.email = blankToNull(email);
        this.phone = blankToNull(phone);
        this.contactStatus = contactStatus == null ? ContactStatus.LEAD : contactStatus;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String validTaxId(CustomerKind kind, String raw) {
        String digits = TaxId.digits(raw);
        if (digits == null || digits.isEmpty()) {
            return null;
        }
        if (kind == null || !TaxId.isValidFor(kind, digits)) {
            throw new BusinessException(BusinessException.Kind.INVALID,
                    kind == CustomerKind.PERSON ? "customer.taxId.invalidCpf" : "customer.taxId.invalidCnpj",
                    "taxId", raw);
        }
        return digits;
    }

    /**
     * Records a legal basis or a consent given or withdrawn, and returns the history entry to keep. Consent given
     * makes consent the basis; withdrawn, it leaves the basis named with it, or none. A date in the future, a
     * withdrawal of a consent never given, or an anonymised person are refused.
     */
    public Consent record(LegalBasis basis, Consent.Action consent, String how, OffsetDateTime givenAt,
                          OffsetDateTime now, String by) {
        if (anonymizedAt != null) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "customer.anonymized", null);
        }
        LegalBasis next;
        if (consent == Consent.Action.GIVEN) {
            if (basis != null && basis != LegalBasis.CONSENT) {
                throw new BusinessException(BusinessException.Kind.INVALID, "consent.givenIsConsent", "basis");
            }
            next = LegalBasis.CONSENT;
        } else if (consent == Consent.Action.WITHDRAWN) {
            if (legalBasis != LegalBasis.CONSENT) {
                throw new BusinessException(BusinessException.Kind.CONFLICT, "consent.notGiven", "consent");
            }
            if (basis == LegalBasis.CONSENT) {
                throw new BusinessException(BusinessException.Kind.INVALID, "consent.withdrawnNotConsent", "basis");
            }
            next = basis == null ? LegalBasis.NONE : basis;
        } else {
            if (basis == null) {
                throw new BusinessException(BusinessException.Kind.INVALID, "consent.basis.required", "basis");
            }
            if (basis == LegalBasis.CONSENT && legalBasis != LegalBasis.CONSENT) {
                throw new BusinessException(BusinessException.Kind.INVALID, "consent.basisConsentNeedsGiven", "basis");
            }
            next = basis;
        }
        OffsetDateTime when = givenAt == null ? now : givenAt;
        if (when.isAfter(now.plusMinutes(5))) {
            throw new BusinessException(BusinessException.Kind.INVALID, "consent.future", "givenAt");
        }
        String text = blankToNull(how);
        if (text != null && text.length() > Consent.HOW_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "field.tooLong", "how", Consent.HOW_LENGTH);
        }
        legalBasis = next;
        return new Consent(this, next, consent, text, when, now, by);
    }

    /**
     * E-mails that are not a proposal of the negotiation go only to someone the module still has a basis for: not
     * after they withdrew consent or objected, nor once anonymised. While no basis is recorded, the subject the
     * e-mail is about is one (art. 7, V: steps before a contract the person asked for).
     */
    public boolean refusesPlainEmail() {
        return legalBasis == LegalBasis.NONE || anonymizedAt != null;
    }

    /**
     * Replaces the person's name, CPF/CNPJ, e-mail and phone with a placeholder and forgets the ERP link (the ERP
     * keeps its fiscal documents, under its own name for them); the customer stays, with its subjects and figures.
     */
    public void anonymize(String placeholderName, OffsetDateTime at) {
        if (anonymizedAt != null) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "customer.anonymized", null);
        }
        name = placeholderName;
        taxId = null;
        email = null;
        phone = null;
        erpCode = null;
        legalBasis = LegalBasis.NONE;
        anonymizedAt = at;
    }

    public void changeContactStatus(ContactStatus status) {
        this.contactStatus = status;
    }

    @PrePersist
    @PreUpdate
    void normalize() {
        searchName = Text.searchable(name);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The customer is this one in the ERP: its documents are found by this code from now on. */
    public void linkToErp(String code) {
        this.erpCode = code == null || code.isBlank() ? null : code.strip();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public CustomerKind getKind() {
        return kind;
    }

    public String getTaxId() {
        return taxId;
    }

    public String getFormattedTaxId() {
        return TaxId.format(taxId);
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public ContactStatus getContactStatus() {
        return contactStatus;
    }

    public String getErpCode() {
        return erpCode;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public LegalBasis getLegalBasis() {
        return legalBasis;
    }

    public OffsetDateTime getAnonymizedAt() {
        return anonymizedAt;
    }

    public boolean isAnonymized() {
        return anonymizedAt != null;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Customer other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Customer.class.hashCode();
    }

    /** How the ERP knows this customer: its ERP code once linked, else its CPF/CNPJ. */
    public Erp.CustomerKey erpKey() {
        return new Erp.CustomerKey(erpCode, taxId);
    }
}
