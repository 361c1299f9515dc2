package br.com.crm.funnel.boundary;

import br.com.crm.business.BusinessException;
import br.com.crm.funnel.control.StageTotals;
import br.com.crm.funnel.entity.LostReason;
import br.com.crm.funnel.entity.Stage;
import br.com.crm.security.entity.Roles;
import br.com.crm.subject.entity.Subject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Configures the funnel: its stages (at most five; the last one closes subjects and stays last) and the reasons a
 * subject can be lost. Reading is for everyone; changing is for administrators.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class Stages {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<FunnelChanged> funnelChanged;

    @Inject
    StageTotals totals;

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

    /** The stage that closes subjects: the last one. */
    public Stage closing() {
        List<Stage> all = list();
        return all.get(all.size() - 1);
    }

    public boolean isClosing(Stage stage) {
        return closing().equals(stage);
    }

    /** Adds a stage just before the closing one. */
    @RolesAllowed(Roles.ADMIN)
    public Stage add(String description, String descriptionEn) {
        requireDescription(description);
        List<Stage> stages = lockAll();
        if (stages.size() >= Stage.MAX_STAGES) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "stage.limit", null, Stage.MAX_STAGES);
        }
        Stage stage = new Stage(stages.size(), description, descriptionEn);
        List<Stage> ordered = new ArrayList<>(stages);
        ordered.add(ordered.size() - 1, stage);
        em.persist(stage);
        renumber(ordered);
        totals.open(stage.getId());
        funnelChanged.fire(new FunnelChanged());
        return stage;
    }

    /**
     * Describes a stage and places it at a position (1-based). The closing stage stays last, so other stages take
     * positions before it.
     */
    @RolesAllowed(Roles.ADMIN)
    public Stage update(long id, long version, String description, String descriptionEn, int position,
                        Integer staleDays, br.com.crm.funnel.entity.ProposalRule proposalRule) {
        requireDescription(description);
        List<Stage> stages = lockAll();
        Stage stage = find(id);
        if (stage.getVersion() != version) {
            throw BusinessException.stale("stage");
        }
        stage.describe(description, descriptionEn);
        stage.flagStaleAfter(staleDays);
        if (proposalRule != null) {
            // One stage per rule: the rule moves here from wherever it was.
            stages.stream().filter(other -> other.getProposalRule() == proposalRule)
                    .forEach(other -> other.moveOnProposal(null));
        }
        stage.moveOnProposal(proposalRule);
        boolean closing = stages.get(stages.size() - 1).equals(stage);
        int last = stages.size();
        if (closing ? position != last : position < 1 || position >= last) {
            throw new BusinessException(BusinessException.Kind.INVALID, "stage.position.invalid", "position",
                    1, last - 1);
        }
        List<Stage> ordered = new ArrayList<>(stages);
        ordered.remove(stage);
        ordered.add(position - 1, stage);
        renumber(ordered);
        funnelChanged.fire(new FunnelChanged());
        return stage;
    }

    /** The stage subjects move to on this proposal event, if any. */
    public java.util.Optional<Stage> onProposal(br.com.crm.funnel.entity.ProposalRule rule) {
        return list().stream().filter(stage -> stage.getProposalRule() == rule).findFirst();
    }

    /** Removes a stage that holds no subject (archived ones count: they would lose their stage). */
    @RolesAllowed(Roles.ADMIN)
    public void remove(long id, long version) {
        List<Stage> stages = lockAll();
        Stage stage = find(id);
        if (stage.getVersion() != version) {
            throw BusinessException.stale("stage");
        }
        if (stages.get(stages.size() - 1).equals(stage)) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "stage.closingCannotBeRemoved", null);
        }
        long subjects = em.createNamedQuery(Subject.COUNT_IN_STAGE, Long.class)
                .setParameter("stage", stage).getSingleResult();
        if (subjects > 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "stage.notEmpty", null, subjects);
        }
        if (stages.size() <= 2) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "stage.minimum", null, 2);
        }
        List<Stage> ordered = new ArrayList<>(stages);
        ordered.remove(stage);
        em.remove(stage);
        em.flush();
        renumber(ordered);
        funnelChanged.fire(new FunnelChanged());
    }

    public List<LostReason> lostReasons() {
        return em.createNamedQuery(LostReason.ACTIVE, LostReason.class).getResultList();
    }

    public List<LostReason> allLostReasons() {
        return em.createNamedQuery(LostReason.ALL, LostReason.class).getResultList();
    }

    public LostReason lostReason(long id) {
        LostReason reason = em.find(LostReason.class, id);
        if (reason == null || !reason.isActive()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "subject.close.lostReasonUnknown",
                    "lostReason", id);
        }
        return reason;
    }

    @RolesAllowed(Roles.ADMIN)
    public LostReason addLostReason(String description, String descriptionEn) {
        requireDescription(description);
        LostReason reason = new LostReason(description, descriptionEn);
        em.persist(reason);
        return reason;
    }

    /** Retired, not deleted: subjects lost for this reason keep it. */
    @RolesAllowed(Roles.ADMIN)
    public void retireLostReason(long id) {
        LostReason reason = em.find(LostReason.class, id);
        if (reason == null) {
            throw BusinessException.notFound("lostReason", id);
        }
        reason.retire();
    }

    private static void requireDescription(String description) {
        if (description == null || description.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "stage.description.required", "description");
        }
        if (description.strip().length() > Stage.DESCRIPTION_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "stage.description.tooLong", "description",
                    Stage.DESCRIPTION_LENGTH);
        }
    }

    /** Two admins editing stages at once queue up here instead of breaking the five-stage limit. */
    private List<Stage> lockAll() {
        return em.createNamedQuery(Stage.ALL, Stage.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Positions are unique: park every stage out of the way first, then number them 1..n. */
    private void renumber(List<Stage> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).placeAt(1000 + i);
        }
        em.flush();
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).placeAt(i + 1);
        }
        em.flush();
    }
}
