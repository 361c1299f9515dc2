package br.com.crm.web.activity;

import br.com.crm.activity.boundary.Activities;
import br.com.crm.activity.entity.Activity;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/** Minhas ações: the user's open activities across subjects, overdue, today's and upcoming, done in place. */
@Named
@ViewScoped
public class AgendaBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int LIMIT = 200;

    @Inject
    Activities activities;

    @Inject
    Feedback feedback;

    private List<Activity> overdue;
    private List<Activity> today;
    private List<Activity> upcoming;
    private final Calendar calendar = new Calendar();
    private final DoneDialog done = new DoneDialog();

    @PostConstruct
    public void load() {
        LocalDate day = LocalDate.now(BusinessCalendar.ZONE);
        OffsetDateTime startOfToday = day.atStartOfDay(BusinessCalendar.ZONE).toOffsetDateTime();
        OffsetDateTime startOfTomorrow = day.plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toOffsetDateTime();
        String me = Faces.getRemoteUser();
        overdue = activities.search(me, false, null, startOfToday, LIMIT);
        today = activities.search(me, false, startOfToday, startOfTomorrow, LIMIT);
        upcoming = activities.search(me, false, startOfTomorrow, null, LIMIT);
    }

    /** The "done" dialog's confirmation: only an activity this page shows is completed here. */
    public void complete() {
        done.complete(Stream.of(overdue, today, upcoming).flatMap(List::stream).toList(), activities, feedback);
        load();
    }

    /**
     * The same activities as a calendar (week and month): each view asks for its own range, so a month costs one
     * query. Done ones show too, greyed.
     */
    public final class Calendar extends LazyScheduleModel {
        private static final long serialVersionUID = 1L;

        @Override
        public void loadEvents(LocalDateTime start, LocalDateTime end) {
            for (Activity a : activities.search(Faces.getRemoteUser(), null,
                    start.atZone(BusinessCalendar.ZONE).toOffsetDateTime(), end.atZone(BusinessCalendar.ZONE).toOffsetDateTime(),
                    500)) {
                LocalDateTime at = a.getDueAt().atZoneSameInstant(BusinessCalendar.ZONE).toLocalDateTime();
                addEvent(DefaultScheduleEvent.builder()
                        .title(Feedback.format(Faces.getResourceBundle("msg"), "activity.kind." + a.getKind()) + ": "
                                + a.getSubject().getTitle())
                        .startDate(at).endDate(at.plusMinutes(30))
                        .url(Faces.getRequestContextPath() + "/subject/view.xhtml?id=" + a.getSubjectId())
                        .styleClass(a.isDone() ? "crm-event-done"
                                : "crm-event-" + Activities.urgency(a.getDueAt(), LocalDate.now(BusinessCalendar.ZONE)))
                        .build());
            }
        }
    }

    public Calendar getCalendar() {
        return calendar;
    }

    public List<Activity> getOverdue() {
        return overdue;
    }

    public List<Activity> getToday() {
        return today;
    }

    public List<Activity> getUpcoming() {
        return upcoming;
    }

    public DoneDialog getDone() {
        return done;
    }
}
