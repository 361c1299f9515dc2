package br.com.crm.web.api;

import br.com.crm.audit.boundary.Audit;
import br.com.crm.audit.boundary.AuditPage;
import br.com.crm.audit.entity.AuditEntry;
import br.com.crm.kernel.Jsonp;
import br.com.crm.web.audit.AuditEntries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The audit trail ({@code crm-admin}), newest first, a page at a time: {@code next} goes back as {@code cursor}.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** One entry: {@code id} is the record's, {@code entity} its kind; {@code changes} field → [before, after]. */
    public record Entry(OffsetDateTime at, String actor, String action, String entity, Long id, Long subject,
                        String summary, JsonObject changes, String origin, String address) {

        static Entry of(AuditEntry e) {
            JsonObject changes = null;
            if (e.getChanges() != null) {
                try (JsonReader reader = Jsonp.createReader(new StringReader(e.getChanges()))) {
                    changes = reader.readObject();
                }
            }
            return new Entry(e.getAt(), e.getActor(), e.getAction(), e.getEntity(), e.getEntityId(),
                    e.getSubjectId(), e.getSummary(), changes, e.getOrigin(), e.getAddress());
        }
    }

    public record Page(List<Entry> entries, Long next) {

        static Page of(AuditPage page) {
            return new Page(page.entries().stream().map(Entry::of).toList(), page.next());
        }
    }

    @Inject
    Audit audit;


    @GET
    public Page audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
                      @QueryParam("entity") String entity, @QueryParam("id") String id,
                      @QueryParam("from") String from, @QueryParam("to") String to,
                      @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        return Page.of(audit.page(AuditEntries.query(actor, action, entity, id, from, to),
                AuditEntries.cursor(cursor), limit));
    }
}
