package br.com.crm.tag.boundary;

import br.com.crm.business.BusinessException;
import br.com.crm.customer.entity.Customer;
import br.com.crm.funnel.boundary.FunnelChanged;
import br.com.crm.security.entity.Roles;
import br.com.crm.tag.entity.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tags: everyone reads and puts them on subjects (see Subjects); administrators create, rename and delete. */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
public class Tags {

    /** A tag as a chip on a card: enough to draw it. */
    public record Chip(long id, String name, String color) implements java.io.Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<FunnelChanged> funnelChanged;

    public List<Tag> list() {
        return em.createNamedQuery(Tag.ALL, Tag.class).getResultList();
    }

    /** The tags of these ids; an unknown id is refused. */
    public List<Tag> find(Collection<Long> ids) {
        List<Tag> tags = new ArrayList<>();
        for (Long id : Set.copyOf(ids)) {
            Tag tag = em.find(Tag.class, id);
            if (tag == null) {
                throw new BusinessException(BusinessException.Kind.INVALID, "tag.unknown", "tags", id);
            }
            tags.add(tag);
        }
        return tags;
    }

    @RolesAllowed(Roles.ADMIN)
    public Tag create(String name, String color) {
        Tag tag = new Tag(name, color);
        refuseDuplicate(tag, null);
        em.persist(tag);
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
        tag.rename(name, color);
        refuseDuplicate(tag, id);
        funnelChanged.fire(new FunnelChanged());
        return tag;
    }

    /** Deletes the tags (several at once) and takes them off every subject; unknown ids are ignored. */
    @RolesAllowed(Roles.ADMIN)
    public int delete(Collection<Long> ids) {
        int deleted = 0;
        for (Long id : Set.copyOf(ids)) {
            Tag tag = em.find(Tag.class, id);
            if (tag != null) {
                em.remove(tag);
                deleted++;
            }
        }
        if (deleted > 0) {
            funnelChanged.fire(new FunnelChanged());
        }
        return deleted;
    }

    /** The chips of many subjects in one query (a page of cards, never a query per card). */
    public Map<Long, List<Chip>> chips(Collection<Long> subjectIds) {
        Map<Long, List<Chip>> chips = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return chips;
        }
        em.createQuery("select s.id, t.id, t.name, t.color from Subject s join s.tags t where s.id in :ids "
                        + "order by t.searchName", Object[].class)
                .setParameter("ids", subjectIds)
                .getResultList()
                .forEach(row -> chips.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                        .add(new Chip((Long) row[1], (String) row[2], (String) row[3])));
        return chips;
    }

    private void refuseDuplicate(Tag tag, Long self) {
        em.createNamedQuery(Tag.BY_SEARCH_NAME, Tag.class)
                .setParameter("name", Customer.searchable(tag.getName()))
                .getResultStream()
                .filter(other -> !other.getId().equals(self))
                .findFirst()
                .ifPresent(other -> {
                    throw new BusinessException(BusinessException.Kind.CONFLICT, "tag.name.duplicate", "name",
                            other.getName());
                });
    }
}
