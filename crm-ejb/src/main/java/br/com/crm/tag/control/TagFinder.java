package br.com.crm.tag.control;

import br.com.crm.kernel.BusinessException;
import br.com.crm.tag.boundary.Tags.Chip;
import br.com.crm.tag.entity.Tag;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tags as the components that put them on subjects or show them read them, inside their transaction. */
@Dependent
public class TagFinder {

    @PersistenceContext
    EntityManager em;

    public List<Tag> list() {
        return em.createNamedQuery(Tag.ALL, Tag.class).getResultList();
    }

    /** The tags of these ids; an unknown id is refused. */
    public List<Tag> find(Collection<Long> ids) {
        List<Tag> tags = new ArrayList<>();
        for (Long id : new HashSet<>(ids)) {
            Tag tag = id == null ? null : em.find(Tag.class, id);
            if (tag == null) {
                throw new BusinessException(BusinessException.Kind.INVALID, "tag.unknown", "tags", id);
            }
            tags.add(tag);
        }
        return tags;
    }

    /** The chips of many subjects in one query (a page of cards, never a query per card). */
    public Map<Long, List<Chip>> chips(Collection<Long> subjectIds) {
        Map<Long, List<Chip>> chips = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return chips;
        }
        em.createQuery("select st.subjectId, t.id, t.name, t.color from SubjectTag st, Tag t "
                        + "where t.id = st.tagId and st.subjectId in :ids order by t.searchName", Object[].class)
                .setParameter("ids", subjectIds)
                .getResultList()
                .forEach(row -> chips.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                        .add(new Chip((Long) row[1], (String) row[2], (String) row[3])));
        return chips;
    }
}
