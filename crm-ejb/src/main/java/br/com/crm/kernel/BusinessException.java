package br.com.crm.kernel;

import jakarta.ejb.ApplicationException;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A business rule said no. Rolls the transaction back, so nothing is saved half-way. Carries a message key of the
 * web module's bundle (and its arguments) so pages and the API tell the user why in their language.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is; the API maps it to an HTTP status. */
    public enum Kind {
        /** The thing does not exist (any more). 404 */
        NOT_FOUND,
        /** The input breaks a rule. 422 */
        INVALID,
        /** The state changed since the caller read it, or a rule of the current state refuses. 409 */
        CONFLICT,
        /** The caller's copy is stale (optimistic lock). 412 */
        STALE,
        /** The caller's role allows the kind of action, but not on this record (not theirs). 403 */
        FORBIDDEN
    }

    /** Class 40 (transaction rollback: serialization failure, deadlock), and a lock not had in time. */
    private static final Set<String> CONCURRENT_WRITE_STATES = Set.of("55P03", "HYT00");

    private final Kind kind;
    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public BusinessException(Kind kind, String messageKey, String field, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.kind = kind;
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    public static BusinessException notFound(String what, Object id) {
        return new BusinessException(Kind.NOT_FOUND, "error.notFound." + what, null, id);
    }

    /** The caller edited version {@code expected}, but the stored one has moved on. */
    public static BusinessException stale(String what) {
        return new BusinessException(Kind.STALE, "error.stale." + what, null);
    }

    /**
     * The refusal to tell when the database ended the caller's transaction for another one writing the same rows at
     * the same moment (a deadlock, a serialization failure, a lock waited for too long): nothing was saved, and the
     * same request a moment later goes through. Empty for any other error, which stays a server error.
     */
    public static Optional<BusinessException> lostToConcurrentWrite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || CONCURRENT_WRITE_STATES.contains(sql.getSQLState()))) {
                return Optional.of(new BusinessException(Kind.CONFLICT, "error.concurrentWrite", null));
            }
        }
        return Optional.empty();
    }

    public Kind getKind() {
        return kind;
    }

    public String getMessageKey() {
        return messageKey;
    }

    /** The input field the refusal is about, when there is one. */
    public String getField() {
        return field;
    }

    public Object[] getArguments() {
        return arguments == null ? new Object[0] : arguments.clone();
    }
}
