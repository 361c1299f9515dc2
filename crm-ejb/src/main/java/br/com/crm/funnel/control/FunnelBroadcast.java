package br.com.crm.funnel.control;

import br.com.crm.funnel.boundary.FunnelChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Passes committed funnel changes on to whoever listens (the web module pushes them to open boards).
 * <p>
 * A registry rather than a CDI observer in the web module: in an EAR, events fired in the EJB module do not reach
 * observers in the WAR, while the WAR does see this bean. Changes that commit within {@link #COALESCE_MILLIS} of
 * each other go out as one: an import of 1,000 subjects makes open boards reload once, not 1,000 times.
 */
@ApplicationScoped
public class FunnelBroadcast {

    static final long COALESCE_MILLIS = 200;

    private final List<Consumer<FunnelChanged>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean();

    @Resource
    ManagedScheduledExecutorService scheduler;

    public void listen(Consumer<FunnelChanged> listener) {
        listeners.add(listener);
    }

    /** Only after the commit: a rolled-back change must not flicker on anybody's board. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FunnelChanged change) {
        if (pending.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                pending.set(false);
                listeners.forEach(listener -> listener.accept(new FunnelChanged()));
            }, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
