package br.com.crm.mail.control;

import br.com.crm.kernel.Backoff;
import br.com.crm.mail.entity.Mail;
import br.com.crm.proposal.control.ProposalPrints;
import br.com.crm.proposal.entity.Proposal;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outbox's bookkeeping, each step in a transaction of its own and committed before the mail server is called:
 * taking a due message (so no other sender takes it), recording that it was sent, or that it failed and when to try
 * again. Called by the {@link Outbox}, with no user: these are not a boundary.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailDelivery {

    /** How long a taken message stays with its sender: past it, a sender that died mid-way is replaced. */
    static final Duration LEASE = Duration.ofMinutes(5);

    /** The longest wait between two attempts. */
    static final Duration MAX_WAIT = Duration.ofHours(1);

    /** What goes to the mail server. */
    public record Outgoing(long id, String messageId, String to, String cc, String subject, String body,
                           String attachmentName, byte[] attachment) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ProposalPrints prints;

    @Inject
    @ConfigProperty(name = "crm.mail.retry-seconds", defaultValue = "30")
    long retrySeconds;

    @Inject
    @ConfigProperty(name = "crm.mail.max-attempts", defaultValue = "10")
    int maxAttempts;

    Clock clock = Clock.systemUTC();

    public List<Long> due(int max) {
        return em.createNamedQuery(Mail.DUE, Long.class).setParameter("now", OffsetDateTime.now(clock))
                .setMaxResults(max).getResultList();
    }

    /** Takes the message if it is still due (another sender may have taken it meanwhile), with its attachment. */
    public Optional<Outgoing> claim(long id) {
        Mail mail = em.find(Mail.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || !mail.claim(OffsetDateTime.now(clock), LEASE)) {
            return Optional.empty();
        }
        String name = null;
        byte[] attachment = null;
        if (mail.getProposalId() != null) {
            Proposal proposal = em.find(Proposal.class, mail.getProposalId());
            if (proposal != null) {
                name = proposal.fileName();
                attachment = prints.pdf(proposal, Locale.forLanguageTag("pt-BR"));
            }
        }
        return Optional.of(new Outgoing(id, mail.getMessageId(), mail.getTo(), mail.getCc(), mail.getSubject(),
                mail.getBody(), name, attachment));
    }

    /** Marks the message sent; a message deleted meanwhile (with its subject) has nothing left to mark. */
    public void sent(long id) {
        Mail mail = em.find(Mail.class, id);
        if (mail != null) {
            mail.sent(OffsetDateTime.now(clock));
        }
    }

    /** Retries wait 1, 2, 4… times {@code crm.mail.retry-seconds}, at most an hour; after the last one it failed. */
    public void failed(long id, String error) {
        Mail mail = em.find(Mail.class, id);
        if (mail == null) {
            return; // deleted with its subject meanwhile: nothing to retry
        }
        Duration retryAfter = mail.getAttempts() >= maxAttempts ? null
                : Backoff.after(mail.getAttempts(), Duration.ofSeconds(retrySeconds), MAX_WAIT);
        mail.failed(error, OffsetDateTime.now(clock), retryAfter);
    }
}
