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
}
