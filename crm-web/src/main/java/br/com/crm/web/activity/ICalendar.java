package br.com.crm.web.activity;

import br.com.crm.activity.boundary.ActivityCalendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Activities written as an iCalendar document (RFC 5545): what Outlook, Google Calendar and Thunderbird subscribe
 * to or open. Each activity is an event of {@link #LENGTH} at its due time (in UTC), titled with its kind, what
 * to do and its subject, described with the subject, the customer, its result and a link back to the subject's page;
 * a done one is marked (✓ in the title, free time). Text is escaped and long lines folded as the RFC says; a
 * parser reads it back in the tests (ical4j).
 * <p>
 * Written by hand rather than with a library: it is a few properties of one component, and ical4j would bring its
 * own dependencies into the module.
 */
public final class ICalendar {

    public static final String CONTENT_TYPE = "text/calendar;charset=UTF-8";

    /** How long an activity's event lasts in the calendar (activities have a due time, not a length). */
    static final Duration LENGTH = Duration.ofMinutes(30);

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();
    private final ResourceBundle bundle;
    private final String subjectUrl;
    private final String host;

    /**
     * @param subjectUrl the address of a subject's page without its id ({@code https://…/crm/subject/view.xhtml?id=})
     * @param host       the server's name, for the events' unique ids
     */
    private ICalendar(ResourceBundle bundle, String subjectUrl, String host) {
        this.bundle = bundle;
        this.subjectUrl = subjectUrl;
        this.host = host;
    }

    /** A calendar of these events named {@code name}, as calendar programs expect a subscribed feed. */
    public static String of(String name, List<ActivityCalendar.Event> events, ResourceBundle bundle,
                            String subjectUrl, String host) {
        ICalendar calendar = new ICalendar(bundle, subjectUrl, host);
        calendar.line("BEGIN", "VCALENDAR");
        calendar.line("VERSION", "2.0");
        calendar.line("PRODID", "-//crm//CRM//PT-BR");
        calendar.line("CALSCALE", "GREGORIAN");
        calendar.text("X-WR-CALNAME", name);
        // How often subscribers fetch it again (Outlook and Apple read these).
        calendar.line("REFRESH-INTERVAL;VALUE=DURATION", "PT30M");
        calendar.line("X-PUBLISHED-TTL", "PT30M");
        Instant now = Instant.now();
        events.forEach(event -> calendar.event(event, now));
        calendar.line("END", "VCALENDAR");
        return calendar.out.toString();
    }

    private void event(ActivityCalendar.Event event, Instant now) {
        boolean done = event.doneAt() != null;
        String kind = bundle.getString("activity.kind." + event.kind().name());
        line("BEGIN", "VEVENT");
        line("UID", "activity-" + event.id() + "@" + host);
        line("DTSTAMP", UTC.format(now));
        line("DTSTART", UTC.format(event.dueAt()));
        line("DTEND", UTC.format(event.dueAt().plus(LENGTH)));
        if (event.updatedAt() != null) {
            line("LAST-MODIFIED", UTC.format(event.updatedAt()));
        }
        text("SUMMARY", (done ? "✓ " : "") + kind + ": " + event.description() + " · " + event.subject());
        StringBuilder description = new StringBuilder()
                .append(bundle.getString("calendar.subject")).append(": ").append(event.subject()).append('\n')
                .append(bundle.getString("calendar.customer")).append(": ").append(event.customer());
        if (done) {
            description.append('\n').append(bundle.getString("calendar.done")).append(": ")
                    .append(UTC.format(event.doneAt()));
            if (event.result() != null && !event.result().isBlank()) {
                description.append('\n').append(event.result());
            }
        }
        description.append('\n').append(subjectUrl).append(event.subjectId());
        text("DESCRIPTION", description.toString());
        text("CATEGORIES", kind);
        line("URL", subjectUrl + event.subjectId());
        line("STATUS", "CONFIRMED");
        line("TRANSP", done ? "TRANSPARENT" : "OPAQUE");
        line("END", "VEVENT");
    }

    /** A property whose value is text: backslashes, separators and line breaks escaped. */
    private void text(String name, String value) {
        line(name, value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"));
    }

    /** A content line, folded after 75 octets (never inside a character), ended by CRLF. */
    private void line(String name, String value) {
        String line = name + ":" + value;
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
