package br.com.crm.webhook.entity;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint can ask for, by the type a receiver reads in the event ({@code subject.moved}). */
public enum WebhookEvent {
    SUBJECT_CREATED("subject.created"),
    SUBJECT_MOVED("subject.moved"),
    SUBJECT_WON("subject.won"),
    SUBJECT_LOST("subject.lost"),
    SUBJECT_ARCHIVED("subject.archived"),
    SUBJECT_DELETED("subject.deleted"),
    ACTIVITY_DONE("activity.done"),
    PROPOSAL_SENT("proposal.sent"),
    PROPOSAL_ACCEPTED("proposal.accepted"),
    PROPOSAL_REJECTED("proposal.rejected"),
    CUSTOMER_CREATED("customer.created"),
    /** Sent on request from the settings page or the API to try an endpoint; never subscribed. */
    TEST("webhook.test");

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    /** Whether an endpoint may subscribe to it (all but the test event). */
    public boolean isSubscribable() {
        return this != TEST;
    }

    public static Optional<WebhookEvent> ofType(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }
}
