package br.com.crm.kernel;

import jakarta.ejb.ApplicationException;

import java.util.Arrays;

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
