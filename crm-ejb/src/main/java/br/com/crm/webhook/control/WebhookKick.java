package br.com.crm.webhook.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * After a transaction that queued webhook deliveries committed, the sender posts them at once on a container
 * thread: the request that queued them does not wait for any receiver, nor for the next round of the timer. A plain
 * CDI observer, as the e-mail outbox's kick: an EJB business method cannot be called from the transaction's
 * completion.
 */
@ApplicationScoped
public class WebhookKick {

    @Resource
    ManagedExecutorService executor;

    @Inject
    WebhookSender sender;

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookQueue.Queued event) {
        executor.execute(sender::sendDue);
    }
}
