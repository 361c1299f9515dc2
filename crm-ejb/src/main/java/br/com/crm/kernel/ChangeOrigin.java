package br.com.crm.kernel;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Where the current request acts from, set by the web module before it calls a boundary: the open view (a board, a
 * list), so the change events of this request name it and that view is not pushed its own change; and the door
 * (page or API) and client address, for the audit trail.
 */
@RequestScoped
public class ChangeOrigin {

    private String view;
    private AuditEvent.Origin channel;
    private String address;

    public void actingFrom(String view) {
        this.view = view;
    }

    /** The request came through this door from this client address. */
    public void through(AuditEvent.Origin door, String clientAddress) {
        this.channel = door;
        this.address = clientAddress;
    }

    public String view() {
        return view;
    }

    /** The door of the request; background work (timers, the outbox) has none: {@link AuditEvent.Origin#TIMER}. */
    public AuditEvent.Origin channel() {
        return channel == null ? AuditEvent.Origin.TIMER : channel;
    }

    public String address() {
        return address;
    }

    /** The view of the current request; {@code null} outside a request (timers, the outbox) or when none was set. */
    public static String of(Instance<ChangeOrigin> origin) {
        ChangeOrigin current = current(origin);
        return current == null ? null : current.view();
    }

    /** The origin of the current request, or {@code null} outside any request. */
    public static ChangeOrigin current(Instance<ChangeOrigin> origin) {
        try {
            ChangeOrigin current = origin.get();
            current.view(); // a client proxy: only a call shows whether the context is active
            return current;
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
