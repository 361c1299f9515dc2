package br.com.crm.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One event for one endpoint: the JSON document written when the change was made (so a deleted record's last
 * state is what goes out), its delivery id (the same on every attempt: the receiver deduplicates on it), and how
 * its delivery went. Deliveries of one endpoint about one subject go out in the order they were queued: none
 * leaves while an earlier one of the same endpoint and subject is still queued or being posted.
 */
@Entity
@Table(name = "crm_webhook_delivery")
@NamedQuery(name = WebhookDelivery.DUE, query = "select d.id from WebhookDelivery d, WebhookEndpoint p "
        + "where p.id = d.endpointId and p.active = :active and (d.status = br.com.crm.webhook.entity.DeliveryStatus.QUEUED "
        + "or d.status = br.com.crm.webhook.entity.DeliveryStatus.SENDING) and d.nextAttemptAt <= :now "
        + "and not exists (select e.id from WebhookDelivery e where e.endpointId = d.endpointId "
        + "and e.subjectId = d.subjectId "
        + "and (e.status = br.com.crm.webhook.entity.DeliveryStatus.QUEUED "
        + "or e.status = br.com.crm.webhook.entity.DeliveryStatus.SENDING) "
        + "and (e.createdAt < d.createdAt or (e.createdAt = d.createdAt and e.id < d.id))) "
        + "order by d.createdAt, d.id")
@NamedQuery(name = WebhookDelivery.EARLIER_PENDING, query = "select count(e.id) from WebhookDelivery e "
        + "where e.endpointId = :endpoint and e.subjectId = :subject "
        + "and (e.status = br.com.crm.webhook.entity.DeliveryStatus.QUEUED "
        + "or e.status = br.com.crm.webhook.entity.DeliveryStatus.SENDING) "
        + "and (e.createdAt < :at or (e.createdAt = :at and e.id < :id))")
@NamedQuery(name = WebhookDelivery.OF_ENDPOINT, query = "select d from WebhookDelivery d "
        + "where d.endpointId = :endpoint order by d.createdAt desc, d.id desc")
@NamedQuery(name = WebhookDelivery.DELIVERED_BEFORE, query = "delete from WebhookDelivery d "
        + "where d.status = br.com.crm.webhook.entity.DeliveryStatus.DELIVERED and d.createdAt < :before")
public class WebhookDelivery implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Due deliveries ({@code now}; {@code active} true: a boolean literal beside enum ones fails on H2). */
    public static final String DUE = "WebhookDelivery.due";
    /** Deliveries of the same endpoint and subject queued before this one and not yet done with. */
    public static final String EARLIER_PENDING = "WebhookDelivery.earlierPending";
    /** An endpoint's deliveries, latest first. */
    public static final String OF_ENDPOINT = "WebhookDelivery.ofEndpoint";
    public static final String DELIVERED_BEFORE = "WebhookDelivery.deliveredBefore";
    public static final int PAYLOAD_LENGTH = 1_000_000;
    public static final int ANSWER_LENGTH = 2000;
    public static final int ERROR_LENGTH = 1000;

    @Id
    @SequenceGenerator(name = "crm_webhook_delivery_seq", sequenceName = "crm_webhook_delivery_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_webhook_delivery_seq")
    private Long id;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    private Long endpointId;

    @Column(name = "delivery_id", nullable = false, length = 36, updatable = false)
    private String deliveryId;

    @Column(name = "event_type", nullable = false, length = 40, updatable = false)
    private String eventType;

    /** The subject the event is about (kept after the subject is deleted), else {@code null}. */
    @Column(name = "subject_id", updatable = false)
    private Long subjectId;

    @Column(nullable = false, length = PAYLOAD_LENGTH, updatable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    /** The receiver's HTTP status of the last attempt; {@code null} when it was not reached. */
    @Column(name = "last_status")
    private Integer lastStatus;

    /** The beginning of the receiver's last answer, as text. */
    @Column(name = "last_answer", length = ANSWER_LENGTH)
    private String lastAnswer;

    /** Why the last attempt failed, when the receiver was not reached or did not answer 2xx. */
    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    @Column(name = "last_attempt_at")
    private OffsetDateTime lastAttemptAt;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected WebhookDelivery() {
        // for JPA
    }

    public WebhookDelivery(long endpointId, String deliveryId, WebhookEvent event, Long subjectId, String payload,
                           OffsetDateTime at) {
        this.endpointId = endpointId;
        this.deliveryId = deliveryId;
        this.eventType = event.type();
        this.subjectId = subjectId;
        this.payload = payload;
        this.status = DeliveryStatus.QUEUED;
        this.nextAttemptAt = at;
        this.createdAt = at;
    }

    /**
     * Taken by one sender: no other takes it until {@code lease} has passed (a sender that died while posting
     * leaves it to be taken again, with the same delivery id).
     */
    public boolean claim(OffsetDateTime now, Duration lease) {
        boolean due = (status == DeliveryStatus.QUEUED || status == DeliveryStatus.SENDING)
                && !nextAttemptAt.isAfter(now);
        if (due) {
            status = DeliveryStatus.SENDING;
            attempts++;
            nextAttemptAt = now.plus(lease);
            lastAttemptAt = now;
        }
        return due;
    }

    public void delivered(int httpStatus, String answer, OffsetDateTime at) {
        status = DeliveryStatus.DELIVERED;
        deliveredAt = at;
        lastStatus = httpStatus;
        lastAnswer = bounded(answer, ANSWER_LENGTH);
        lastError = null;
    }

    /**
     * The attempt failed ({@code httpStatus} {@code null}: the receiver was not reached): try again after
     * {@code retryAfter}, or give up ({@code null}) and keep what the receiver said.
     */
    public void failed(Integer httpStatus, String answer, String error, OffsetDateTime now, Duration retryAfter) {
        lastStatus = httpStatus;
        lastAnswer = bounded(answer, ANSWER_LENGTH);
        lastError = bounded(error, ERROR_LENGTH);
        if (retryAfter == null) {
            status = DeliveryStatus.FAILED;
        } else {
            status = DeliveryStatus.QUEUED;
            nextAttemptAt = now.plus(retryAfter);
        }
    }

    /** A failed delivery sent again on an administrator's request: same delivery id, the attempts start over. */
    public boolean resend(OffsetDateTime now) {
        if (status != DeliveryStatus.FAILED) {
            return false;
        }
        status = DeliveryStatus.QUEUED;
        attempts = 0;
        nextAttemptAt = now;
        return true;
    }

    static String bounded(String text, int length) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "?");
        return clean.length() <= length ? clean : clean.substring(0, length - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Long getEndpointId() {
        return endpointId;
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public String getEventType() {
        return eventType;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getPayload() {
        return payload;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastAnswer() {
        return lastAnswer;
    }

    public String getLastError() {
        return lastError;
    }

    public OffsetDateTime getLastAttemptAt() {
        return lastAttemptAt;
    }

    public OffsetDateTime getDeliveredAt() {
        return deliveredAt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
