package br.com.crm.web.activity;

import br.com.crm.activity.boundary.Activities;
import br.com.crm.activity.entity.Activity;
import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.note.boundary.Notes;
import br.com.crm.note.entity.Note;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.User;
import br.com.crm.timeline.boundary.Timeline;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.subject.SubjectBacking;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The subject page's activities (plan, reschedule, mark done, reopen, delete), notes (the author's own to edit) and
 * timeline (newest first, a page at a time, filtered by kind).
 */
@Named
@ViewScoped
public class SubjectActivityBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The page's subject: its id, from the URL. */
    @Inject
    SubjectBacking subjectPage;

    private Long subjectId;

    @Inject
    Activities activities;

    @Inject
    Notes notes;

    @Inject
    Timeline timeline;

    @Inject
    Users users;

    @Inject
    Feedback feedback;

    private List<Activity> activityList;
    private List<Note> noteList;
    private final List<Timeline.Item> items = new ArrayList<>();
    private String nextCursor;
    private List<Timeline.Kind> shownKinds = new ArrayList<>();
    private List<User> responsibles;

    // The activity form (new or the one being edited) and the "done" dialog.
    private Long editing;
    private long editingVersion;
    private ActivityKind kind = ActivityKind.CALL;
    private String description;
    private LocalDateTime dueAt;
    private String responsible;
    private final DoneDialog done = new DoneDialog();
    // Notes: a new one, and the one being edited.
    private String noteText;
    private Long editingNote;
    private long editingNoteVersion;
    private String editedNoteText;

    @PostConstruct
    void init() {
        subjectId = subjectPage.getId();
        responsibles = users.responsibles();
        newActivity();
        load();
    }

    /** Reads the activities, notes and the timeline's first page. */
    private void load() {
        activityList = activities.ofSubject(subjectId);
        noteList = notes.ofSubject(subjectId);
        readTimeline();
    }

    /** After a change of an activity: the activities and the timeline, not the notes. */
    private void activitiesChanged() {
        activityList = activities.ofSubject(subjectId);
        readTimeline();
    }

    /** After a change of a note: the notes and the timeline, not the activities. */
    private void notesChanged() {
        noteList = notes.ofSubject(subjectId);
        readTimeline();
    }

    /** The timeline's first page again: its kinds were chosen, or something else on the page changed. */
    public void readTimeline() {
        items.clear();
        Timeline.Page page = timeline.page(subjectId, kindSet(), null, Timeline.PAGE_SIZE);
        items.addAll(page.items());
        nextCursor = page.next();
    }

    public void moreTimeline() {
        Timeline.Page page = timeline.page(subjectId, kindSet(), nextCursor, Timeline.PAGE_SIZE);
        items.addAll(page.items());
        nextCursor = page.next();
    }

    private Set<Timeline.Kind> kindSet() {
        return shownKinds.isEmpty() ? Set.of() : EnumSet.copyOf(shownKinds);
    }

    /** A blank form: a call tomorrow at nine, by the user. */
    public void newActivity() {
        editing = null;
        kind = ActivityKind.CALL;
        description = null;
        dueAt = LocalDate.now(BusinessCalendar.ZONE).plusDays(1).atTime(LocalTime.of(9, 0));
        responsible = Faces.getRemoteUser();
    }

    public void edit(Activity activity) {
        editing = activity.getId();
        editingVersion = activity.getVersion();
        kind = activity.getKind();
        description = activity.getDescription();
        dueAt = activity.getDueAt().atZoneSameInstant(BusinessCalendar.ZONE).toLocalDateTime();
        responsible = activity.getResponsible().getUsername();
    }

    public void save() {
        Activities.Form form = new Activities.Form(kind, description,
                dueAt == null ? null : dueAt.atZone(BusinessCalendar.ZONE).toOffsetDateTime(), responsible);
        boolean done = editing == null
                ? feedback.attempt(() -> activities.create(subjectId, form), "activity.created")
                : feedback.attempt(() -> activities.edit(editing, editingVersion, form), "activity.saved");
        if (done) {
            newActivity();
        }
        activitiesChanged();
    }

    /** The "done" dialog's confirmation: only an activity this page shows is completed here. */
    public void complete() {
        done.complete(activityList, activities, feedback);
        activitiesChanged();
    }

    public void reopen(Activity activity) {
        feedback.attempt(() -> activities.reopen(activity.getId(), activity.getVersion()), "activity.reopened");
        activitiesChanged();
    }

    public void delete(Activity activity) {
        feedback.attempt(() -> activities.delete(activity.getId(), activity.getVersion()), "activity.deleted");
        activitiesChanged();
    }

    /** The wa.me link of a WhatsApp activity: the customer's phone and a greeting. */
    public String whatsAppUrl(String phone, String customer) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return null;
        }
        String number = digits.startsWith("55") && digits.length() > 11 ? digits : "55" + digits;
        String text = Feedback.format(Faces.getResourceBundle("msg"), "activity.whatsapp.greeting", customer);
        return "https://wa.me/" + number + "?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public void addNote() {
        if (feedback.attempt(() -> notes.add(subjectId, noteText), "note.added")) {
            noteText = null;
        }
        notesChanged();
    }

    public void editNote(Note note) {
        editingNote = note.getId();
        editingNoteVersion = note.getVersion();
        editedNoteText = note.getText();
    }

    public void saveNote() {
        if (feedback.attempt(() -> notes.edit(editingNote, editingNoteVersion, editedNoteText), "note.saved")) {
            editingNote = null;
        }
        notesChanged();
    }

    public void deleteNote(Note note) {
        feedback.attempt(() -> notes.delete(note.getId(), note.getVersion()), "note.deleted");
        notesChanged();
    }

    /** A proposal's total on the timeline, which carries it as text (the item's text is free text for others). */
    public BigDecimal amount(String total) {
        return new BigDecimal(total);
    }

    public boolean isMine(Note note) {
        return note.getAuthor().equals(Faces.getRemoteUser());
    }

    /** {@code done}, {@code overdue}, {@code today} or {@code later}: the row's colour. */
    public String urgency(Activity activity) {
        return activity.isDone() ? "done" : Activities.urgency(activity.getDueAt(), getToday());
    }

    public LocalDate getToday() {
        return LocalDate.now(BusinessCalendar.ZONE);
    }

    public ActivityKind[] getKinds() {
        return ActivityKind.values();
    }

    public Timeline.Kind[] getTimelineKinds() {
        return Timeline.Kind.values();
    }

    public List<Activity> getActivities() {
        return activityList;
    }

    public List<Note> getNotes() {
        return noteList;
    }

    public List<Timeline.Item> getItems() {
        return items;
    }

    public boolean isMoreItems() {
        return nextCursor != null;
    }

    public List<User> getResponsibles() {
        return responsibles;
    }

    public List<Timeline.Kind> getShownKinds() {
        return shownKinds;
    }

    public void setShownKinds(List<Timeline.Kind> shownKinds) {
        this.shownKinds = shownKinds == null ? new ArrayList<>() : new ArrayList<>(shownKinds);
    }

    public boolean isEditing() {
        return editing != null;
    }

    public ActivityKind getKind() {
        return kind;
    }

    public void setKind(ActivityKind kind) {
        this.kind = kind;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDateTime getDueAt() {
        return dueAt;
    }

    public void setDueAt(LocalDateTime dueAt) {
        this.dueAt = dueAt;
    }

    public String getResponsible() {
        return responsible;
    }

    public void setResponsible(String responsible) {
        this.responsible = responsible;
    }

    public DoneDialog getDone() {
        return done;
    }

    public String getNoteText() {
        return noteText;
    }

    public void setNoteText(String noteText) {
        this.noteText = noteText;
    }

    public Long getEditingNote() {
        return editingNote;
    }

    public String getEditedNoteText() {
        return editedNoteText;
    }

    public void setEditedNoteText(String editedNoteText) {
        this.editedNoteText = editedNoteText;
    }
}
