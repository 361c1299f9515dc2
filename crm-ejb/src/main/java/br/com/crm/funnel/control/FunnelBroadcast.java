package br.com.crm.funnel.control;

import br.com.crm.funnel.boundary.FunnelChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Passes committed funnel changes on to whoever listens (the web module pushes them to open boards).
 * <p>
 * A registry rather than a CDI observer in the web module: in an EAR, events fired in the EJB module do not reach
 * observers in the WAR, while the WAR does see this bean.
 */
@ApplicationScoped
public class FunnelBroadcast {

    private final List<Consumer<FunnelChanged>> listeners = new CopyOnWriteArrayList<>();

    public void listen(Consumer<FunnelChanged> listener) {
        listeners.add(listener);
    }

    /** Only after the commit: a rolled-back change must not flicker on anybody's board. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FunnelChanged change) {
        listeners.forEach(listener -> listener.accept(change));
    }
}
