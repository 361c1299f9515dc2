package br.com.crm.webhook.entity;

import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Text;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A receiver of events (Configurações → Integrações): where to post, which events, and the secret that signs every
 * delivery. The secret is made here, shown once when the endpoint is created (or its secret renewed), and never
 * read back out: it is only needed to sign. Any http or https address, intranet ones too (an intranet CRM talks to
 * intranet systems), but never with credentials in it: those would show on the settings page and in logs; a
 * receiver authenticates the sender by the signature instead.
 */
@Entity
@Table(name = "crm_webhook_endpoint")
@NamedQuery(name = WebhookEndpoint.ALL, query = "select e from WebhookEndpoint e order by e.name, e.id")
@NamedQuery(name = WebhookEndpoint.ACTIVE, query = "select e from WebhookEndpoint e where e.active = true "
        + "order by e.id")
public class WebhookEndpoint implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String ALL = "WebhookEndpoint.all";
    public static final String ACTIVE = "WebhookEndpoint.active";
    public static final int NAME_LENGTH = 100;
    public static final int URL_LENGTH = 2000;
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @SequenceGenerator(name = "crm_webhook_endpoint_seq", sequenceName = "crm_webhook_endpoint_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_webhook_endpoint_seq")
    private Long id;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(nullable = false, length = URL_LENGTH)
    private String url;

    /** The subscribed events' types, comma-separated ({@code subject.created,subject.moved}). */
    @Column(nullable = false, length = 500)
    private String events;

    @JsonbTransient
    @Column(nullable = false, length = 100)
    private String secret;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 60, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 60)
    private String updatedBy;

    @Version
    private long version;

    protected WebhookEndpoint() {
        // for JPA
    }

    public WebhookEndpoint(String name, String url, Collection<String> events, boolean active, OffsetDateTime at,
                           String by) {
        edit(name, url, events, active, at, by);
        this.createdAt = at;
        this.createdBy = by;
        renewSecret();
    }

    /** @throws BusinessException when the name, the address or the events break a rule */
    public final void edit(String name, String url, Collection<String> events, boolean active, OffsetDateTime at,
                           String by) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "webhook.name.required", "name");
        }
        if (trimmed.length() > NAME_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "webhook.name.tooLong", "name",
                    NAME_LENGTH);
        }
        if (Text.forbiddenAt(trimmed) >= 0) {
            throw new BusinessException(BusinessException.Kind.INVALID, "webhook.name.invalid", "name");
        }
        this.name = trimmed;
        this.url = checkedUrl(url);
        this.events = subscribed(events).stream().map(WebhookEvent::type).collect(Collectors.joining(","));
        this.active = active;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /** A new secret (the old one no longer signs); the caller shows it once. */
    public final String renewSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        secret = "whsec_" + HexFormat.of().formatHex(bytes);
        return secret;
    }

    /** An http or https address with a host, no credentials, no fragment, at most {@link #URL_LENGTH} long. */
    static String checkedUrl(String url) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "webhook.url.required", "url");
        }
        if (trimmed.length() > URL_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "webhook.url.tooLong", "url", URL_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "webhook.url.invalid", "url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BusinessException(BusinessException.Kind.INVALID, "webhook.url.scheme", "url");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new BusinessException(BusinessException.Kind.INVALID, "webhook.url.credentials", "url");
        }
        if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawFragment() != null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "webhook.url.invalid", "url");
        }
        return trimmed;
    }

    static Set<WebhookEvent> subscribed(Collection<String> types) {
        if (types == null || types.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "webhook.events.required", "events");
        }
        Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
        for (String type : new LinkedHashSet<>(types)) {
            WebhookEvent event = type == null ? null : WebhookEvent.ofType(type.strip()).orElse(null);
            if (event == null || !event.isSubscribable()) {
                throw new BusinessException(BusinessException.Kind.INVALID, "webhook.events.unknown", "events",
                        type == null ? "null" : Text.forbiddenAt(type) >= 0 ? "?" : abbreviated(type));
            }
            chosen.add(event);
        }
        return chosen;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    public boolean wants(WebhookEvent event) {
        return event == WebhookEvent.TEST || events().contains(event);
    }

    public Set<WebhookEvent> events() {
        Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
        for (String type : events.split(",")) {
            WebhookEvent.ofType(type).ifPresent(set::add);
        }
        return set;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    /** Only to sign deliveries: never into an answer, a page or a log. */
    @JsonbTransient
    public String getSecret() {
        return secret;
    }

    public boolean isActive() {
        return active;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        // Never the secret.
        return "WebhookEndpoint[" + id + " " + url + "]";
    }
}
