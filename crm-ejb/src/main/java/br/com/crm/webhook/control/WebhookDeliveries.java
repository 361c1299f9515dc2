package br.com.crm.webhook.control;

import br.com.crm.kernel.Backoff;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.webhook.entity.WebhookDelivery;
import br.com.crm.webhook.entity.WebhookEndpoint;
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
import java.util.Optional;

/**
 * The webhook sender's bookkeeping, each step in a transaction of its own and committed before the receiver is
 * called, as the e-mail outbox's: taking a due delivery (so no other sender takes it), recording that it was
 * delivered, or that it failed and when to try again. Called by the {@link WebhookSender}, with no user: these are
 * not a boundary.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookDeliveries {

    /** How long a taken delivery stays with its sender: past it, a sender that died mid-way is replaced. */
    static final Duration LEASE = Duration.ofMinutes(5);

    /** The longest wait between two attempts. */
    static final Duration MAX_WAIT = Duration.ofHours(1);

    /** What goes to the receiver. The secret only signs: it is never logged. */
    public record Outgoing(long id, long endpointId, String url, String secret, String deliveryId, String eventType,
                           String payload) {
        @Override
        public String toString() {
            return "delivery " + deliveryId + " (" + eventType + ") to endpoint " + endpointId;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "crm.webhook.retry-seconds", defaultValue = "30")
    long retrySeconds;

    @Inject
    @ConfigProperty(name = "crm.webhook.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "crm.webhook.keep-days", defaultValue = "30")
    int keepDays;

    Clock clock = Clock.systemUTC();

    /** Due deliveries, oldest first; none behind an earlier pending one of its endpoint and subject. */
    public List<Long> due(int max) {
        return em.createNamedQuery(WebhookDelivery.DUE, Long.class).setParameter("now", OffsetDateTime.now(clock))
                .setParameter("active", true).setHint(SubjectFilter.BIND_PARAMETERS, "True")
                .setMaxResults(max).getResultList();
    }

    /**
     * Takes the delivery if it is still due and no earlier one of its endpoint and subject is pending (another
     * sender may have taken it, or an earlier one been sent again, meanwhile). An endpoint paused meanwhile keeps
     * its deliveries queued until it is active again.
     */
    public Optional<Outgoing> claim(long id) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return Optional.empty();
        }
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.getEndpointId());
        if (endpoint == null || !endpoint.isActive()) {
            return Optional.empty();
        }
        if (delivery.getSubjectId() != null && em.createNamedQuery(WebhookDelivery.EARLIER_PENDING, Long.class)
                .setParameter("endpoint", delivery.getEndpointId()).setParameter("subject", delivery.getSubjectId())
                .setParameter("at", delivery.getCreatedAt()).setParameter("id", delivery.getId())
                .getSingleResult() > 0) {
            return Optional.empty();
        }
        if (!delivery.claim(OffsetDateTime.now(clock), LEASE)) {
            return Optional.empty();
        }
        return Optional.of(new Outgoing(id, endpoint.getId(), endpoint.getUrl(), endpoint.getSecret(),
                delivery.getDeliveryId(), delivery.getEventType(), delivery.getPayload()));
    }

    /** Marks it delivered; one deleted meanwhile (with its endpoint) has nothing left to mark. */
    public void delivered(long id, int httpStatus, String answer) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        if (delivery != null) {
            delivery.delivered(httpStatus, answer, OffsetDateTime.now(clock));
        }
    }

    /**
     * Retries wait 1, 2, 4… times {@code crm.webhook.retry-seconds}, at most an hour; after
     * {@code crm.webhook.max-attempts} it failed (and may be sent again from the settings page).
     */
    public void failed(long id, Integer httpStatus, String answer, String error) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        if (delivery == null) {
            return;
        }
        Duration retryAfter = delivery.getAttempts() >= maxAttempts ? null
                : Backoff.after(delivery.getAttempts(), Duration.ofSeconds(retrySeconds), MAX_WAIT);
        delivery.failed(httpStatus, answer, error, OffsetDateTime.now(clock), retryAfter);
    }

    /** Delivered deliveries older than {@code crm.webhook.keep-days} go; failed ones stay to be sent again. */
    public int forgetOld() {
        return em.createNamedQuery(WebhookDelivery.DELIVERED_BEFORE)
                .setParameter("before", OffsetDateTime.now(clock).minusDays(keepDays)).executeUpdate();
    }
}
