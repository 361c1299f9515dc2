package br.com.crm.web.activity;

import br.com.crm.activity.boundary.ActivityCalendar;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.Languages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * A user's private calendar feed at {@code /calendar/{token}.ics}, for calendar programs: no login and no session
 * (the token is the credential; web.xml leaves the path open). An unknown token is a plain 404, the same as a
 * path that never existed.
 */
@WebServlet("/calendar/*")
public class CalendarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ActivityCalendar calendar;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String token = path != null && path.startsWith("/") && path.endsWith(".ics")
                ? path.substring(1, path.length() - ".ics".length()) : null;
        Optional<ActivityCalendar.Feed> feed = calendar.feed(token);
        if (feed.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, Languages.of(request));
        String body = ICalendar.of(bundle.getString("calendar.name") + " · " + feed.get().displayName(),
                feed.get().events(), bundle, subjectUrl(request), request.getServerName());
        response.setContentType(ICalendar.CONTENT_TYPE);
        // Private to its holder; calendar programs fetch it again on their own schedule.
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "inline; filename=\"crm.ics\"");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The address of a subject's page without its id, as this request reached the server. */
    public static String subjectUrl(HttpServletRequest request) {
        return root(request) + "/subject/view.xhtml?id=";
    }

    /** The feed's address for {@code token}, as this request reached the server. */
    public static String feedUrl(HttpServletRequest request, String token) {
        return root(request) + "/calendar/" + token + ".ics";
    }

    private static String root(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.indexOf(request.getRequestURI())) + request.getContextPath();
    }
}
