package br.com.crm.customer.entity;

import br.com.crm.kernel.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);

    private final Customer customer = new Customer("Joana Prado", CustomerKind.PERSON, "529.982.247-25",
            "joana@exemplo.com", "11 98765-4321", ContactStatus.LEAD);

    @Test
    void consentGivenThenWithdrawnLeavesNoBasisAndRefusesPlainEmails() {
        assertThat(customer.refusesPlainEmail()).as("no basis recorded: the subject is one").isFalse();
        Consent given = customer.record(null, Consent.Action.GIVEN, " formulário do site ", NOW.minusDays(3), NOW, "ana");
        assertThat(given.getBasis()).isEqualTo(LegalBasis.CONSENT);
        assertThat(given.getHow()).isEqualTo("formulário do site");
        assertThat(given.getGivenAt()).isEqualTo(NOW.minusDays(3));
        assertThat(customer.getLegalBasis()).isEqualTo(LegalBasis.CONSENT);

        Consent withdrawn = customer.record(null, Consent.Action.WITHDRAWN, "e-mail do titular", null, NOW, "ana");
        assertThat(withdrawn.getBasis()).isEqualTo(LegalBasis.NONE);
        assertThat(withdrawn.getGivenAt()).as("now when not given").isEqualTo(NOW);
        assertThat(customer.refusesPlainEmail()).isTrue();

        customer.record(LegalBasis.CONTRACT, null, "pedido assinado", null, NOW, "ana");
        assertThat(customer.refusesPlainEmail()).isFalse();
    }

    @Test
    void refusesWhatTheHistoryCouldNotProve() {
        assertThatThrownBy(() -> customer.record(null, null, null, null, NOW, "ana"))
                .isInstanceOf(BusinessException.class).hasMessageContaining("consent.basis.required");
        assertThatThrownBy(() -> customer.record(null, Consent.Action.WITHDRAWN, null, null, NOW, "ana"))
                .as("no consent to withdraw").hasMessageContaining("consent.notGiven");
        assertThatThrownBy(() -> customer.record(LegalBasis.CONSENT, null, null, null, NOW, "ana"))
                .as("consent as a basis only by recording it given").hasMessageContaining("consent.basisConsentNeedsGiven");
        assertThatThrownBy(() -> customer.record(LegalBasis.CONTRACT, Consent.Action.GIVEN, null, null, NOW, "ana"))
                .hasMessageContaining("consent.givenIsConsent");
        assertThatThrownBy(() -> customer.record(null, Consent.Action.GIVEN, null, NOW.plusDays(1), NOW, "ana"))
                .hasMessageContaining("consent.future");
        assertThatThrownBy(() -> customer.record(LegalBasis.CONTRACT, null, "x".repeat(501), null, NOW, "ana"))
                .hasMessageContaining("field.tooLong");
        assertThat(customer.getLegalBasis()).as("nothing refused changed the basis").isNull();
    }

    @Test
    void anonymisingForgetsThePersonOnceAndForAll() {
        customer.linkToErp("C-1");
        customer.anonymize("Titular anonimizado 7", NOW);
        assertThat(customer.getName()).isEqualTo("Titular anonimizado 7");
        assertThat(customer.getTaxId()).isNull();
        assertThat(customer.getEmail()).isNull();
        assertThat(customer.getPhone()).isNull();
        assertThat(customer.getErpCode()).isNull();
        assertThat(customer.isAnonymized()).isTrue();
        assertThat(customer.refusesPlainEmail()).isTrue();
        assertThatThrownBy(() -> customer.anonymize("again", NOW)).hasMessageContaining("customer.anonymized");
        assertThatThrownBy(() -> customer.record(LegalBasis.CONTRACT, null, null, null, NOW, "ana"))
                .hasMessageContaining("customer.anonymized");
    }
}
