package br.com.crm.kernel;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * One committed change, as the single write path of its component describes it: what happened, to which subjects
 * and which record, which funnel columns it touched, who made it and from which open view. Observed inside the
 * transaction by the webhook queue (which writes the events endpoints asked for); after the commit by the push to
 * open boards and lists (which skip the view the change came from) and by the kept caches.
 *
 * @param kind     what happened
 * @param subjects the subjects concerned (empty when the change is not about subjects, e.g. stages reconfigured;
 *                 at most {@link #MAX_IDS}: a larger change says {@code many})
 * @param many     more subjects changed than {@code subjects} lists (a bulk action, an import)
 * @param stages   the stages whose column (cards or figures) changed
 * @param record   the id of the changed record of the kind (an activity, a proposal, a tag…), else {@code null}
 * @param user     who made it
 * @param origin   the open view it came from (a board, a list), so that view is not told its own change again;
 *                 {@code null} from the API and from background work
 * @param at       when it was made
 * @param member   the server of the cluster where it was committed ({@link Cluster#member()}): the others hear of
 *                 it through the data grid
 */
public record Change(Kind kind, Set<Long> subjects, boolean many, Set<Long> stages, Long record, String user,
                     String origin, Instant at, String member) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_IDS = 200;

    public enum Kind {
        SUBJECT_CREATED, SUBJECT_EDITED, SUBJECT_MOVED, SUBJECT_CLOSED, SUBJECT_REOPENED, SUBJECT_TAGGED,
        SUBJECT_ASSIGNED, SUBJECT_ARCHIVED, SUBJECT_UNARCHIVED, SUBJECT_DELETED, SUBJECTS_IMPORTED,
        ACTIVITY_PLANNED, ACTIVITY_EDITED, ACTIVITY_DONE, ACTIVITY_REOPENED, ACTIVITY_DELETED,
        NOTE_ADDED, NOTE_EDITED, NOTE_DELETED,
        PROPOSAL_SAVED, PROPOSAL_SENT, PROPOSAL_ANSWERED, PROPOSAL_EXPIRED,
        MAIL_QUEUED, MAIL_STATUS,
        CUSTOMER_CREATED, CUSTOMER_SAVED, CUSTOMER_CONSENT, CUSTOMER_ANONYMIZED,
        TAGS_CHANGED,
        STAGES_CHANGED,
        LOST_REASONS_CHANGED,
        USERS_CHANGED;

        /** What the audit trail calls this kind of change. */
        public AuditEvent.Action action() {
            return switch (this) {
                case SUBJECT_CREATED, NOTE_ADDED, CUSTOMER_CREATED -> AuditEvent.Action.CREATE;
                case SUBJECT_EDITED, ACTIVITY_EDITED, NOTE_EDITED, PROPOSAL_SAVED, MAIL_STATUS, CUSTOMER_SAVED ->
                        AuditEvent.Action.EDIT;
                case SUBJECT_MOVED -> AuditEvent.Action.MOVE;
                case SUBJECT_CLOSED -> AuditEvent.Action.CLOSE;
                case SUBJECT_REOPENED, ACTIVITY_REOPENED -> AuditEvent.Action.REOPEN;
                case SUBJECT_TAGGED -> AuditEvent.Action.TAG;
                case SUBJECT_ASSIGNED -> AuditEvent.Action.ASSIGN;
                case SUBJECT_ARCHIVED -> AuditEvent.Action.ARCHIVE;
                case SUBJECT_UNARCHIVED -> AuditEvent.Action.UNARCHIVE;
                case SUBJECT_DELETED, ACTIVITY_DELETED, NOTE_DELETED -> AuditEvent.Action.DELETE;
                case SUBJECTS_IMPORTED -> AuditEvent.Action.IMPORT;
                case ACTIVITY_PLANNED -> AuditEvent.Action.PLAN;
                case ACTIVITY_DONE -> AuditEvent.Action.DONE;
                case PROPOSAL_SENT -> AuditEvent.Action.SEND;
                case PROPOSAL_ANSWERED -> AuditEvent.Action.ANSWER;
                case PROPOSAL_EXPIRED -> AuditEvent.Action.EXPIRE;
                case MAIL_QUEUED -> AuditEvent.Action.QUEUE;
                case CUSTOMER_CONSENT -> AuditEvent.Action.CONSENT;
                case CUSTOMER_ANONYMIZED -> AuditEvent.Action.ANONYMIZE;
                case TAGS_CHANGED, STAGES_CHANGED, LOST_REASONS_CHANGED, USERS_CHANGED -> AuditEvent.Action.SETTINGS;
            };
        }

        /** The kind of record this kind of change is about, for the audit trail. */
        public AuditEvent.Entity entity() {
            String name = name();
            if (name.startsWith("SUBJECT")) {
                return AuditEvent.Entity.SUBJECT;
            }
            return switch (this) {
                case ACTIVITY_PLANNED, ACTIVITY_EDITED, ACTIVITY_DONE, ACTIVITY_REOPENED, ACTIVITY_DELETED ->
                        AuditEvent.Entity.ACTIVITY;
                case NOTE_ADDED, NOTE_EDITED, NOTE_DELETED -> AuditEvent.Entity.NOTE;
                case PROPOSAL_SAVED, PROPOSAL_SENT, PROPOSAL_ANSWERED, PROPOSAL_EXPIRED -> AuditEvent.Entity.PROPOSAL;
                case MAIL_QUEUED, MAIL_STATUS -> AuditEvent.Entity.EMAIL;
                case CUSTOMER_CREATED, CUSTOMER_SAVED, CUSTOMER_CONSENT, CUSTOMER_ANONYMIZED ->
                        AuditEvent.Entity.CUSTOMER;
                case TAGS_CHANGED -> AuditEvent.Entity.TAG;
                case USERS_CHANGED -> AuditEvent.Entity.USER;
                case LOST_REASONS_CHANGED -> AuditEvent.Entity.LOST_REASON;
                default -> AuditEvent.Entity.STAGE;
            };
        }

        /** Whether it may change which open activities are overdue or due today (the funnel header's figures). */
        public boolean altersDueActivities() {
            return name().startsWith("ACTIVITY_") || name().startsWith("SUBJECT");
        }

        /** Whether a board or list shows something this kind of change alters (cards, rows, columns, figures). */
        public boolean showsOnBoard() {
            return switch (this) {
                case PROPOSAL_SAVED, PROPOSAL_SENT, PROPOSAL_ANSWERED, PROPOSAL_EXPIRED, MAIL_QUEUED, MAIL_STATUS,
                     NOTE_EDITED, NOTE_DELETED, LOST_REASONS_CHANGED, USERS_CHANGED, CUSTOMER_CONSENT -> false;
                default -> true;
            };
        }
    }

    public Change {
        subjects = Set.copyOf(subjects);
        stages = Set.copyOf(stages);
    }

    /** A change of these subjects (the first {@link #MAX_IDS} are named) in these columns, made on {@code member}. */
    public static Change of(Kind kind, Collection<Long> subjects, Collection<Long> stages, Long record, String user,
                            String origin, String member) {
        Set<Long> named = new TreeSet<>();
        for (Long id : subjects) {
            if (named.size() == MAX_IDS) {
                break;
            }
            named.add(id);
        }
        return new Change(kind, named, subjects.size() > named.size(), new TreeSet<>(stages), record, user,
                origin, Instant.now(), member);
    }

    public boolean isAbout(long subjectId) {
        return many || subjects.contains(subjectId);
    }
}
