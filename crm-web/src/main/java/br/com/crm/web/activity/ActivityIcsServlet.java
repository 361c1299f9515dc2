package br.com.crm.web.activity;

import br.com.crm.activity.boundary.ActivityCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.IdParameter;
import br.com.crm.web.shell.Languages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ResourceBundle;

/**
 * One activity as an {@code .ics} for the logged-in user, from the subject's page ({@code /export/activity.ics?id=}):
 * the API's {@code /activities/{id}.ics} takes Basic logins only, so a page's link there asked the browser for a
 * password.
 */
@WebServlet("/export/activity.ics")
public class ActivityIcsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ActivityCalendar calendar;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id = IdParameter.readOrRefuse(request, response);
        if (id == null) {
            return;
        }
        String body;
        try {
            body = ics(calendar, id, request);
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(ICalendar.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"activity-" + id + ".ics\"");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The activity as an iCalendar document, in the request's language, linking back to its subject. */
    public static String ics(ActivityCalendar calendar, long id, HttpServletRequest request) {
        ActivityCalendar.Event event = calendar.event(id);
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, Languages.of(request));
        return ICalendar.of(bundle.getString("calendar.name"), List.of(event), bundle,
                CalendarServlet.subjectUrl(request), request.getServerName());
    }
}
