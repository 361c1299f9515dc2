package br.com.crm.webhook.control;

import br.com.crm.kernel.Rounds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts what the webhook queue holds: every {@code crm.webhook.poll-seconds}, and at once after a transaction
 * queued something; one round at a time on this server, several servers sharing the queue safely (each delivery
 * taken under a row lock and a lease, {@link WebhookDeliveries#claim}), as the e-mail {@code Outbox} does. A
 * delivery is taken, posted, then marked: if the server dies between the receiver's answer and the mark, it goes
 * out again after its lease with the same delivery id, which the receiver deduplicates on. A 2xx answer delivers;
 * anything else, a refused connection or a timeout is a failed attempt. Redirects are not followed (the signature
 * was made for the endpoint's address).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final int BATCH = 20;
    /** Rounds of a batch at most per call: a queue that keeps filling is left to the next call. */
    private static final int MAX_BATCHES = 50;
    /** What is kept of the receiver's answer (bytes read; the column holds 2,000 characters). */
    static final int ANSWER_BYTES = 4096;
    static final String USER_AGENT = "crm-webhooks/1";
    private static final Duration FORGET_EVERY = Duration.ofHours(1);

    @Resource
    TimerService timers;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    @ConfigProperty(name = "crm.webhook.poll-seconds", defaultValue = "10")
    long pollSeconds;

    @Inject
    @ConfigProperty(name = "crm.webhook.connect-timeout-seconds", defaultValue = "5")
    long connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "crm.webhook.read-timeout-seconds", defaultValue = "10")
    long readTimeoutSeconds;

    Clock clock = Clock.systemUTC();

    private HttpClient client;
    /** When old deliveries were last removed: once an hour is enough. */
    private volatile Instant forgotten;
    private final Rounds rounds = new Rounds("webhook");

    @PostConstruct
    void schedule() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        timers.createIntervalTimer(pollSeconds * 1000, pollSeconds * 1000, new TimerConfig(null, false));
    }

    @Timeout
    public void poll() {
        Instant now = clock.instant();
        if (forgotten == null || forgotten.isBefore(now.minus(FORGET_EVERY))) {
            forgotten = now;
            try {
                deliveries.forgetOld();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Old webhook deliveries could not be removed; the next hour tries again", e);
            }
        }
        sendDue();
    }

    /** Sends every due delivery, in batches, until none is due. */
    public void sendDue() {
        rounds.run(() -> {
            // A batch whose deliveries were all taken by another server meanwhile ends the round.
            boolean progress;
            int batches = 0;
            do {
                progress = false;
                for (long id : deliveries.due(BATCH)) {
                    progress |= sendOne(id);
                }
            } while (progress && ++batches < MAX_BATCHES);
        });
    }

    /** Whether it took the delivery (and posted it). */
    private boolean sendOne(long id) {
        Optional<WebhookDeliveries.Outgoing> taken = deliveries.claim(id);
        if (taken.isEmpty()) {
            return false;
        }
        WebhookDeliveries.Outgoing outgoing = taken.get();
        HttpResponse<InputStream> response;
        String answer;
        try {
            response = client.send(request(outgoing), HttpResponse.BodyHandlers.ofInputStream());
            answer = excerpt(response.body());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, () -> "Webhook " + outgoing + " not delivered now: " + reason(e));
            deliveries.failed(id, null, null, reason(e));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliveries.failed(id, null, null, "interrupted");
            return true;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            deliveries.delivered(id, status, answer);
        } else {
            LOG.log(Level.INFO, () -> "Webhook " + outgoing + " answered " + status);
            deliveries.failed(id, status, answer, "HTTP " + status);
        }
        return true;
    }

    private HttpRequest request(WebhookDeliveries.Outgoing outgoing) {
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(outgoing.url()))
                .timeout(Duration.ofSeconds(readTimeoutSeconds))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header(Signature.DELIVERY, outgoing.deliveryId())
                .header(Signature.EVENT, outgoing.eventType())
                .header(Signature.TIMESTAMP, Long.toString(timestamp))
                .header(Signature.HEADER, Signature.sign(outgoing.secret(), timestamp, outgoing.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(outgoing.payload(), StandardCharsets.UTF_8))
                .build();
    }

    /** The beginning of the answer, as text; the rest is not read. */
    static String excerpt(InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] start = in.readNBytes(ANSWER_BYTES);
            return start.length == 0 ? null : new String(start, StandardCharsets.UTF_8);
        }
    }

    /** What the page shows of a failed attempt: the exception and its cause, without the stack. */
    static String reason(Exception e) {
        if (e instanceof HttpTimeoutException) {
            return "timeout: " + e.getMessage();
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return cause == e || cause.getMessage() == null ? message
                : message + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }
}
