package br.com.crm.stage.boundary;

import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import br.com.crm.stage.control.StageFinder;
import br.com.crm.stage.control.StageTotals;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.ProposalRule;
import br.com.crm.stage.entity.Stage;
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
 * Configures the funnel: its stages (at most five; exactly one closes subjects, and it stays last) and the reasons a
 * subject can be lost. Reading is for everyone; changing is for administrators.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class Stages {

    @PersistenceContext
    EntityManager em;

    @Inject
    StageFinder finder;

    @Inject
    StageTotals totals;

    @Inject
    Changes changes;

    @Inject
    Event<StageRemoval> removal;

    @Inject
    CurrentCaller caller;

    public List<Stage> list() {
        return finder.list();
    }

    public Stage find(long id) {
        return finder.find(id);
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
        stage.estimateWinAt(Stage.defaultProbability((int) stages.stream().filter(s -> !s.isClosing()).count()));
        List<Stage> ordered = new ArrayList<>(stages);
        ordered.add(closingIndex(ordered), stage);
        em.persist(stage);
        renumber(ordered);
        totals.open(stage.getId());
        changed(List.of(stage.getId()));
        return stage;
    }

    /**
     * Describes a stage, sets its win probability (%; none on the closing stage) and places it at a position
     * (1-based). The closing stage stays last, so other stages take positions before it.
     */
    @RolesAllowed(Roles.ADMIN)
    public Stage update(long id, long version, String description, String descriptionEn, int position,
                        Integer staleDays, ProposalRule proposalRule, Integer probability) {
        requireDescription(description);
        List<Stage> stages = lockAll();
        Stage stage = finder.find(id);
        if (stage.getVersion() != version) {
            throw BusinessException.stale("stage");
        }
        stage.describe(description, descriptionEn);
        stage.flagStaleAfter(staleDays);
        stage.estimateWinAt(probability);
        if (proposalRule != null) {
            // One stage per rule: the rule moves here from wherever it was.
            stages.stream().filter(other -> other.getProposalRule() == proposalRule)
                    .forEach(other -> other.moveOnProposal(null));
        }
        stage.moveOnProposal(proposalRule);
        int last = stages.size();
        if (stage.isClosing() ? position != last : position < 1 || position >= last) {
            throw new BusinessException(BusinessException.Kind.INVALID, "stage.position.invalid", "position",
                    1, last - 1);
        }
        List<Stage> ordered = new ArrayList<>(stages);
        ordered.remove(stage);
        ordered.add(position - 1, stage);
        renumber(ordered);
        changed(stages.stream().map(Stage::getId).toList());
        return stage;
    }

    /** Removes a stage that holds no subject (archived ones count: they would lose their stage). */
    @RolesAllowed(Roles.ADMIN)
    public void remove(long id, long version) {
        List<Stage> stages = lockAll();
        Stage stage = finder.find(id);
        if (stage.getVersion() != version) {
            throw BusinessException.stale("stage");
        }
        if (stage.isClosing()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "stage.closingCannotBeRemoved", null);
        }
        removal.fire(new StageRemoval(id));
        if (stages.size() <= 2) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "stage.minimum", null, 2);
        }
        List<Stage> ordered = new ArrayList<>(stages);
        ordered.remove(stage);
        em.remove(stage);
        em.flush();
        renumber(ordered);
        changed(List.of(id));
    }

    public List<LostReason> lostReasons() {
        return em.createNamedQuery(LostReason.ACTIVE, LostReason.class).getResultList();
    }

    public List<LostReason> allLostReasons() {
        return em.createNamedQuery(LostReason.ALL, LostReason.class).getResultList();
    }

    public LostReason lostReason(long id) {
        return finder.lostReason(id);
    }

    @RolesAllowed(Roles.ADMIN)
    public LostReason addLostReason(String description, String descriptionEn) {
        requireDescription(description);
        LostReason reason = new LostReason(description, descriptionEn);
        em.persist(reason);
        em.flush();
        changes.fire(Change.Kind.LOST_REASONS_CHANGED, List.of(), List.of(), reason.getId(), caller.name(),
                AuditEvent.of(AuditEvent.Action.CREATE, AuditEvent.Entity.LOST_REASON, reason.getId(), null,
                        description, caller.name()));
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
        changes.fire(Change.Kind.LOST_REASONS_CHANGED, List.of(), List.of(), id, caller.name(),
                AuditEvent.of(AuditEvent.Action.ARCHIVE, AuditEvent.Entity.LOST_REASON, id, null,
                        reason.getDescription(), caller.name()));
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

    /** Where a new stage goes: just before the closing one (at the end when, oddly, none closes). */
    private static int closingIndex(List<Stage> stages) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).isClosing()) {
                return i;
            }
        }
        return stages.size();
    }

    /** Two admins editing stages at once queue up here instead of breaking the five-stage limit. */
    private List<Stage> lockAll() {
        return em.createNamedQuery(Stage.ALL, Stage.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * Positions are unique: park every stage out of the way first, then number them 1..n. The closing stage is
     * the last whatever the caller asked, so "the last one closes" holds after every change.
     */
    private void renumber(List<Stage> ordered) {
        List<Stage> stages = new ArrayList<>(ordered);
        stages.stream().filter(Stage::isClosing).findFirst().ifPresent(closing -> {
            stages.remove(closing);
            stages.add(closing);
        });
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).placeAt(1000 + i);
        }
        em.flush();
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).placeAt(i + 1);
        }
        em.flush();
    }

    private void changed(List<Long> stageIds) {
        changes.fire(Change.Kind.STAGES_CHANGED, List.of(), stageIds, null, caller.name());
    }
}
