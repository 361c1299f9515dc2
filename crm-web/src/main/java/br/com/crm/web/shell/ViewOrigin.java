package br.com.crm.web.shell;

import br.com.crm.kernel.ChangeOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.inject.Named;

import java.util.UUID;

/**
 * Names each open view (a board, a list) with a random key kept in its view scope, and tells the boundaries which view
 * every postback acts from ({@link ChangeOrigin}). The change events of that request then carry the key, and the
 * page that made a change does not reload for its own push.
 */
@Named
@ApplicationScoped
public class ViewOrigin {

    static final String KEY = "crm.viewOrigin";

    /** The key of the view being rendered, made on its first render (pages write it as {@code data-view}). */
    public String getKey() {
        UIViewRoot view = FacesContext.getCurrentInstance().getViewRoot();
        return (String) view.getViewMap().computeIfAbsent(KEY, k -> UUID.randomUUID().toString());
    }

    /** Registered in faces-config: after the view of a postback is restored, its key is the request's origin. */
    public static class Listener implements PhaseListener {

        private static final long serialVersionUID = 1L;

        @Override
        public void afterPhase(PhaseEvent event) {
            FacesContext context = event.getFacesContext();
            if (!context.isPostback() || context.getViewRoot() == null) {
                return;
            }
            var scope = context.getViewRoot().getViewMap(false);
            Object key = scope == null ? null : scope.get(KEY);
            if (key != null) {
                CDI.current().select(ChangeOrigin.class).get().actingFrom(key.toString());
            }
        }

        @Override
        public void beforePhase(PhaseEvent event) {
            // the view is not restored yet
        }

        @Override
        public PhaseId getPhaseId() {
            return PhaseId.RESTORE_VIEW;
        }
    }
}
