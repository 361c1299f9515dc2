package br.com.crm.webhook.entity;

/**
 * A delivery's way out: queued, being posted, delivered (the receiver answered 2xx); or failed after its last
 * attempt (an administrator may resend it).
 */
public enum DeliveryStatus {
    QUEUED, SENDING, DELIVERED, FAILED
}
