package br.com.crm.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many HTTP sessions this server holds, for the administrators' health details: the figure that shows
 * anonymous visitors create none, and that ended sessions are let go.
 */
@ApplicationScoped
public class OpenSessions {

    private final AtomicInteger open = new AtomicInteger();

    public int count() {
        return open.get();
    }

    /** The servlet container's side: sessions as they start and end. */
    @WebListener
    public static class Listener implements HttpSessionListener {

        @Inject
        OpenSessions sessions;

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            sessions.open.incrementAndGet();
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            sessions.open.decrementAndGet();
        }
    }
}
