package br.com.crm.web.customer;

import br.com.crm.customer.boundary.Customers;
import br.com.crm.customer.entity.Consent;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.LegalBasis;
import br.com.crm.privacy.boundary.Anonymizations;
import br.com.crm.web.shell.CurrentUser;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The customer's page: their data (a viewer's CPFs masked), legal basis and consent history with the form that
 * records one, the personal-data downloads, and anonymisation for administrators after a confirmation that names
 * what will go.
 */
@Named
@ViewScoped
public class CustomerBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Inject
    @Param(name = "id", required = true)
    Long id;

    @Inject
    Customers customers;

    @Inject
    Anonymizations anonymizations;

    @Inject
    CurrentUser currentUser;

    @Inject
    Feedback feedback;

    private Customer customer;
    private List<Consent> consents;
    private Anonymizations.Scope scope;

    private LegalBasis basis;
    private Consent.Action consent;
    private String how;
    private LocalDateTime givenAt;

    @PostConstruct
    void load() {
        customer = customers.find(id);
        consents = customers.consents(id);
        scope = currentUser.isAdmin() ? anonymizations.scope(id) : null;
    }

    public void record() {
        if (feedback.attempt(() -> customers.record(id, new Customers.ConsentForm(basis, consent, how,
                givenAt == null ? null : givenAt.atZone(SAO_PAULO).toOffsetDateTime())), "consent.recorded")) {
            basis = null;
            consent = null;
            how = null;
            givenAt = null;
        }
        load();
    }

    public void anonymize() {
        feedback.attempt(() -> anonymizations.anonymize(id, scope.version()), "privacy.anonymized");
        load();
    }

    public Customer getCustomer() {
        return customer;
    }

    public List<Consent> getConsents() {
        return consents;
    }

    public Anonymizations.Scope getScope() {
        return scope;
    }

    /** The confirmation names the person and what of theirs goes. */
    public String getAnonymizeConfirmation() {
        return scope == null ? "" : Texts.of(FacesContext.getCurrentInstance()).format("privacy.anonymize.confirm",
                scope.name(), scope.subjects(), scope.activities(), scope.notes(), scope.emails(), scope.proposals());
    }

    public LegalBasis[] getBases() {
        return LegalBasis.values();
    }

    public Consent.Action[] getConsentActions() {
        return Consent.Action.values();
    }

    public LegalBasis getBasis() {
        return basis;
    }

    public void setBasis(LegalBasis basis) {
        this.basis = basis;
    }

    public Consent.Action getConsent() {
        return consent;
    }

    public void setConsent(Consent.Action consent) {
        this.consent = consent;
    }

    public String getHow() {
        return how;
    }

    public void setHow(String how) {
        this.how = how;
    }

    public LocalDateTime getGivenAt() {
        return givenAt;
    }

    public void setGivenAt(LocalDateTime givenAt) {
        this.givenAt = givenAt;
    }
}
