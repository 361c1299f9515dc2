package br.com.crm.mail.control;

import br.com.crm.mail.boundary.Mails;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * After a transaction that queued e-mails committed, the outbox sends them at once on a container thread: the
 * request that queued them does not wait for the mail server, nor for the next round of the timer. A plain CDI
 * observer: an EJB business method cannot be called from the transaction's completion.
 */
@ApplicationScoped
public class OutboxKick {

    @Resource
    ManagedExecutorService executor;

    @Inject
    Outbox outbox;

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Mails.Queued event) {
        executor.execute(outbox::sendDue);
    }
}
