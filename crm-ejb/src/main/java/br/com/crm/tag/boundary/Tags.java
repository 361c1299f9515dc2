package br.com.crm.tag.boundary;

import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import br.com.crm.kernel.Text;
import br.com.crm.security.control.CurrentCaller;
import br.com.crm.security.entity.Roles;
import br.com.crm.tag.control.TagFinder;
import br.com.crm.tag.entity.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tags: everyone reads and puts them on subjects (see Subjects); administrators create, rename and delete. */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class Tags {

    /** A tag as a chip on a card: enough to draw it. */
    public record Chip(long id, String name, String color) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    TagFinder finder;

    @Inject
    Changes changes;

    @Inject
    CurrentCaller caller;

    public List<Tag> list() {
        return finder.list();
    }

    /** The tags of these ids; an unknown id is refused. */
    public List<Tag> find(Collection<Long> ids) {
        return finder.find(ids);
    }

    @RolesAllowed(Roles.ADMIN)
    public Tag create(String name, String color) {
        Tag tag = new Tag(name, color);
        refuseDuplicate(tag, null);
        em.persist(tag);
        em.flush();
        changes.audit(AuditEvent.of(AuditEvent.Action.CREATE, AuditEvent.Entity.TAG, tag.getId(), null, name,
                caller.name()));
        return tag;
    }

    @RolesAllowed(Roles.ADMIN)
    public Tag rename(long id, long version, String name, String color) {
        Tag tag = em.find(Tag.class, id);
        if (tag == null) {
            throw BusinessException.notFound("tag", id);
        }
        if (tag.getVersion() != version) {
            throw BusinessException.stale("tag");
        }
        Map<String, String> before = Map.of("name", tag.getName(), "color", tag.getColor());
        tag.rename(name, color);
        refuseDuplicate(tag, id);
        changed(id, AuditEvent.of(AuditEvent.Action.EDIT, AuditEvent.Entity.TAG, id, null, tag.getName(),
                caller.name()).withChanges(AuditEvent.diff(before, Map.of("name", tag.getName(),
                "color", tag.getColor()))));
        return tag;
    }

    /** Deletes the tags (several at once) and takes them off every subject; unknown ids are ignored. */
    @RolesAllowed(Roles.ADMIN)
    public int delete(Collection<Long> ids) {
        List<AuditEvent.Item> deleted = new ArrayList<>();
        for (Long id : Set.copyOf(ids)) {
            Tag tag = em.find(Tag.class, id);
            if (tag != null) {
                em.remove(tag);
                deleted.add(new AuditEvent.Item(id, null, tag.getName()));
            }
        }
        if (!deleted.isEmpty()) {
            changed(null, new AuditEvent(AuditEvent.Action.DELETE, AuditEvent.Entity.TAG, deleted, null,
                    caller.name(), null));
        }
        return deleted.size();
    }

    /** Chips change on cards wherever the tag is: every column may show it. */
    private void changed(Long tagId, AuditEvent audited) {
        changes.fire(Change.Kind.TAGS_CHANGED, List.of(), List.of(), tagId, caller.name(), audited);
    }

    private void refuseDuplicate(Tag tag, Long self) {
        em.createNamedQuery(Tag.BY_SEARCH_NAME, Tag.class)
                .setParameter("name", Text.searchable(tag.getName()))
                .getResultStream()
                .filter(other -> !other.getId().equals(self))
                .findFirst()
                .ifPresent(other -> {
                    throw new BusinessException(BusinessException.Kind.CONFLICT, "tag.name.duplicate", "name",
                            other.getName());
                });
    }
}
