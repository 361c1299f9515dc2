package br.com.crm.web.funnel;

import br.com.crm.funnel.control.FunnelBroadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.omnifaces.cdi.Push;
import org.omnifaces.cdi.PushContext;

/**
 * Tells every open funnel (web socket channel {@code funnel}) that something changed, so it reloads its columns
 * without a reload of the page. Only the board is re-rendered: open dialogs and what is typed in them stay.
 */
@ApplicationScoped
public class FunnelPush {

    static final String CHANNEL = "funnel";
    static final String CHANGED = "changed";

    @Inject
    @Push(channel = CHANNEL)
    PushContext funnel;

    @Inject
    FunnelBroadcast broadcast;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        broadcast.listen(change -> funnel.send(CHANGED));
    }
}
