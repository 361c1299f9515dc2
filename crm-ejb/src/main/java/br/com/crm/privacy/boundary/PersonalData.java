package br.com.crm.privacy.boundary;

import br.com.crm.activity.entity.Activity;
import br.com.crm.audit.entity.AuditEntry;
import br.com.crm.customer.control.CustomerRegistry;
import br.com.crm.customer.entity.Consent;
import br.com.crm.customer.entity.Customer;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.Changes;
import br.com.crm.mail.entity.Mail;
import br.com.crm.note.entity.Note;
import br.com.crm.privacy.control.PersonalDataPdf;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import br.com.crm.subject.entity.Subject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person's data on request (LGPD, art. 18, II and V): everything the module holds about one customer, as JSON
 * or as a PDF to hand them. Only for who works on subjects (a viewer sees CPFs masked and exports no personal
 * data), and every export is in the audit trail. One query per kind of record, whatever the number of subjects.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER})
public class PersonalData {

    /** The audit trail's entries in the report, oldest first: enough for years of one customer's dealings. */
    static final int AUDIT_LIMIT = 10_000;

    private static final String OF_CUSTOMER_SUBJECTS = " in (select s.id from Subject s where s.customer.id = :c)";

    @PersistenceContext
    EntityManager em;

    @Inject
    CustomerRegistry customers;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    @Inject
    PersonalDataPdf pdf;

    public PersonalDataReport report(long customerId) {
        PersonalDataReport report = read(customerId);
        exported(customerId, "JSON");
        return report;
    }

    /** The report as a PDF, its headings in the reader's language. */
    public byte[] pdf(long customerId, Locale locale) {
        byte[] document = pdf.print(read(customerId), locale);
        exported(customerId, "PDF");
        return document;
    }

    private void exported(long customerId, String format) {
        changes.audit(AuditEvent.of(AuditEvent.Action.EXPORT, AuditEvent.Entity.CUSTOMER, customerId, null,
                "personal data · " + format, caller.name()));
    }

    private PersonalDataReport read(long customerId) {
        Customer c = customers.find(customerId);
        var customer = new PersonalDataReport.CustomerData(c.getId(), c.getName(), c.getKind(), c.getTaxId(),
                c.getEmail(), c.getPhone(), c.getContactStatus(), c.getErpCode(), c.getLegalBasis(),
                c.getCreatedAt(), c.getAnonymizedAt());
        List<PersonalDataReport.ConsentData> consents = em.createNamedQuery(Consent.OF_CUSTOMER, Consent.class)
                .setParameter("customer", customerId).getResultStream()
                .map(e -> new PersonalDataReport.ConsentData(e.getBasis(), e.getConsent(), e.getHow(),
                        e.getGivenAt(), e.getRecordedAt(), e.getRecordedBy())).toList();
        Map<Long, List<PersonalDataReport.ActivityData>> activities = em.createQuery("select a from Activity a "
                        + "join fetch a.responsible where a.subjectId" + OF_CUSTOMER_SUBJECTS
                        + " order by a.dueAt, a.id", Activity.class).setParameter("c", customerId).getResultStream()
                .collect(Collectors.groupingBy(Activity::getSubjectId, Collectors.mapping(
                        a -> new PersonalDataReport.ActivityData(a.getId(), a.getKind(), a.getDescription(),
                                a.getDueAt(), a.getDoneAt(), a.getResult(), a.getResponsible().getUsername()),
                        Collectors.toList())));
        Map<Long, List<PersonalDataReport.NoteData>> notes = em.createQuery("select n from Note n where n.subjectId"
                        + OF_CUSTOMER_SUBJECTS + " order by n.createdAt, n.id", Note.class)
                .setParameter("c", customerId).getResultStream()
                .collect(Collectors.groupingBy(Note::getSubjectId, Collectors.mapping(
                        n -> new PersonalDataReport.NoteData(n.getId(), n.getText(), n.getAuthor(),
                                n.getCreatedAt()), Collectors.toList())));
        Map<Long, List<PersonalDataReport.EmailData>> emails = em.createQuery("select m from Mail m where m.subjectId"
                        + OF_CUSTOMER_SUBJECTS + " order by m.createdAt, m.id", Mail.class)
                .setParameter("c", customerId).getResultStream()
                .collect(Collectors.groupingBy(Mail::getSubjectId, Collectors.mapping(
                        m -> new PersonalDataReport.EmailData(m.getId(), m.getTo(), m.getCc(), m.getSubject(),
                                m.getBody(), m.getStatus(), m.getCreatedAt(), m.getSentAt()), Collectors.toList())));
        Map<Long, List<PersonalDataReport.ProposalData>> proposals = em.createQuery("select p from Proposal p "
                        + "where p.subjectId" + OF_CUSTOMER_SUBJECTS + " order by p.createdAt, p.id", Proposal.class)
                .setParameter("c", customerId).getResultStream()
                .collect(Collectors.groupingBy(Proposal::getSubjectId, Collectors.mapping(
                        p -> new PersonalDataReport.ProposalData(p.getId(), p.getDisplayNumber(), p.getStatus(),
                                p.getIssuedOn(), p.getValidUntil(), p.getTotal(), p.getSentAt()),
                        Collectors.toList())));
        List<PersonalDataReport.SubjectData> subjects = new ArrayList<>();
        for (Subject s : em.createQuery("select s from Subject s join fetch s.stage join fetch s.responsible "
                + "where s.customer.id = :c order by s.createdAt, s.id", Subject.class)
                .setParameter("c", customerId).getResultList()) {
            subjects.add(new PersonalDataReport.SubjectData(s.getId(), s.getTitle(), s.getDescription(),
                    s.getStage().getDescription(), s.getOutcome(), s.getAmount(), s.getExpectedClose(),
                    s.getResponsible().getUsername(), s.isArchived(), s.getCreatedAt(),
                    of(activities, s), of(notes, s), of(emails, s), of(proposals, s)));
        }
        List<PersonalDataReport.AuditData> audit = em.createQuery("select e from AuditEntry e where "
                        + "(e.entity = :entity and e.entityId = :c) or e.subjectId" + OF_CUSTOMER_SUBJECTS
                        + " order by e.at, e.id", AuditEntry.class)
                .setParameter("entity", AuditEvent.Entity.CUSTOMER.name()).setParameter("c", customerId)
                .setMaxResults(AUDIT_LIMIT).getResultStream()
                .map(e -> new PersonalDataReport.AuditData(e.getId(), e.getAt(), e.getActor(), e.getAction(),
                        e.getEntity(), e.getEntityId(), e.getSubjectId(), e.getSummary())).toList();
        return new PersonalDataReport(OffsetDateTime.now(ZoneOffset.UTC), caller.name(), customer, consents,
                subjects, audit);
    }

    private static <T> List<T> of(Map<Long, List<T>> bySubject, Subject subject) {
        return bySubject.getOrDefault(subject.getId(), List.of());
    }
}
