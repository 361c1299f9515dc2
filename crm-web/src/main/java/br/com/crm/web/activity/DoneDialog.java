package br.com.crm.web.activity;

import br.com.crm.activity.boundary.Activities;
import br.com.crm.activity.entity.Activity;
import br.com.crm.kernel.BusinessException;
import br.com.crm.web.shell.Feedback;

import java.io.Serializable;
import java.util.Collection;

/**
 * The "done" dialog of the subject page and of the agenda: the activity and version that the row's button put in its
 * form (activities.js, with no round trip), and the result typed in it.
 */
public class DoneDialog implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long activity;
    private long version;
    private String result;

    /**
     * Completes the dialog's activity if it is one of those the page shows (the form's fields come from the browser);
     * either way the dialog is empty again.
     */
    void complete(Collection<Activity> shown, Activities activities, Feedback feedback) {
        Long id = activity;
        long expected = version;
        String typed = result;
        if (id == null || shown.stream().noneMatch(a -> a.getId().equals(id))) {
            feedback.refused(BusinessException.notFound("activity", id == null ? 0 : id));
        } else {
            feedback.attempt(() -> activities.complete(id, expected, null, typed), "activity.completed");
        }
        activity = null;
        result = null;
    }

    public Long getActivity() {
        return activity;
    }

    public void setActivity(Long activity) {
        this.activity = activity;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }
}
