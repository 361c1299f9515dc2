package br.com.crm.stage.control;

import br.com.crm.kernel.BusinessException;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.ProposalRule;
import br.com.crm.stage.entity.Stage;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** The stages and lost reasons as the components that work on subjects read them, inside their transaction. */
@Dependent
public class StageFinder {

    @PersistenceContext
    EntityManager em;

    public List<Stage> list() {
        return em.createNamedQuery(Stage.ALL, Stage.class).getResultList();
    }

    public Stage find(long id) {
        Stage stage = em.find(Stage.class, id);
        if (stage == null) {
            throw BusinessException.notFound("stage", id);
        }
        return stage;
    }

    /** Where new subjects start. */
    public Stage first() {
        return list().get(0);
    }

    /** The stage subjects move to on this proposal event, if any. */
    public Optional<Stage> onProposal(ProposalRule rule) {
        return list().stream().filter(stage -> stage.getProposalRule() == rule).findFirst();
    }

    /** An active lost reason; an unknown or retired one is refused. */
    public LostReason lostReason(long id) {
        LostReason reason = em.find(LostReason.class, id);
        if (reason == null || !reason.isActive()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "subject.close.lostReasonUnknown",
                    "lostReason", id);
        }
        return reason;
    }
}
