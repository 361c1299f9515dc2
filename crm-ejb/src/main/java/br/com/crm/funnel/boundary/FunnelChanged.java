package br.com.crm.funnel.boundary;

/**
 * Something on the board changed (a subject, or the stages themselves). Observed after the transaction commits,
 * to push the change to every open funnel.
 *
 * @param subjectId the subject that changed, or {@code null} when the stages changed
 */
public record FunnelChanged(Long subjectId) {

    public FunnelChanged() {
        this(null);
    }
}
