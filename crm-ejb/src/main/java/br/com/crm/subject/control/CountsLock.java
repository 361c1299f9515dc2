package br.com.crm.subject.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Every change of the kept counts ({@code StageTotals}, {@link ForecastDays}, {@link StageDays},
 * {@link ActivityDays}) takes this lock before its first write: the row of {@code crm_counts_lock}, held until the
 * transaction ends, on every server of a cluster alike. A change adds to several counts' rows, one statement after
 * another, in an order that depends on the change (a new subject: its column, then its day; a move: its days, then
 * its columns); two changes taking the same rows in crossed order would deadlock. With this lock they take them one
 * after the other. Such changes are short, and two in the same column already waited for each other's total.
 */
@ApplicationScoped
public class CountsLock {

    @PersistenceContext
    EntityManager em;

    /** Waits for any other change of the counts to end; held until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take() {
        em.createNativeQuery("select name from crm_counts_lock where name = 'counts' for update").getResultList();
    }
}
