package br.com.crm.privacy.boundary;

import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.customer.entity.Consent;
import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.customer.entity.LegalBasis;
import br.com.crm.mail.entity.MailStatus;
import br.com.crm.proposal.entity.ProposalStatus;
import br.com.crm.subject.entity.Outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything the module holds about one customer (LGPD, art. 18, II and V: access and portability), as the API
 * gives it in JSON and the PDF prints it: the customer's fields, their bases and consents, each subject with its
 * activities, notes, e-mails and proposals, and the audit trail's entries about them.
 */
public record PersonalDataReport(OffsetDateTime producedAt, String producedBy, CustomerData customer,
                                 List<ConsentData> consents, List<SubjectData> subjects, List<AuditData> audit) {

    public record CustomerData(long id, String name, CustomerKind kind, String taxId, String email, String phone,
                               ContactStatus contactStatus, String erpCode, LegalBasis legalBasis,
                               OffsetDateTime createdAt, OffsetDateTime anonymizedAt) {
    }

    public record ConsentData(LegalBasis basis, Consent.Action consent, String how, OffsetDateTime givenAt,
                              OffsetDateTime recordedAt, String recordedBy) {
    }

    public record SubjectData(long id, String title, String description, String stage, Outcome outcome,
                              BigDecimal amount, LocalDate expectedClose, String responsible, boolean archived,
                              OffsetDateTime createdAt, List<ActivityData> activities, List<NoteData> notes,
                              List<EmailData> emails, List<ProposalData> proposals) {
    }

    public record ActivityData(long id, ActivityKind kind, String description, OffsetDateTime dueAt,
                               OffsetDateTime doneAt, String result, String responsible) {
    }

    public record NoteData(long id, String text, String author, OffsetDateTime createdAt) {
    }

    public record EmailData(long id, String to, String cc, String subject, String body, MailStatus status,
                            OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    public record ProposalData(long id, String number, ProposalStatus status, LocalDate issuedOn,
                               LocalDate validUntil, BigDecimal total, OffsetDateTime sentAt) {
    }

    public record AuditData(long id, OffsetDateTime at, String actor, String action, String entity, Long entityId,
                            Long subjectId, String summary) {
    }
}
