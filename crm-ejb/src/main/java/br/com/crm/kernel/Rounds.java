package br.com.crm.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background work done one round at a time on this server (the e-mail outbox, the webhook sender): a call while a
 * round runs does not start a second one beside it but asks the running one for one more round, so nothing queued
 * meanwhile waits for the next timer. A round that fails is logged and left to the next call.
 */
public final class Rounds {

    private static final Logger LOG = Logger.getLogger(Rounds.class.getName());

    private final String name;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** @param name what the log calls the work ("outbox", "webhook") */
    public Rounds(String name) {
        this.name = name;
    }

    public void run(Runnable round) {
        again.set(true);
        while (again.getAndSet(false)) {
            if (!running.compareAndSet(false, true)) {
                again.set(true);
                return;
            }
            try {
                round.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The " + name + " round stopped; the next one tries again", e);
            } finally {
                running.set(false);
            }
        }
    }
}
