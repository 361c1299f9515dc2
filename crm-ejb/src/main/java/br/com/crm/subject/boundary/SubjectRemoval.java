package br.com.crm.subject.boundary;

import java.util.List;

/**
 * Subjects about to be deleted, fired synchronously inside the deleting transaction while they still exist (one
 * subject, or a chunk of a bulk deletion): a component above that must keep something of them (the webhooks send
 * their last state) reads them now, without the subject component knowing it.
 */
public record SubjectRemoval(List<Long> subjectIds) {

    public SubjectRemoval {
        subjectIds = List.copyOf(subjectIds);
    }
}
