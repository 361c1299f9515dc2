package br.com.crm.subject.entity;

import br.com.crm.business.BusinessException;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.funnel.entity.LostReason;
import br.com.crm.funnel.entity.Stage;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules a subject keeps by itself: moving, closing, reopening, archiving, versions. */
class SubjectTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    private final Stage prospecting = new Stage(1, "Prospecção", "Prospecting");
    private final Stage negotiation = new Stage(2, "Negociação", "Negotiation");
    private final Stage closed = new Stage(3, "Encerrado", "Closed");
    private final LostReason price = new LostReason("Preço", "Price");

    private Subject subject() {
        return new Subject("Licenças", new Customer("ACME", CustomerKind.COMPANY, null, null, null, null),
                prospecting, new User("ana", "Ana", null, "hash", Set.of(Roles.USER)), T0, "ana");
    }

    @Test
    void aMoveChangesTheStageAndIsRecordedWithWhoAndWhen() {
        Subject subject = subject();

        StageChange change = subject.moveTo(negotiation, false, null, null, T0.plusDays(1), "bruno");

        assertThat(subject.getStage()).isSameAs(negotiation);
        assertThat(subject.getStageEnteredAt()).isEqualTo(T0.plusDays(1));
        assertThat(subject.getUpdatedBy()).isEqualTo("bruno");
        assertThat(change.getFromName()).isEqualTo("Prospecção");
        assertThat(change.getToName()).isEqualTo("Negociação");
        assertThat(change.getChangedBy()).isEqualTo("bruno");
        assertThat(change.getChangedAt()).isEqualTo(T0.plusDays(1));
    }

    @Test
    void closingNeedsAnOutcomeAndLosingNeedsAReason() {
        Subject subject = subject();

        assertThatThrownBy(() -> subject.moveTo(closed, true, null, null, T0, "ana"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("subject.close.outcomeRequired"));
        assertThatThrownBy(() -> subject.moveTo(closed, true, Outcome.LOST, null, T0, "ana"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.getField()).isEqualTo("lostReason"));
        assertThat(subject.getStage()).as("nothing changed").isSameAs(prospecting);

        subject.moveTo(closed, true, Outcome.LOST, price, T0, "ana");
        assertThat(subject.getOutcome()).isEqualTo(Outcome.LOST);
        assertThat(subject.getLostReason()).isSameAs(price);
    }

    @Test
    void wonKeepsNoLostReasonAndLeavingTheClosingStageReopens() {
        Subject subject = subject();
        subject.moveTo(closed, true, Outcome.WON, price, T0, "ana");
        assertThat(subject.getLostReason()).isNull();

        subject.moveTo(negotiation, false, Outcome.WON, null, T0.plusHours(1), "ana");
        assertThat(subject.getOutcome()).isNull();
        assertThat(subject.getStage()).isSameAs(negotiation);
    }

    @Test
    void aMoveToWhereItAlreadyIsRecordsNothing() {
        Subject subject = subject();
        assertThat(subject.moveTo(prospecting, false, null, null, T0.plusDays(2), "ana")).isNull();
        assertThat(subject.getStageEnteredAt()).isEqualTo(T0);
    }

    @Test
    void anArchivedSubjectDoesNotMove() {
        Subject subject = subject();
        subject.archive(T0, "ana");

        assertThatThrownBy(() -> subject.moveTo(negotiation, false, null, null, T0, "ana"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.getKind()).isEqualTo(BusinessException.Kind.CONFLICT));
        subject.unarchive(T0, "ana");
        assertThat(subject.moveTo(negotiation, false, null, null, T0, "ana")).isNotNull();
    }

    @Test
    void aStaleVersionIsRefused() {
        Subject subject = subject();
        subject.checkVersion(0);
        assertThatThrownBy(() -> subject.checkVersion(3))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.getKind()).isEqualTo(BusinessException.Kind.STALE));
    }
}
