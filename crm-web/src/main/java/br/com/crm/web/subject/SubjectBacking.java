package br.com.crm.web.subject;

import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.kernel.BusinessException;
import br.com.crm.stage.boundary.Stages;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.boundary.Subjects;
import br.com.crm.subject.entity.Subject;
import br.com.crm.tag.boundary.Tags;
import br.com.crm.tag.entity.Tag;
import br.com.crm.web.shell.CurrentUser;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.subject.MoveChoice;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A subject's page: its data, its stage (moved from here too, closing with an outcome), the customer's contact
 * status, archive and delete (its stage history is on the timeline, {@code SubjectActivityBacking}).
 */
@Named
@ViewScoped
public class SubjectBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    @Param(name = "id", required = true)
    Long id;

    @Inject
    Subjects subjects;

    @Inject
    CurrentUser currentUser;

    @Inject
    Stages stages;

    @Inject
    Feedback feedback;

    @Inject
    Tags tags;

    private Subject subject;
    private final MoveChoice move = new MoveChoice();
    private ContactStatus contactStatus;
    private List<Long> chosenTags;
    // Read once per page: their getters run many times per render.
    private List<Stage> stageList;
    private List<LostReason> lostReasons;
    private List<Tag> allTags;

    @PostConstruct
    void load() {
        stageList = stages.list();
        lostReasons = stages.lostReasons();
        allTags = tags.list();
        subject = subjects.find(id);
        move.reset(subject.getStage().getId(), subject.getOutcome(),
                subject.getLostReason() == null ? null : subject.getLostReason().getId());
        contactStatus = subject.getCustomer().getContactStatus();
        chosenTags = subject.getTags().stream().map(Tag::getId).sorted().collect(Collectors.toList());
    }

    public void saveTags() {
        attempt(() -> subjects.tag(id, subject.getVersion(), chosenTags), "subject.tagged");
    }

    public void move() {
        boolean closing = isClosingSelected();
        attempt(() -> subjects.move(id, subject.getVersion(), move.getStageId(), move.outcomeFor(closing),
                move.lostReasonFor(closing)), "subject.moved");
    }

    public void changeContactStatus() {
        attempt(() -> subjects.changeContactStatus(id, subject.getVersion(), contactStatus), "customer.statusChanged");
    }

    public void archive() {
        attempt(() -> subjects.archive(id, subject.getVersion()), "subject.archived.done");
    }

    public void unarchive() {
        attempt(() -> subjects.unarchive(id, subject.getVersion()), "subject.unarchived.done");
    }

    /** An administrator's confirmation that a subject which sent proposals or e-mails goes all the same. */
    private boolean deleteSent;

    /** The delete button: for an administrator, or the subject's responsible. */
    public boolean isDeletable() {
        return currentUser.isEditor() && subject.mayBeDeletedBy(currentUser.getUsername(), currentUser.isAdmin());
    }

    public boolean isDeleteSent() {
        return deleteSent;
    }

    public void setDeleteSent(boolean deleteSent) {
        this.deleteSent = deleteSent;
    }

    public void delete() throws IOException {
        try {
            subjects.delete(id, subject.getVersion(), deleteSent && currentUser.isAdmin());
            feedback.infoAfterRedirect("subject.deleted.done", subject.getTitle());
            Faces.redirect("");
        } catch (BusinessException e) {
            feedback.refused(e);
            load();
        }
    }

    /** Runs a change; either way the page then shows the subject as it is stored now. */
    private void attempt(Runnable change, String doneKey) {
        feedback.attempt(change, doneKey, subject.getTitle());
        load();
    }

    public boolean isClosingSelected() {
        return move.getStageId() != null
                && stageList.stream().anyMatch(s -> s.isClosing() && s.getId().equals(move.getStageId()));
    }

    public boolean isCreated() {
        return "true".equals(Faces.getRequestParameter("created"));
    }

    /**
     * The page's subject, as its URL names it: the one {@code @Param} of the page, read by the page's other beans
     * (each reading it again cost a converter, validators and a bean validation per bean, per view).
     */
    public Long getId() {
        return id;
    }

    public Subject getSubject() {
        return subject;
    }

    public List<Stage> getStages() {
        return stageList;
    }

    public List<LostReason> getLostReasons() {
        return lostReasons;
    }

    public List<Tag> getAllTags() {
        return allTags;
    }

    public List<Long> getChosenTags() {
        return chosenTags;
    }

    public void setChosenTags(List<Long> chosenTags) {
        this.chosenTags = chosenTags;
    }

    public ContactStatus[] getStatuses() {
        return ContactStatus.values();
    }

    public MoveChoice getMove() {
        return move;
    }

    public ContactStatus getContactStatus() {
        return contactStatus;
    }

    public void setContactStatus(ContactStatus contactStatus) {
        this.contactStatus = contactStatus;
    }
}
