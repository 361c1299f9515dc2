package br.com.crm.subject.control;

import java.util.Collection;
import java.util.Set;

/**
 * What subjects have sent out of the company (proposals, e-mails) and deleting them would erase from the record.
 * The components that send implement it; the subject component asks every implementation before a deletion,
 * without depending on them.
 */
public interface SubjectTrail {

    /** Of these subjects, those that have sent something. */
    Set<Long> sentFrom(Collection<Long> subjectIds);

    /**
     * What deleting the subject erases of this component's records, in a few words for its audit entry
     * (e.g. {@code proposals 12, 15}); empty when nothing.
     */
    String erasedWith(long subjectId);
}
