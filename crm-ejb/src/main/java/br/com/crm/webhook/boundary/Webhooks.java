package br.com.crm.webhook.boundary;

import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Changes;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import br.com.crm.webhook.control.WebhookQueue;
import br.com.crm.webhook.entity.WebhookDelivery;
import br.com.crm.webhook.entity.WebhookEndpoint;
import br.com.crm.webhook.entity.WebhookEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Outgoing webhooks, for administrators (Configurações → Integrações, {@code /api/v1/webhooks}): the endpoints,
 * their recent deliveries, a test event, a failed delivery sent again. Every change of an endpoint is audited.
 * Nothing else in the module needs to hear of it (the queue reads the active endpoints inside each change's
 * transaction), so it fires no {@code Change}.
 * <p>
 * Deleting an endpoint deletes its deliveries with it: they are only its own (its address, signed with its
 * secret), a receiver that is gone must not be called again, and the audit trail keeps who deleted which endpoint.
 * An endpoint that should only stop for a while is paused ({@code active} false): its deliveries wait.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Webhooks {

    /** The most deliveries one page of an endpoint's recent ones shows. */
    public static final int MAX_DELIVERIES = 100;

    /** An endpoint as the administrator writes it; {@code events} by type ({@code subject.moved}). */
    public record Form(String name, String url, List<String> events, Boolean active) implements Serializable {
    }

    /**
     * An endpoint saved; {@code secret} only when it was just made (created, or renewed on request), to be shown
     * once: it is never read out again.
     */
    public record Saved(WebhookEndpoint endpoint, String secret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    Changes changes;

    @Inject
    WebhookQueue queue;

    @Inject
    Event<WebhookQueue.Queued> queued;

    Clock clock = Clock.systemUTC();

    /** The event types an endpoint may ask for, in the order the page lists them. */
    public List<String> eventTypes() {
        return Arrays.stream(WebhookEvent.values()).filter(WebhookEvent::isSubscribable).map(WebhookEvent::type)
                .toList();
    }

    public List<WebhookEndpoint> list() {
        return em.createNamedQuery(WebhookEndpoint.ALL, WebhookEndpoint.class).getResultList();
    }

    public WebhookEndpoint find(long id) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, id);
        if (endpoint == null) {
            throw new BusinessException(BusinessException.Kind.NOT_FOUND, "webhook.notFound", null, id);
        }
        return endpoint;
    }

    public Saved create(Form form) {
        Form f = form == null ? new Form(null, null, null, null) : form;
        WebhookEndpoint endpoint = new WebhookEndpoint(f.name(), f.url(), f.events(),
                f.active() == null || f.active(), OffsetDateTime.now(clock), caller.name());
        em.persist(endpoint);
        em.flush();
        changes.audit(AuditEvent.of(AuditEvent.Action.CREATE, AuditEvent.Entity.WEBHOOK, endpoint.getId(), null,
                summary(endpoint), caller.name()).withChanges(AuditEvent.diff(Map.of(), fields(endpoint))));
        return new Saved(endpoint, endpoint.getSecret());
    }

    /** A change of the endpoint the administrator saw at {@code version}; a new secret only when asked for. */
    public Saved edit(long id, long version, Form form, boolean renewSecret) {
        WebhookEndpoint endpoint = find(id);
        if (endpoint.getVersion() != version) {
            throw new BusinessException(BusinessException.Kind.STALE, "webhook.stale", null);
        }
        Form f = form == null ? new Form(null, null, null, null) : form;
        Map<String, String> before = fields(endpoint);
        endpoint.edit(f.name(), f.url(), f.events(), f.active() == null ? endpoint.isActive() : f.active(),
                OffsetDateTime.now(clock), caller.name());
        String secret = renewSecret ? endpoint.renewSecret() : null;
        Map<String, String> after = fields(endpoint);
        if (renewSecret) {
            // That it changed, never what it is.
            before.put("secret", "…");
            after.put("secret", "renewed");
        }
        em.flush();
        changes.audit(AuditEvent.of(AuditEvent.Action.EDIT, AuditEvent.Entity.WEBHOOK, id, null, summary(endpoint),
                caller.name()).withChanges(AuditEvent.diff(before, after)));
        if (endpoint.isActive() && !"true".equals(before.get("active"))) {
            queued.fire(new WebhookQueue.Queued()); // resumed: what waited goes now
        }
        return new Saved(endpoint, secret);
    }

    /** Deletes the endpoint with its deliveries, queued ones too (see the class comment). */
    public void delete(long id) {
        WebhookEndpoint endpoint = find(id);
        String summary = summary(endpoint);
        em.createQuery("delete from WebhookDelivery d where d.endpointId = :id").setParameter("id", id)
                .executeUpdate();
        em.remove(endpoint);
        changes.audit(AuditEvent.of(AuditEvent.Action.DELETE, AuditEvent.Entity.WEBHOOK, id, null, summary,
                caller.name()));
    }

    /** The endpoint's latest deliveries, newest first. */
    public List<WebhookDelivery> deliveries(long id, int limit) {
        find(id);
        return em.createNamedQuery(WebhookDelivery.OF_ENDPOINT, WebhookDelivery.class).setParameter("endpoint", id)
                .setMaxResults(Math.max(1, Math.min(limit, MAX_DELIVERIES))).getResultList();
    }

    /** Queues a test event ({@code webhook.test}) for the endpoint, whatever it subscribed to. */
    public WebhookDelivery test(long id) {
        WebhookEndpoint endpoint = find(id);
        WebhookDelivery delivery = queue.test(endpoint, caller.name());
        changes.audit(AuditEvent.of(AuditEvent.Action.SEND, AuditEvent.Entity.WEBHOOK, id, null,
                "test · " + delivery.getDeliveryId(), caller.name()));
        return delivery;
    }

    /** Sends a failed delivery again, with its delivery id, as it was queued. */
    public WebhookDelivery resend(long id, long deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null || delivery.getEndpointId() != id) {
            throw new BusinessException(BusinessException.Kind.NOT_FOUND, "webhook.delivery.notFound", null,
                    deliveryId);
        }
        if (!delivery.resend(OffsetDateTime.now(clock))) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "webhook.resend.notFailed", null,
                    delivery.getStatus());
        }
        changes.audit(AuditEvent.of(AuditEvent.Action.SEND, AuditEvent.Entity.WEBHOOK, id, null,
                delivery.getEventType() + " · " + delivery.getDeliveryId(), caller.name()));
        queued.fire(new WebhookQueue.Queued());
        return delivery;
    }

    private static String summary(WebhookEndpoint endpoint) {
        return endpoint.getName() + " · " + endpoint.getUrl();
    }

    private static Map<String, String> fields(WebhookEndpoint endpoint) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", endpoint.getName());
        fields.put("url", endpoint.getUrl());
        fields.put("events", endpoint.events().stream().map(WebhookEvent::type).collect(Collectors.joining(", ")));
        fields.put("active", String.valueOf(endpoint.isActive()));
        return fields;
    }
}
