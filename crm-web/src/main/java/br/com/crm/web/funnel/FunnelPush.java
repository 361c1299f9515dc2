package br.com.crm.web.funnel;

import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.omnifaces.cdi.Push;
import org.omnifaces.cdi.PushContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells every open funnel and list (web socket channel {@code funnel}) what changed (with the columns it
 * touched), so each reloads when a change concerns it, ignores what it does not show and skips its own changes (a
 * board that made a move has already drawn it). Only the board is re-rendered: open dialogs and what is typed in them stay.
 */
@ApplicationScoped
public class FunnelPush {

    static final String CHANNEL = "funnel";

    @Inject
    @Push(channel = CHANNEL)
    PushContext funnel;

    @Inject
    Changes changes;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        changes.listen(batch -> {
            List<Map<String, Object>> shown = batch.stream().filter(c -> c.kind().showsOnBoard())
                    .map(FunnelPush::message).toList();
            if (!shown.isEmpty()) {
                funnel.send(shown);
            }
        });
    }

    /** What a page needs to decide: only ids and names, never a subject's text (the channel is everyone's). */
    static Map<String, Object> message(Change change) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", change.kind().name());
        message.put("stages", List.copyOf(change.stages()));
        message.put("subjects", List.copyOf(change.subjects()));
        message.put("many", change.many());
        message.put("origin", change.origin() == null ? "" : change.origin());
        return message;
    }
}
