package br.com.crm.subject.boundary;

import br.com.crm.kernel.Change;

import java.util.List;

/**
 * A change of more subjects than its {@link Change} names ({@link Change#MAX_IDS}; a bulk action, an import),
 * fired synchronously inside its transaction with every subject it changed, just before the change itself: a
 * component above that must act on each of them (the webhooks) learns them all.
 */
public record SubjectBatch(Change.Kind kind, List<Long> subjectIds) {

    public SubjectBatch {
        subjectIds = List.copyOf(subjectIds);
    }
}
