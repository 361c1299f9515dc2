package br.com.crm.mail.control;

import br.com.crm.mail.entity.Mail;
import br.com.crm.mail.entity.MailStatus;
import br.com.crm.subject.control.SubjectTrail;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Subjects with an e-mail that left, or waits to leave, for the customer (deleting the subject would cancel it). */
@Dependent
public class SentMails implements SubjectTrail {

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<Long> sentFrom(Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNamedQuery(Mail.SENT_FROM, Long.class)
                .setParameter("ids", subjectIds)
                .setParameter("sent", List.of(MailStatus.QUEUED, MailStatus.SENDING, MailStatus.SENT))
                .getResultList());
    }

    @Override
    public String erasedWith(long subjectId) {
        long mails = em.createQuery("select count(m) from Mail m where m.subjectId = :id", Long.class)
                .setParameter("id", subjectId).getSingleResult();
        return mails == 0 ? "" : "e-mails " + mails;
    }
}
