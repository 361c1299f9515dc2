package br.com.crm.web.api;

import br.com.crm.kernel.BusinessException;
import br.com.crm.subject.boundary.Subjects;
import br.com.crm.timeline.boundary.Timeline;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.DateTimeException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A subject's timeline: activities, notes, stage changes, proposals and e-mails, newest first.
 */
@Path("subjects/{id}/timeline")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectTimelineResource {

    @Inject
    Subjects subjects;

    @Inject
    Timeline timeline;

    /**
     * The subject's timeline, newest first, a page at a time ({@code next} back as {@code cursor}); {@code kind}
     * (ACTIVITY, NOTE, STAGE_CHANGE; repeat for several) narrows it.
     */
    @GET
    public Timeline.Page timeline(@PathParam("id") long id, @QueryParam("kind") List<String> kinds,
                                  @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") @DefaultValue("20") int limit) {
        subjects.find(id);
        Set<Timeline.Kind> chosen = new HashSet<>();
        for (String kind : kinds == null ? List.<String>of() : kinds) {
            try {
                chosen.add(Timeline.Kind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                throw new BusinessException(BusinessException.Kind.INVALID, "timeline.kind.unknown", "kind", kind);
            }
        }
        try {
            return timeline.page(id, chosen, cursor == null || cursor.isBlank() ? null : cursor, limit);
        } catch (DateTimeException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "api.cursor.invalid", "cursor");
        }
    }

}
