package br.com.crm.web.audit;

import br.com.crm.audit.boundary.Audit;
import br.com.crm.audit.boundary.AuditPage;
import br.com.crm.audit.entity.AuditEntry;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.web.shell.Feedback;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configurações → Auditoria: the filter, the entries read a page at a time by keyset ("older" appends the next
 * page), and the CSV link of the same filter.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 50;

    @Inject
    Audit audit;

    @Inject
    Feedback feedback;

    private String actor;
    private String action;
    private String entity;
    private String id;
    private String from;
    private String to;
    private final List<AuditEntry> entries = new ArrayList<>();
    private Long next;
    private boolean loaded;

    public void search() {
        entries.clear();
        next = null;
        loaded = false;
        read(null);
    }

    public void more() {
        if (next != null) {
            read(next);
        }
    }

    private void read(Long cursor) {
        loaded = true;
        AuditPage page = feedback.attempt(
                () -> audit.page(AuditEntries.query(actor, action, entity, id, from, to), cursor, PAGE));
        if (page != null) {
            entries.addAll(page.entries());
            next = page.next();
        }
    }

    public List<AuditEntry> getEntries() {
        if (!loaded && entries.isEmpty()) {
            search();
        }
        return entries;
    }

    public List<AuditEntries.Changed> changes(AuditEntry entry) {
        return AuditEntries.changes(entry.getChanges());
    }

    public boolean isMore() {
        return next != null;
    }

    /** The CSV export of the same filter, as a link (a GET the browser downloads). */
    public String getCsvQuery() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("actor", actor);
        parameters.put("action", action);
        parameters.put("entity", entity);
        parameters.put("id", id);
        parameters.put("from", from);
        parameters.put("to", to);
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    public AuditEvent.Action[] getActions() {
        return AuditEvent.Action.values();
    }

    public AuditEvent.Entity[] getEntities() {
        return AuditEvent.Entity.values();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
