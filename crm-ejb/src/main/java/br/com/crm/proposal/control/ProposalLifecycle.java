package br.com.crm.proposal.control;

import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import br.com.crm.proposal.entity.Company;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.stage.control.StageFinder;
import br.com.crm.stage.entity.ProposalRule;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.control.SubjectChanges;
import br.com.crm.subject.entity.Outcome;
import br.com.crm.subject.entity.Subject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * What happens to a proposal beyond its own fields, shared by the proposals' and the e-mails' boundaries: being
 * sent (in the transaction of the e-mail that carries it) or answered moves its subject along the funnel's
 * proposal rules, through the subjects' one write path.
 */
@Dependent
public class ProposalLifecycle {

    @PersistenceContext
    EntityManager em;

    @Inject
    SubjectChanges subjects;

    @Inject
    StageFinder stages;

    @Inject
    Changes changes;

    /** The proposal with its items. */
    public Proposal find(long id) {
        Proposal proposal = em.find(Proposal.class, id);
        if (proposal == null) {
            throw BusinessException.notFound("proposal", id);
        }
        proposal.getItems();
        return proposal;
    }

    /** The number of a new proposal: the counter's next, taken under its row lock (two drafts never share one). */
    public long nextNumber() {
        Object value = em.createNativeQuery("select next_value from crm_counter where name = 'proposal' for update")
                .getSingleResult();
        long number = ((Number) value).longValue();
        em.createNativeQuery("update crm_counter set next_value = next_value + 1 where name = 'proposal'")
                .executeUpdate();
        return number;
    }

    public Company company() {
        return em.find(Company.class, Company.ID);
    }

    /** Marks the proposal sent; its subject then moves to the stage the funnel's rule names for sent proposals. */
    public Proposal markSent(long id) {
        Proposal proposal = find(id);
        proposal.markSent(subjects.now(), subjects.by());
        em.flush();
        changed(Change.Kind.PROPOSAL_SENT, proposal);
        follow(proposal.getSubject(), ProposalRule.SENT);
        return proposal;
    }

    /**
     * The subject moves forward to the rule's stage (closing it as won when that is the closing stage); a subject
     * already there, past it or closed stays.
     */
    public void follow(Subject subject, ProposalRule rule) {
        Stage target = stages.onProposal(rule).orElse(null);
        if (target == null || subject.getOutcome() != null
                || subject.getStage().getPosition() >= target.getPosition()) {
            return;
        }
        subjects.change(subject, Change.Kind.SUBJECT_MOVED, (s, now, by) ->
                s.moveTo(target, target.isClosing() ? Outcome.WON : null, null, now, by));
    }

    public void changed(Change.Kind kind, Proposal proposal) {
        changes.fire(kind, List.of(proposal.getSubjectId()), List.of(), proposal.getId(), subjects.by(),
                proposal.getDisplayNumber() + " · " + proposal.getStatus());
    }
}
