package br.com.crm.web.settings;

import br.com.crm.stage.boundary.Stages;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.ProposalRule;
import br.com.crm.stage.entity.Stage;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Configurações → Vendas: the funnel's stages (at most five) and the lost reasons. Administrators only. */
@Named
@ViewScoped
public class StagesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A stage as the table edits it. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final long version;
        private String description;
        private String descriptionEn;
        private int position;
        private Integer staleDays;
        private ProposalRule proposalRule;
        private Integer probability;
        private final boolean closing;

        Row(Stage stage) {
            this.id = stage.getId();
            this.version = stage.getVersion();
            this.description = stage.getDescription();
            this.descriptionEn = stage.getDescriptionEn();
            this.position = stage.getPosition();
            this.staleDays = stage.getStaleDays();
            this.proposalRule = stage.getProposalRule();
            this.probability = stage.getProbability();
            this.closing = stage.isClosing();
        }

        public ProposalRule getProposalRule() {
            return proposalRule;
        }

        public void setProposalRule(ProposalRule proposalRule) {
            this.proposalRule = proposalRule;
        }

        public Integer getProbability() {
            return probability;
        }

        public void setProbability(Integer probability) {
            this.probability = probability;
        }

        public Integer getStaleDays() {
            return staleDays;
        }

        public void setStaleDays(Integer staleDays) {
            this.staleDays = staleDays;
        }

        public long getId() {
            return id;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getDescriptionEn() {
            return descriptionEn;
        }

        public void setDescriptionEn(String descriptionEn) {
            this.descriptionEn = descriptionEn;
        }

        public int getPosition() {
            return position;
        }

        public void setPosition(int position) {
            this.position = position;
        }

        public boolean isClosing() {
            return closing;
        }
    }

    @Inject
    Stages stages;

    @Inject
    Feedback feedback;

    private List<Row> rows;
    private List<LostReason> lostReasons;
    private String newDescription;
    private String newDescriptionEn;
    private String newReason;
    private String newReasonEn;

    @PostConstruct
    void load() {
        List<Stage> all = stages.list();
        rows = new ArrayList<>();
        for (Stage stage : all) {
            rows.add(new Row(stage));
        }
        lostReasons = stages.allLostReasons();
    }

    public void save(Row row) {
        attempt(() -> stages.update(row.id, row.version, row.description, row.descriptionEn, row.position,
                        row.staleDays, row.proposalRule, row.probability),
                "stage.saved");
    }

    public void add() {
        attempt(() -> stages.add(newDescription, newDescriptionEn), "stage.added");
        newDescription = null;
        newDescriptionEn = null;
    }

    public void remove(Row row) {
        attempt(() -> stages.remove(row.id, row.version), "stage.removed");
    }

    public void addReason() {
        attempt(() -> stages.addLostReason(newReason, newReasonEn), "lostReason.added");
        newReason = null;
        newReasonEn = null;
    }

    public void retireReason(LostReason reason) {
        attempt(() -> stages.retireLostReason(reason.getId()), "lostReason.retired");
    }

    private void attempt(Runnable change, String doneKey) {
        feedback.attempt(change, doneKey);
        load();
    }

    public ProposalRule[] getProposalRules() {
        return ProposalRule.values();
    }

    public boolean isFull() {
        return rows.size() >= Stage.MAX_STAGES;
    }

    public int getMaxStages() {
        return Stage.MAX_STAGES;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<LostReason> getLostReasons() {
        return lostReasons;
    }

    public String getNewDescription() {
        return newDescription;
    }

    public void setNewDescription(String newDescription) {
        this.newDescription = newDescription;
    }

    public String getNewDescriptionEn() {
        return newDescriptionEn;
    }

    public void setNewDescriptionEn(String newDescriptionEn) {
        this.newDescriptionEn = newDescriptionEn;
    }

    public String getNewReason() {
        return newReason;
    }

    public void setNewReason(String newReason) {
        this.newReason = newReason;
    }

    public String getNewReasonEn() {
        return newReasonEn;
    }

    public void setNewReasonEn(String newReasonEn) {
        this.newReasonEn = newReasonEn;
    }
}
