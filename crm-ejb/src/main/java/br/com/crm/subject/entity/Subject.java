package br.com.crm.subject.entity;

import br.com.crm.customer.entity.Customer;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Text;
import br.com.crm.security.entity.User;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.Stage;
import br.com.crm.stage.entity.StageTotal.Placement;
import br.com.crm.stage.entity.StageTotal;
import br.com.crm.tag.entity.Tag;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Anything followed to a conclusion: a sale, a demo, a problem. It sits in one stage of the funnel and moves
 * through them; in the last stage it is closed as won or lost (lost with a reason).
 */
@Entity
@Table(name = "crm_subject")
@NamedQuery(name = Subject.COUNT_IN_STAGE, query = "select count(s) from Subject s where s.stage = :stage")
public class Subject implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String COUNT_IN_STAGE = "Subject.countInStage";
    public static final int TITLE_LENGTH = 200;
    public static final int DESCRIPTION_LENGTH = 4000;
    public static final int EXTERNAL_KEY_LENGTH = 60;

    @Id
    @SequenceGenerator(name = "crm_subject_seq", sequenceName = "crm_subject_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_subject_seq")
    private Long id;

    @NotBlank
    @Size(max = TITLE_LENGTH)
    @Column(nullable = false, length = TITLE_LENGTH)
    private String title;

    @Column(name = "search_title", nullable = false, length = TITLE_LENGTH)
    private String searchTitle;

    /** The title and the customer's name, folded: what the text filter searches (one trigram index on PostgreSQL). */
    @Column(name = "search_text", nullable = false, length = TITLE_LENGTH + 1 + Customer.NAME_LENGTH)
    private String searchText;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "stage_id", nullable = false)
    private Stage stage;

    /** The stage's id as a plain column, so board queries group and filter on it without joining the stage. */
    @Column(name = "stage_id", insertable = false, updatable = false)
    private Long stageId;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "responsible_id", nullable = false)
    private User responsible;

    @DecimalMin("0.00")
    @Digits(integer = 13, fraction = 2)
    @Column(precision = 15, scale = 2)
    private BigDecimal amount;

    @Column(name = "expected_close")
    private LocalDate expectedClose;

    @Size(max = DESCRIPTION_LENGTH)
    @Column(length = DESCRIPTION_LENGTH)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(length = 4)
    private Outcome outcome;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "lost_reason_id")
    private LostReason lostReason;

    @Column(nullable = false)
    private boolean archived;

    /** When it was closed as won or lost ({@code null} while open): the forecast counts it in that month. */
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "stage_entered_at", nullable = false)
    private OffsetDateTime stageEnteredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 60, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 60)
    private String updatedBy;

    /** When an activity or note was last recorded on it (its creation at first): what "stale" is measured from. */
    @Column(name = "last_activity_at", nullable = false)
    private OffsetDateTime lastActivityAt;

    @ManyToMany
    @JoinTable(name = "crm_subject_tag", joinColumns = @JoinColumn(name = "subject_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new HashSet<>();

    /** The key of the row this subject was imported from, so that importing the same file again finds it. */
    @Column(name = "external_key", length = EXTERNAL_KEY_LENGTH)
    private String externalKey;

    @Version
    private long version;

    protected Subject() {
        // for JPA
    }

    /** A new subject enters the given stage now; the returned history entry is the first of its history. */
    public Subject(String title, Customer customer, Stage stage, User responsible, OffsetDateTime at, String by) {
        this.title = title == null ? null : title.strip();
        this.customer = customer;
        index();
        this.stage = stage;
        this.responsible = responsible;
        this.stageEnteredAt = at;
        this.createdAt = at;
        this.createdBy = by;
        this.lastActivityAt = at;
        touch(at, by);
    }

    /**
     * A new subject with the fields of the form, entering {@code stage} now. Not into the closing stage: a subject
     * is closed by moving it there with an outcome.
     */
    public static Subject open(String title, Customer customer, Stage stage, User responsible, BigDecimal amount,
                               LocalDate expectedClose, String description, OffsetDateTime at, String by) {
        if (stage.isClosing()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "subject.create.notInClosingStage",
                    "stageId");
        }
        Subject subject = new Subject(title, customer, stage, responsible, at, by);
        subject.edit(title, customer, responsible, amount, expectedClose, description, at, by);
        return subject;
    }

    public StageChange firstStageChange() {
        return new StageChange(this, null, stage, null, createdAt, createdBy);
    }

    /** The fields a user edits on the form; stage and outcome change only through {@link #moveTo}. */
    public void edit(String title, Customer customer, User responsible, BigDecimal amount, LocalDate expectedClose,
                     String description, OffsetDateTime at, String by) {
        this.title = title == null ? null : title.strip();
        this.customer = customer;
        index();
        this.responsible = responsible;
        this.amount = amount;
        this.expectedClose = expectedClose;
        this.description = description == null || description.isBlank() ? null : description.strip();
        touch(at, by);
    }

    /**
     * Moves the subject to a stage. Into the closing stage it needs an outcome, and a lost reason when lost; out of
     * it, the outcome is cleared (the subject is reopened).
     *
     * @return the history entry of the move, or {@code null} when nothing changed
     */
    public StageChange moveTo(Stage target, Outcome newOutcome, LostReason reason, OffsetDateTime at, String by) {
        if (archived) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "subject.archived", null);
        }
        Outcome resultingOutcome = null;
        LostReason resultingReason = null;
        if (target.isClosing()) {
            if (newOutcome == null) {
                throw new BusinessException(BusinessException.Kind.INVALID, "subject.close.outcomeRequired",
                        "outcome");
            }
            if (newOutcome == Outcome.LOST && reason == null) {
                throw new BusinessException(BusinessException.Kind.INVALID, "subject.close.lostReasonRequired",
                        "lostReason");
            }
            resultingOutcome = newOutcome;
            resultingReason = newOutcome == Outcome.LOST ? reason : null;
        }
        if (target.equals(stage) && resultingOutcome == outcome && sameReason(resultingReason)) {
            return null;
        }
        Stage from = stage;
        if (resultingOutcome == null) {
            closedAt = null;
        } else if (resultingOutcome != outcome || !target.equals(stage)) {
            closedAt = at;
        }
        if (!target.equals(stage)) {
            stageEnteredAt = at;
        }
        stage = target;
        outcome = resultingOutcome;
        lostReason = resultingReason;
        touch(at, by);
        return new StageChange(this, from, target, resultingOutcome, at, by);
    }

    /** Where the subject counts in the column totals; {@code null} while archived (archived subjects do not). */
    public Placement placement() {
        if (archived) {
            return null;
        }
        return new Placement(stage.getId(), outcome == null ? StageTotal.OPEN : outcome.name(),
                amount == null ? BigDecimal.ZERO : amount);
    }

    /**
     * Where the forecast counts the subject: an open one on its expected close date (on {@code noDate} without
     * one), a closed one on the business day it was closed; by stage, responsible and outcome group, with its
     * value. {@code null} while archived (archived subjects count nowhere).
     */
    public Forecast forecast(LocalDate noDate) {
        if (archived) {
            return null;
        }
        LocalDate day = outcome == null ? (expectedClose == null ? noDate : expectedClose)
                : BusinessCalendar.dayOf(closedAt);
        return new Forecast(day, stage.getId(), responsible.getId(),
                outcome == null ? StageTotal.OPEN : outcome.name(), amount == null ? BigDecimal.ZERO : amount);
    }

    /** A subject's place in the forecast's daily counts ({@link #forecast}). */
    public record Forecast(LocalDate day, long stageId, long responsibleId, String outcome, BigDecimal amount) {
    }

    private boolean sameReason(LostReason other) {
        return lostReason == null ? other == null : lostReason.equals(other);
    }

    /** Replaces the subject's tags. */
    public void tagWith(Collection<Tag> newTags, OffsetDateTime at, String by) {
        if (!tags.equals(new HashSet<>(newTags))) {
            tags.clear();
            tags.addAll(newTags);
            touch(at, by);
        }
    }

    public void archive(OffsetDateTime at, String by) {
        if (!archived) {
            archived = true;
            touch(at, by);
        }
    }

    public void unarchive(OffsetDateTime at, String by) {
        if (archived) {
            archived = false;
            touch(at, by);
        }
    }

    /** The caller's copy must be the current one: no silent overwrite of a colleague's change. */
    public void checkVersion(long expected) {
        if (expected != version) {
            throw BusinessException.stale("subject");
        }
    }

    private void touch(OffsetDateTime at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /** Title and customer change only together (the constructor, {@link #edit}): so does what searches find. */
    private void index() {
        searchTitle = Text.searchable(title);
        searchText = (searchTitle == null ? "" : searchTitle) + " "
                + (customer == null ? "" : Text.searchable(customer.getName()));
    }

    /** Marks a new subject as imported under {@code key}. */
    public void importedAs(String key) {
        this.externalKey = key;
    }

    /**
     * The fields the audit trail compares before and after a change, as text: what a colleague would ask "what
     * did they change?" about (the description bounded, tags apart: tagging is its own entry).
     */
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("customer", customer == null ? null : customer.getName());
        fields.put("stage", stage == null ? null : stage.getDescription());
        fields.put("responsible", responsible == null ? null : responsible.getUsername());
        fields.put("value", amount == null ? null : money(amount));
        fields.put("expectedClose", expectedClose == null ? null : expectedClose.toString());
        fields.put("outcome", outcome == null ? null : outcome.name());
        fields.put("lostReason", lostReason == null ? null : lostReason.getDescription());
        fields.put("archived", String.valueOf(archived));
        fields.put("description", description == null || description.length() <= 200 ? description
                : description.substring(0, 199) + "…");
        return fields;
    }

    /** A value as the audit trail writes it: plain, with its two decimals (as stored), whatever scale was typed. */
    public static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The subject in one line, as its audit entries keep it (a deleted subject's entry keeps what was lost). */
    public String auditSummary() {
        StringBuilder line = new StringBuilder(title);
        if (customer != null) {
            line.append(" · ").append(customer.getName());
        }
        if (amount != null) {
            line.append(" · ").append(money(amount));
        }
        if (stage != null) {
            line.append(" · ").append(stage.getDescription());
        }
        return line.toString();
    }

    public String getExternalKey() {
        return externalKey;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Customer getCustomer() {
        return customer;
    }

    public Stage getStage() {
        return stage;
    }

    /** Deleting is final: only an administrator or the subject's responsible may. */
    public boolean mayBeDeletedBy(String username, boolean administrator) {
        return administrator || responsible.getUsername().equals(username);
    }

    public User getResponsible() {
        return responsible;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getExpectedClose() {
        return expectedClose;
    }

    public String getDescription() {
        return description;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public LostReason getLostReason() {
        return lostReason;
    }

    public boolean isArchived() {
        return archived;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public OffsetDateTime getStageEnteredAt() {
        return stageEnteredAt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getLastActivityAt() {
        return lastActivityAt;
    }

    /** Something was done about it at {@code at} (an activity, a note); never moves back in time. */
    public void activityRecordedAt(OffsetDateTime at) {
        if (at.isAfter(lastActivityAt)) {
            lastActivityAt = at;
        }
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Set<Tag> getTags() {
        return Collections.unmodifiableSet(tags);
    }

    public long getVersion() {
        return version;
    }
}
