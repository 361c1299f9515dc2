package br.com.crm.subject.entity;

import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.kernel.BusinessException;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.Stage;
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
    private final Stage closed = closing(new Stage(3, "Encerrado", "Closed"));
    private final LostReason price = new LostReason("Preço", "Price");

    private static Stage closing(Stage stage) {
        stage.closeSubjects(true);
        return stage;
    }

    private Subject subject() {
        return new Subject("Licenças", new Customer("ACME", CustomerKind.COMPANY, null, null, null, null),
                prospecting, new User("ana", "Ana", null, "hash", Set.of(Roles.USER)), T0, "ana");
    }

    @Test
    void onlyItsResponsibleOrAnAdministratorMayDeleteASubject() {
        Subject subject = subject();

        assertThat(subject.mayBeDeletedBy("ana", false)).isTrue();
        assertThat(subject.mayBeDeletedBy("bruno", false)).isFalse();
        assertThat(subject.mayBeDeletedBy("admin", true)).isTrue();
    }

    @Test
    void aMoveChangesTheStageAndIsRecordedWithWhoAndWhen() {
        Subject subject = subject();

        StageChange change = subject.moveTo(negotiation, null, null, T0.plusDays(1), "bruno");

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

        assertThatThrownBy(() -> subject.moveTo(closed, null, null, T0, "ana"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("subject.close.outcomeRequired"));
        assertThatThrownBy(() -> subject.moveTo(closed, Outcome.LOST, null, T0, "ana"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.getField()).isEqualTo("lostReason"));
        assertThat(subject.getStage()).as("nothing changed").isSameAs(prospecting);

        subject.moveTo(closed, Outcome.LOST, price, T0, "ana");
        assertThat(subject.getOutcome()).isEqualTo(Outcome.LOST);
        assertThat(subject.getLostReason()).isSameAs(price);
    }

    @Test
    void wonKeepsNoLostReasonAndLeavingTheClosingStageReopens() {
        Subject subject = subject();
        subject.moveTo(closed, Outcome.WON, price, T0, "ana");
        assertThat(subject.getLostReason()).isNull();

        subject.moveTo(negotiation, Outcome.WON, null, T0.plusHours(1), "ana");
        assertThat(subject.getOutcome()).isNull();
        assertThat(subject.getStage()).isSameAs(negotiation);
    }

    @Test
    void aMoveToWhereItAlreadyIsRecordsNothing() {
        Subject subject = subject();
        assertThat(subject.moveTo(prospecting, null, null, T0.plusDays(2), "ana")).isNull();
        assertThat(subject.getStageEnteredAt()).isEqualTo(T0);
    }

    @Test
    void anArchivedSubjectDoesNotMove() {
        Subject subject = subject();
        subject.archive(T0, "ana");

        assertThatThrownBy(() -> subject.moveTo(negotiation, null, null, T0, "ana"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.getKind()).isEqualTo(BusinessException.Kind.CONFLICT));
        subject.unarchive(T0, "ana");
        assertThat(subject.moveTo(negotiation, null, null, T0, "ana")).isNotNull();
    }

    @Test
    void aSubjectIsNotCreatedClosed() {
        assertThatThrownBy(() -> Subject.open("Licenças", null, closed, null, null, null, null, T0, "ana"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("subject.create.notInClosingStage"));
    }

    @Test
    void anArchivedSubjectCountsInNoColumn() {
        Subject subject = subject();
        subject.archive(T0, "ana");
        assertThat(subject.placement()).isNull();
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
