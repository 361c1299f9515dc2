package br.com.crm.web.api;

import br.com.crm.audit.boundary.Audit;
import br.com.crm.subject.boundary.Subjects;
import br.com.crm.web.audit.AuditEntries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A subject's history: its audit entries and its records', for whoever sees the subject, newest first. */
@Path("subjects/{id}/history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubjectHistoryResource {

    @Inject
    Audit audit;

    @Inject
    Subjects subjects;

    @GET
    public AuditResource.Page history(@PathParam("id") long id, @QueryParam("cursor") String cursor,
                                      @QueryParam("limit") @DefaultValue("50") int limit) {
        subjects.find(id);
        return AuditResource.Page.of(audit.history(id, AuditEntries.cursor(cursor), limit));
    }
}
