package br.com.crm.mail.boundary;

import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import br.com.crm.mail.entity.Mail;
import br.com.crm.mail.entity.MailTemplate;
import br.com.crm.proposal.control.ProposalLifecycle;
import br.com.crm.proposal.entity.Money;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.security.control.Accounts;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import br.com.crm.subject.control.SubjectChanges;
import br.com.crm.subject.entity.Subject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * E-mails to a subject's customer, with a proposal's PDF attached or plain. Sending only queues the message in the
 * caller's transaction (the outbox); the background sender hands it to the mail server, retries while that is
 * down, and records the outcome on the message, which the subject's timeline shows.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER})
public class Mails {

    private static final DateTimeFormatter BRAZILIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A message as the user wrote it: addresses separated by commas or semicolons. */
    public record Message(String to, String cc, String subject, String body) implements Serializable {
    }

    /** A message prepared from a template, and the customer's addresses to choose from. */
    public record Draft(Message message, List<String> addresses, Long proposalId) implements Serializable {
    }

    /** Fired after the transaction that queued e-mails committed: the sender need not wait for its next round. */
    public record Queued() {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    Accounts users;

    @Inject
    ProposalLifecycle proposals;

    @Inject
    SubjectChanges subjects;

    @Inject
    Changes changes;

    @Inject
    Event<Queued> queued;

    @Inject
    @ConfigProperty(name = "crm.mail.from", defaultValue = "crm@localhost")
    String from;

    Clock clock = Clock.systemUTC();

    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public List<MailTemplate> templates() {
        return em.createNamedQuery(MailTemplate.ALL, MailTemplate.class).getResultList();
    }

    /** A new template ({@code id} {@code null}) or a change of one (on the version the administrator saw). */
    @RolesAllowed(Roles.ADMIN)
    public MailTemplate saveTemplate(Long id, long version, String name, String subject, String body,
                                     boolean forProposal) {
        if (name != null && em.createQuery("select count(t) from MailTemplate t where lower(t.name) = :name "
                        + "and t.id <> :id", Long.class).setParameter("name", name.strip().toLowerCase(Locale.ROOT))
                .setParameter("id", id == null ? -1L : id).getSingleResult() > 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "template.name.duplicate", "name", name);
        }
        MailTemplate template;
        if (id == null) {
            template = new MailTemplate(name, subject, body, forProposal);
            em.persist(template);
        } else {
            template = em.find(MailTemplate.class, id);
            if (template == null) {
                throw BusinessException.notFound("template", id);
            }
            if (template.getVersion() != version) {
                throw BusinessException.stale("template");
            }
            template.edit(name, subject, body, forProposal);
        }
        em.flush();
        changes.audit(AuditEvent.of(id == null ? AuditEvent.Action.CREATE : AuditEvent.Action.EDIT,
                AuditEvent.Entity.TEMPLATE, template.getId(), null, template.getName(), caller.name()));
        return template;
    }

    @RolesAllowed(Roles.ADMIN)
    public void deleteTemplate(long id) {
        MailTemplate template = em.find(MailTemplate.class, id);
        if (template != null) {
            em.remove(template);
            changes.audit(AuditEvent.of(AuditEvent.Action.DELETE, AuditEvent.Entity.TEMPLATE, id, null,
                    template.getName(), caller.name()));
        }
    }

