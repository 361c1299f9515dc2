package br.com.crm.database.control;

import br.com.crm.kernel.Change;
import br.com.crm.kernel.Cluster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import java.util.EnumSet;
import java.util.Set;

/**
 * JPA's shared cache holds only the read-mostly settings (stages, lost reasons, tags: {@code @Cacheable}, the unit
 * being {@code ENABLE_SELECTIVE}). A server's own commits keep its cache right; when another server of the cluster
 * changed them, this server forgets what it kept, so the next read takes them from the database.
 */
@ApplicationScoped
public class SharedCache {

    static final Set<Change.Kind> CACHED = EnumSet.of(Change.Kind.STAGES_CHANGED, Change.Kind.LOST_REASONS_CHANGED,
            Change.Kind.TAGS_CHANGED);

    @PersistenceUnit
    EntityManagerFactory units;

    @Inject
    Cluster cluster;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Change change) {
        if (CACHED.contains(change.kind()) && !cluster.member().equals(change.member())) {
            units.getCache().evictAll();
        }
    }
}
