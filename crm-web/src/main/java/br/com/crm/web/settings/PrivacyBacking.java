package br.com.crm.web.settings;

import br.com.crm.privacy.boundary.Retention;
import br.com.crm.privacy.entity.PrivacyPolicy;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Configurações → Privacidade: the retention setting, and the customers it proposes for anonymisation, which the
 * administrator chooses and confirms.
 */
@Named
@ViewScoped
public class PrivacyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Retention retention;

    @Inject
    Feedback feedback;

    private long version;
    private Integer months;
    private List<Retention.Candidate> proposed;
    private List<Retention.Candidate> chosen = new ArrayList<>();

    @PostConstruct
    void load() {
        PrivacyPolicy policy = retention.policy();
        version = policy.getVersion();
        months = policy.getRetentionMonths();
        proposed = retention.proposed();
        chosen = new ArrayList<>();
    }

    public void save() {
        feedback.attempt(() -> retention.changeRetention(months, version), "privacy.retention.saved");
        load();
    }

    public void confirm() {
        Integer done = feedback.attempt(() -> retention.confirm(chosen.stream()
                .map(Retention.Candidate::customerId).toList()));
        if (done != null) {
            feedback.info("privacy.retention.done", done);
        }
        load();
    }

    public Integer getMonths() {
        return months;
    }

    public void setMonths(Integer months) {
        this.months = months;
    }

    public List<Retention.Candidate> getProposed() {
        return proposed;
    }

    public List<Retention.Candidate> getChosen() {
        return chosen;
    }

    public void setChosen(List<Retention.Candidate> chosen) {
        this.chosen = chosen == null ? new ArrayList<>() : new ArrayList<>(chosen);
    }
}
