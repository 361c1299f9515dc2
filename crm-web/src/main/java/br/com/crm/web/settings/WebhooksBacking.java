package br.com.crm.web.settings;

import br.com.crm.webhook.boundary.Webhooks;
import br.com.crm.webhook.entity.DeliveryStatus;
import br.com.crm.webhook.entity.WebhookDelivery;
import br.com.crm.webhook.entity.WebhookEndpoint;
import br.com.crm.webhook.entity.WebhookEvent;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Configurações → Integrações: the webhook endpoints (create, edit, pause, delete), each one's recent deliveries
 * with the receiver's answer, a test event, a failed delivery sent again. A new (or renewed) secret is shown once,
 * right after it was made, and dropped at the next action. Administrators.
 */
@Named
@ViewScoped
public class WebhooksBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Webhooks webhooks;

    @Inject
    Feedback feedback;

    private List<WebhookEndpoint> endpoints;
    private Long shownId;
    private List<WebhookDelivery> deliveries = List.of();
    private String secret;
    private String secretOf;

    /** The endpoint in the dialog: {@code null} id for a new one. */
    private Long editingId;
    private long editingVersion;
    private String name;
    private String url;
    private List<String> events = new ArrayList<>();
    private boolean active = true;
    private boolean renewSecret;

    @PostConstruct
    void load() {
        endpoints = webhooks.list();
        if (shownId != null && endpoints.stream().noneMatch(e -> e.getId().equals(shownId))) {
            shownId = null;
        }
        deliveries = shownId == null ? List.of() : webhooks.deliveries(shownId, 20);
    }

    public void refresh() {
        secret = null;
        load();
    }

    public void startNew() {
        editingId = null;
        name = null;
        url = null;
        events = new ArrayList<>(webhooks.eventTypes());
        active = true;
        renewSecret = false;
    }

    public void startEdit(WebhookEndpoint endpoint) {
        editingId = endpoint.getId();
        editingVersion = endpoint.getVersion();
        name = endpoint.getName();
        url = endpoint.getUrl();
        events = new ArrayList<>(endpoint.events().stream().map(WebhookEvent::type).toList());
        active = endpoint.isActive();
        renewSecret = false;
    }

    /** Saves the dialog; when done, the page closes it ({@code args.saved}) and shows a new secret once. */
    public void save() {
        secret = null;
        Webhooks.Form form = new Webhooks.Form(name, url, events, active);
        Webhooks.Saved saved = feedback.attempt(() -> editingId == null ? webhooks.create(form)
                : webhooks.edit(editingId, editingVersion, form, renewSecret));
        if (saved != null) {
            feedback.info(editingId == null ? "webhook.created" : "webhook.saved", saved.endpoint().getName());
            secret = saved.secret();
            secretOf = saved.endpoint().getName();
            shownId = saved.endpoint().getId();
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        }
        load();
    }

    public void delete(WebhookEndpoint endpoint) {
        secret = null;
        feedback.attempt(() -> webhooks.delete(endpoint.getId()), "webhook.deleted", endpoint.getName());
        load();
    }

    public void show(WebhookEndpoint endpoint) {
        secret = null;
        shownId = endpoint.getId();
        load();
    }

    public void test(WebhookEndpoint endpoint) {
        secret = null;
        shownId = endpoint.getId();
        feedback.attempt(() -> webhooks.test(endpoint.getId()), "webhook.testQueued", endpoint.getName());
        load();
    }

    public void resend(WebhookDelivery delivery) {
        secret = null;
        feedback.attempt(() -> webhooks.resend(delivery.getEndpointId(), delivery.getId()), "webhook.resent",
                delivery.getDeliveryId());
        load();
    }

    public boolean resendable(WebhookDelivery delivery) {
        return delivery.getStatus() == DeliveryStatus.FAILED;
    }

    public List<String> getEventTypes() {
        return webhooks.eventTypes();
    }

    public List<WebhookEndpoint> getEndpoints() {
        return endpoints;
    }

    public List<WebhookDelivery> getDeliveries() {
        return deliveries;
    }

    public WebhookEndpoint getShown() {
        return shownId == null ? null
                : endpoints.stream().filter(e -> e.getId().equals(shownId)).findFirst().orElse(null);
    }

    public String getSecret() {
        return secret;
    }

    public String getSecretOf() {
        return secretOf;
    }

    public boolean isCreating() {
        return editingId == null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events == null ? new ArrayList<>() : new ArrayList<>(events);
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean isRenewSecret() {
        return renewSecret;
    }

    public void setRenewSecret(boolean renewSecret) {
        this.renewSecret = renewSecret;
    }
}
