package br.com.crm.web.activity;

import br.com.crm.activity.boundary.Activities;
import br.com.crm.activity.entity.Activity;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

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
    private Long completing;
    private long completingVersion;
    private String result;

    @PostConstruct
    public void load() {
        LocalDate day = LocalDate.now(Activities.ZONE);
        OffsetDateTime startOfToday = day.atStartOfDay(Activities.ZONE).toOffsetDateTime();
        OffsetDateTime startOfTomorrow = day.plusDays(1).atStartOfDay(Activities.ZONE).toOffsetDateTime();
        String me = Faces.getRemoteUser();
        overdue = activities.search(me, false, null, startOfToday, LIMIT);
        today = activities.search(me, false, startOfToday, startOfTomorrow, LIMIT);
        upcoming = activities.search(me, false, startOfTomorrow, null, LIMIT);
    }

    public void prepareDone(Activity activity) {
        completing = activity.getId();
        completingVersion = activity.getVersion();
        result = null;
    }

    public void complete() {
        feedback.attempt(() -> activities.complete(completing, completingVersion, null, result), "activity.completed");
        load();
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

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }
}