    /** The subject's e-mails, latest first. */
    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public List<Mail> ofSubject(long subjectId) {
        return em.createNamedQuery(Mail.OF_SUBJECT, Mail.class).setParameter("subject", subjectId).getResultList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
    public Mail find(long id) {
        Mail mail = em.find(Mail.class, id);
        if (mail == null) {
            throw BusinessException.notFound("mail", id);
        }
        return mail;
    }

    /**
     * A message to the subject's customer from a template ({@code null}: the first that fits), its placeholders
     * filled from the subject and, when given, the proposal.
     */
    public Draft compose(long subjectId, Long proposalId, Long templateId) {
        Subject subject = subject(subjectId);
        Proposal proposal = proposalId == null ? null : proposalOf(subject, proposalId);
        MailTemplate template = templates().stream()
                .filter(t -> templateId == null ? t.isForProposal() == (proposal != null) : t.getId().equals(templateId))
                .findFirst().orElse(null);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("cliente", subject.getCustomer().getName());
        values.put("assunto", subject.getTitle());
        values.put("vendedor", users.find(caller.name()).map(User::getDisplayName).orElse(caller.name()));
        values.put("empresa", proposals.company().getName());
        if (proposal != null) {
            values.put("proposta", proposal.getDisplayNumber());
            values.put("total", Money.format(proposal.getTotal(), Locale.forLanguageTag("pt-BR")));
            values.put("validade", BRAZILIAN_DATE.format(proposal.getValidUntil()));
        }
        String email = subject.getCustomer().getEmail();
        List<String> addresses = email == null || email.isBlank() ? List.of() : List.of(email);
        Message message = template == null ? new Message(email, null, subject.getTitle(), "")
                : new Message(email, null, MailTemplate.fill(template.getSubject(), values),
                MailTemplate.fill(template.getBody(), values));
        return new Draft(message, addresses, proposalId);
    }

    /**
     * Queues the message to the subject's customer; with a proposal, its PDF goes along and the proposal is
     * marked sent, in this same transaction. A plain e-mail to someone the module has no legal basis for (consent
     * withdrawn, an objection, anonymised) is refused (LGPD).
     */
    public Mail send(long subjectId, Long proposalId, @NotNull Message message) {
        Subject subject = subject(subjectId);
        if (proposalId == null && subject.getCustomer().refusesPlainEmail()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "mail.noLegalBasis", "to",
                    subject.getCustomer().getName());
        }
        String to = addresses(message.to(), "to", true);
        String cc = addresses(message.cc(), "cc", false);
        String title = required(message.subject(), Mail.SUBJECT_LENGTH, "subject");
        String body = required(message.body(), Mail.BODY_LENGTH, "body");
        if (proposalId != null) {
            proposalOf(subject, proposalId);
            proposals.markSent(proposalId);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Mail mail = new Mail(subjectId, proposalId, to, cc, title, body,
                "<" + UUID.randomUUID() + "@" + domain(from) + ">", now, caller.name());
        em.persist(mail);
        em.flush();
        subjects.recorded(Change.Kind.MAIL_QUEUED, subjectId, mail.getId(), now);
        queued.fire(new Queued());
        return mail;
    }

    /** A message that failed for good is queued again, its attempts starting over. */
    public Mail retry(long id, long version) {
        Mail mail = find(id);
        if (mail.getVersion() != version) {
            throw BusinessException.stale("mail");
        }
        mail.retry(OffsetDateTime.now(clock));
        em.flush();
        queued.fire(new Queued());
        changes.fire(Change.Kind.MAIL_STATUS, List.of(mail.getSubjectId()), List.of(), mail.getId(), caller.name());
        return mail;
    }

    private Subject subject(long subjectId) {
        Subject subject = em.find(Subject.class, subjectId);
        if (subject == null) {
            throw BusinessException.notFound("subject", subjectId);
        }
        return subject;
    }

    private Proposal proposalOf(Subject subject, long proposalId) {
        Proposal proposal = proposals.find(proposalId);
        if (!proposal.getSubjectId().equals(subject.getId())) {
            throw BusinessException.notFound("proposal", proposalId);
        }
        return proposal;
    }

    /** Checked addresses, joined by ", "; each must be a complete address (name@domain). */
    static String addresses(String text, String field, boolean required) {
        List<String> addresses = text == null ? List.of() : Arrays.stream(text.split("[,;]"))
                .map(String::strip).filter(a -> !a.isEmpty()).toList();
        if (addresses.isEmpty()) {
            if (required) {
                throw new BusinessException(BusinessException.Kind.INVALID, "mail.to.required", field);
            }
            return null;
        }
        for (String address : addresses) {
            try {
                new InternetAddress(address, true).validate();
                if (!address.contains("@") || address.endsWith("@") || !address.substring(address.indexOf('@'))
                        .contains(".")) {
                    throw new AddressException(address);
                }
            } catch (AddressException e) {
                throw new BusinessException(BusinessException.Kind.INVALID, "mail.address.invalid", field, address);
            }
        }
        String joined = addresses.stream().collect(Collectors.joining(", "));
        if (joined.length() > Mail.ADDRESSES_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "field.tooLong", field, Mail.ADDRESSES_LENGTH);
        }
        return joined;
    }

    private static String required(String text, int length, String field) {
        if (text == null || text.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "mail." + field + ".required", field);
        }
        if (text.length() > length) {
            throw new BusinessException(BusinessException.Kind.INVALID, "field.tooLong", field, length);
        }
        return text.strip();
    }

    /** The sender's domain, for Message-IDs that are unique and say where they come from. */
    private static String domain(String from) {
        String domain = from == null ? "" : from.substring(from.indexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return domain.isEmpty() ? "crm.localhost" : domain;
    }
}
