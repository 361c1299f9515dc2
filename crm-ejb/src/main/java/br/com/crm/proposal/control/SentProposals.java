package br.com.crm.proposal.control;

import br.com.crm.proposal.entity.Proposal;
import br.com.crm.proposal.entity.ProposalStatus;
import br.com.crm.subject.control.SubjectTrail;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Subjects with a proposal the customer received: sent, or already accepted. */
@Dependent
public class SentProposals implements SubjectTrail {

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<Long> sentFrom(Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNamedQuery(Proposal.SENT_FROM, Long.class)
                .setParameter("ids", subjectIds)
                .setParameter("sent", List.of(ProposalStatus.SENT, ProposalStatus.ACCEPTED))
                .getResultList());
    }

    @Override
    public String erasedWith(long subjectId) {
        List<Long> numbers = em.createQuery("select distinct p.number from Proposal p where p.subjectId = :id "
                + "order by p.number", Long.class).setParameter("id", subjectId).getResultList();
        return numbers.isEmpty() ? "" : "proposals " + numbers.stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }
}
