package br.com.crm.web.audit;

import br.com.crm.audit.boundary.Audit;
import br.com.crm.audit.boundary.AuditPage;
import br.com.crm.audit.entity.AuditEntry;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.subject.SubjectBacking;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The subject page's "Histórico": the subject's audit entries, read only when asked for (one query, not on every
 * view of the page), older ones a page at a time.
 */
@Named("subjectHistory")
@ViewScoped
public class SubjectHistoryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The page's subject. */
    @Inject
    SubjectBacking subjectPage;

    @Inject
    Audit audit;

    @Inject
    Feedback feedback;

    private final List<AuditEntry> entries = new ArrayList<>();
    private Long next;
    private boolean open;

    public void show() {
        entries.clear();
        open = true;
        read(null);
    }

    public void more() {
        if (next != null) {
            read(next);
        }
    }

    private void read(Long cursor) {
        AuditPage page = feedback.attempt(() -> audit.history(subjectPage.getId(), cursor, AuditBacking.PAGE));
        if (page != null) {
            entries.addAll(page.entries());
            next = page.next();
        }
    }

    public List<AuditEntry> getEntries() {
        return entries;
    }

    public boolean isOpen() {
        return open;
    }

    public List<AuditEntries.Changed> changes(AuditEntry entry) {
        return AuditEntries.changes(entry.getChanges());
    }

    public boolean isMore() {
        return next != null;
    }
}
