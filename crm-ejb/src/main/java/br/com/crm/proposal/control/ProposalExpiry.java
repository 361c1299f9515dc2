package br.com.crm.proposal.control;

import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.proposal.entity.ProposalStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * Sent proposals past their validity date expire: just after midnight in São Paulo, and at start-up (a server that
 * was down at midnight catches up). One set-based update; versions move, so an open edit of such a proposal is
 * refused as stale instead of overwriting the expiry.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class ProposalExpiry {

    private static final Logger LOG = Logger.getLogger(ProposalExpiry.class.getName());

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    @Schedule(hour = "0", minute = "5", timezone = "America/Sao_Paulo", persistent = false)
    public void expire() {
        LocalDate today = LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
        int expired = em.createQuery("update Proposal p set p.status = :expired, p.version = p.version + 1, "
                        + "p.updatedAt = :now, p.updatedBy = 'crm' where p.status = :sent and p.validUntil < :today")
                .setParameter("expired", ProposalStatus.EXPIRED).setParameter("sent", ProposalStatus.SENT)
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("today", today).executeUpdate();
        if (expired > 0) {
            LOG.info(() -> expired + " proposals expired");
        }
    }
}
