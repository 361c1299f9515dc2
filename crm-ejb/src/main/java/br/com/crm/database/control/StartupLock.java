package br.com.crm.database.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Start-up work that checks then inserts (the first administrator, the demo users and data) takes this lock first:
 * the row of {@code crm_startup}, locked until the caller's transaction ends. Servers of a cluster starting at the
 * same moment on one database then do that work one at a time, and each finds what the one before made. The
 * schema migrations need none: Flyway locks its own history table.
 */
@ApplicationScoped
public class StartupLock {

    @PersistenceContext
    EntityManager em;

    /** Waits for any other server's start-up work to commit; held until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take() {
        em.createNativeQuery("select name from crm_startup where name = 'startup' for update").getResultList();
    }
}
