package br.com.crm.webhook.control;

import br.com.crm.activity.boundary.ActivityJson;
import br.com.crm.activity.entity.Activity;
import br.com.crm.customer.boundary.CustomerJson;
import br.com.crm.customer.entity.Customer;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Cluster;
import br.com.crm.kernel.Jsonp;
import br.com.crm.proposal.boundary.ProposalJson;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.proposal.entity.ProposalStatus;
import br.com.crm.subject.boundary.SubjectBatch;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.subject.boundary.SubjectJson;
import br.com.crm.subject.boundary.SubjectRemoval;
import br.com.crm.subject.entity.Outcome;
import br.com.crm.subject.entity.Subject;
import br.com.crm.webhook.entity.WebhookDelivery;
import br.com.crm.webhook.entity.WebhookEndpoint;
import br.com.crm.webhook.entity.WebhookEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Queues the events of every change for the endpoints that asked for them: synchronously, inside the change's
 * transaction (as the audit trail), so a rolled-back change sends nothing and a committed one cannot lose its
 * event. The record goes in as the REST API shows it (the same record types), read now: a deleted subject's last
 * state is read just before its deletion ({@link SubjectRemoval}).
 * <p>
 * A change another server of the cluster made arrives here too, outside any transaction: that server queued it.
 * A change of more subjects than it names ({@code many}) is queued from the {@link SubjectBatch} that names them
 * all.
 */
@Dependent
public class WebhookQueue {

    /** Fired in a transaction that queued deliveries: once it commits, the sender need not wait for its round. */
    public record Queued() {
    }

    private static final int CHUNK = 500;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    Cluster cluster;

    @Inject
    CurrentCaller caller;

    @Inject
    Event<Queued> queued;

    Clock clock = Clock.systemUTC();

    void changed(@Observes Change change) {
        if (!cluster.member().equals(change.member()) || change.many()) {
            return;
        }
        switch (change.kind()) {
            case SUBJECT_CREATED, SUBJECTS_IMPORTED, SUBJECT_MOVED, SUBJECT_CLOSED, SUBJECT_ARCHIVED ->
                    subjects(change.kind(), change.subjects(), change.user(), change.at());
            case ACTIVITY_DONE -> record(WebhookEvent.ACTIVITY_DONE, change, Activity.class);
            case PROPOSAL_SENT -> record(WebhookEvent.PROPOSAL_SENT, change, Proposal.class);
            case PROPOSAL_ANSWERED -> record(null, change, Proposal.class);
            case CUSTOMER_CREATED -> record(WebhookEvent.CUSTOMER_CREATED, change, Customer.class);
            default -> {
                // not an event endpoints can ask for
            }
        }
    }

    void batch(@Observes SubjectBatch batch) {
        subjects(batch.kind(), batch.subjectIds(), caller.name(), Instant.now(clock));
    }

    /** The subjects' last state, while they still exist. */
    void removing(@Observes SubjectRemoval removal) {
        List<WebhookEndpoint> endpoints = endpoints(WebhookEvent.SUBJECT_DELETED);
        if (endpoints.isEmpty()) {
            return;
        }
        String actor = caller.name();
        Instant at = Instant.now(clock);
        for (Subject subject : read(removal.subjectIds())) {
            queueRecord(endpoints, WebhookEvent.SUBJECT_DELETED, subject.getId(), actor, at,
                    SubjectJson.of(subject));
        }
    }

    /** A test event for one endpoint, whatever it subscribed to. */
    public WebhookDelivery test(WebhookEndpoint endpoint, String actor) {
        JsonObjectBuilder data = Jsonp.createObjectBuilder().add("endpointId", endpoint.getId())
                .add("name", endpoint.getName());
        return queue(List.of(endpoint), WebhookEvent.TEST, null, actor, Instant.now(clock),
                data.build().toString()).get(0);
    }

    private void subjects(Change.Kind kind, Collection<Long> ids, String actor, Instant at) {
        if (kind == Change.Kind.SUBJECT_CLOSED) {
            List<WebhookEndpoint> won = endpoints(WebhookEvent.SUBJECT_WON);
            List<WebhookEndpoint> lost = endpoints(WebhookEvent.SUBJECT_LOST);
            if (won.isEmpty() && lost.isEmpty()) {
                return;
            }
            for (Subject subject : read(ids)) {
                boolean isWon = subject.getOutcome() == Outcome.WON;
                queueRecord(isWon ? won : lost, isWon ? WebhookEvent.SUBJECT_WON : WebhookEvent.SUBJECT_LOST,
                        subject.getId(), actor, at, SubjectJson.of(subject));
            }
            return;
        }
        WebhookEvent event = switch (kind) {
            case SUBJECT_CREATED, SUBJECTS_IMPORTED -> WebhookEvent.SUBJECT_CREATED;
            case SUBJECT_MOVED -> WebhookEvent.SUBJECT_MOVED;
            case SUBJECT_ARCHIVED -> WebhookEvent.SUBJECT_ARCHIVED;
            case SUBJECT_DELETED -> null; // queued from SubjectRemoval, while the subjects existed
            default -> null;
        };
        if (event == null) {
            return;
        }
        List<WebhookEndpoint> endpoints = endpoints(event);
        if (endpoints.isEmpty()) {
            return;
        }
        for (Subject subject : read(ids)) {
            queueRecord(endpoints, event, subject.getId(), actor, at, SubjectJson.of(subject));
        }
    }

