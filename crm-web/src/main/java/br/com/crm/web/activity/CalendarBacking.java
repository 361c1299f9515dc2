package br.com.crm.web.activity;

import br.com.crm.activity.boundary.ActivityCalendar;
import br.com.crm.web.shell.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;

/**
 * The user menu's "Calendário": the address of the user's private calendar feed, to paste into Outlook, Google
 * Calendar or Thunderbird, and a new address when the old one went where it should not.
 */
@Named
@RequestScoped
public class CalendarBacking {

    @Inject
    ActivityCalendar calendar;

    @Inject
    Feedback feedback;

    private String url;

    /** The feed's address, {@code null} until the user makes one. */
    public String getUrl() {
        if (url == null) {
            url = calendar.token().map(token -> CalendarServlet.feedUrl(Faces.getRequest(), token)).orElse(null);
        }
        return url;
    }

    /** A new address; the page shows it after a redirect (a reload does not make another). */
    public void renew() throws IOException {
        if (feedback.attempt(calendar::renew) != null) {
            feedback.infoAfterRedirect("calendar.renewed");
            Faces.redirect(Faces.getRequestContextPath() + "/account/calendar.xhtml");
        }
    }
}
