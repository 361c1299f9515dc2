package br.com.crm.database.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Work that must not run beside the same work of another transaction, on this server or any other of a cluster,
 * takes a named row of {@code crm_lock} first, locked until the caller's transaction ends. The schema migrations
 * need none: Flyway locks its own history table.
 */
@ApplicationScoped
public class Locks {

    @PersistenceContext
    EntityManager em;

    /**
     * Start-up work that checks then inserts (the first administrator, the demo users and data): servers of a cluster
     * starting at the same moment on one database do it one at a time, and each finds what the one before made.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startup() {
        take("startup");
    }

    /**
     * Every change of the kept counts (the columns' totals, the forecast's, the stage and activity reports' days),
     * before its first write. A change adds to several counts' rows, one statement after another, in an order that
     * depends on the change (a new subject: its column, then its day; a move: its days, then its columns); two
     * changes taking the same rows in crossed order would deadlock. With this lock they take them one after the
     * other. Such changes are short, and two in the same column already waited for each other's total.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void counts() {
        take("counts");
    }

    private void take(String name) {
        em.createNativeQuery("select name from crm_lock where name = ? for update").setParameter(1, name)
                .getResultList();
    }
}
