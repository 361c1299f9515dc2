package br.com.crm.kernel;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The open view (a board, a list) the current request acts from, set by the web module before it calls a boundary,
 * so the change events of this request name it and that view is not pushed its own change.
 */
@RequestScoped
public class ChangeOrigin {

    private String view;

    public void actingFrom(String view) {
        this.view = view;
    }

    public String view() {
        return view;
    }

    /** The view of the current request; {@code null} outside a request (timers, the outbox) or when none was set. */
    public static String of(Instance<ChangeOrigin> origin) {
        try {
            return origin.get().view();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