    /** An event about the change's record ({@code null}: a proposal's answer, named by the proposal's status). */
    private <T> void record(WebhookEvent asked, Change change, Class<T> type) {
        if (change.record() == null) {
            return;
        }
        boolean wanted = asked != null ? !endpoints(asked).isEmpty()
                : !endpoints(WebhookEvent.PROPOSAL_ACCEPTED).isEmpty()
                || !endpoints(WebhookEvent.PROPOSAL_REJECTED).isEmpty();
        if (!wanted) {
            return;
        }
        em.flush();
        T record = em.find(type, change.record());
        if (record == null) {
            return;
        }
        // As the API reads it back: the database's precision of times, not the clock's.
        em.refresh(record);
        WebhookEvent event = asked;
        Object json;
        Long subject = change.subjects().size() == 1 ? change.subjects().iterator().next() : null;
        if (record instanceof Activity activity) {
            json = ActivityJson.of(activity);
            subject = activity.getSubjectId();
        } else if (record instanceof Proposal proposal) {
            json = ProposalJson.of(proposal);
            subject = proposal.getSubjectId();
            if (event == null) {
                event = proposal.getStatus() == ProposalStatus.ACCEPTED ? WebhookEvent.PROPOSAL_ACCEPTED
                        : proposal.getStatus() == ProposalStatus.REJECTED ? WebhookEvent.PROPOSAL_REJECTED : null;
            }
        } else {
            json = CustomerJson.of((Customer) record);
            subject = null;
        }
        if (event == null) {
            return;
        }
        List<WebhookEndpoint> endpoints = endpoints(event);
        if (!endpoints.isEmpty()) {
            queueRecord(endpoints, event, subject, change.user(), change.at(), json);
        }
    }

    /** The subjects as the API reads them (one of this transaction read back, many a chunk at a time). */
    private List<Subject> read(Collection<Long> ids) {
        em.flush();
        List<Long> all = List.copyOf(ids);
        List<Subject> subjects = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Subject> read = em.createQuery("select s from Subject s join fetch s.customer "
                            + "join fetch s.stage join fetch s.responsible where s.id in :ids order by s.id",
                            Subject.class)
                    .setParameter("ids", chunk).setHint(SubjectFilter.BIND_PARAMETERS, "True").getResultList();
            if (all.size() == 1) {
                // A subject of this transaction keeps the clock's precision of times until read back.
                read.forEach(em::refresh);
            }
            subjects.addAll(read);
        }
        return subjects;
    }

    private List<WebhookEndpoint> endpoints(WebhookEvent event) {
        return em.createNamedQuery(WebhookEndpoint.ACTIVE, WebhookEndpoint.class).getResultStream()
                .filter(e -> e.wants(event)).toList();
    }

    private void queueRecord(List<WebhookEndpoint> endpoints, WebhookEvent event, Long subject, String actor,
                             Instant at, Object record) {
        queue(endpoints, event, subject, actor, at, JSONB.toJson(record));
    }

    private List<WebhookDelivery> queue(List<WebhookEndpoint> endpoints, WebhookEvent event, Long subject,
                                        String actor, Instant at, String data) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        String payload = envelope(UUID.randomUUID().toString(), event, at, actor, data);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (WebhookEndpoint endpoint : endpoints) {
            WebhookDelivery delivery = new WebhookDelivery(endpoint.getId(), UUID.randomUUID().toString(), event,
                    subject, payload, now);
            em.persist(delivery);
            deliveries.add(delivery);
        }
        queued.fire(new Queued());
        return deliveries;
    }

    /** The event as a receiver reads it: {@code id, type, time, actor, data} (the record as the API shows it). */
    static String envelope(String id, WebhookEvent event, Instant at, String actor, String data) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder().add("id", id).add("type", event.type())
                .add("time", at.toString());
        if (actor == null) {
            json.addNull("actor");
        } else {
            json.add("actor", actor);
        }
        try (JsonReader reader = Jsonp.createReader(new StringReader(data))) {
            json.add("data", reader.readValue());
        }
        return json.build().toString();
    }
}
