package br.com.crm.web.api;

import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.funnel.boundary.Funnel;
import br.com.crm.funnel.boundary.SubjectList;
import br.com.crm.kernel.BusinessException;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.subject.boundary.SubjectJson;
import br.com.crm.subject.boundary.Subjects;
import br.com.crm.subject.entity.Outcome;
import br.com.crm.subject.entity.Subject;
import br.com.crm.web.subject.FilterParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Subjects over HTTP: the list, one subject, its changes. Every response carries the subject's version as ETag;
 * every change needs it in If-Match. Lists are paged by a keyset cursor ({@code next}), per stage as on the board.
 * A subject's activities, notes, proposals, e-mails and timeline, and the transfers (import, export, bulk), have
 * resources of their own beside this one.
 */
@Path("subjects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectsResource {

    /** {@code contactStatus}, when given, changes the customer's contact status in the same call. */
    public record SubjectInput(String title, Long customerId, Long stageId, String responsible, BigDecimal amount,
                               LocalDate expectedClose, String description, ContactStatus contactStatus) {
        Subjects.Form form() {
            return new Subjects.Form(title, customerId, stageId, responsible, amount, expectedClose, description,
                    contactStatus);
        }
    }

    public record MoveInput(Long stageId, Outcome outcome, Long lostReasonId) {
    }

    public record PageJson(List<?> items, String next) {
    }

    @Inject
    Subjects subjects;

    @Inject
    Funnel funnel;

    @Inject
    SubjectList list;

    /**
     * The subjects the filter selects, a page at a time; pass {@code next} back as {@code cursor}. With a
     * {@code stage}, that column as on the board (newest in the stage first); without, all stages, newest first.
     */
    @GET
    public PageJson list(@QueryParam("stage") Long stageId, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") @DefaultValue("25") int limit, @BeanParam FilterParams filterParams) {
        SubjectFilter filter = filterParams.filter();
        if (stageId == null) {
            Long after;
            try {
                after = cursor == null || cursor.isBlank() ? null : Long.valueOf(cursor);
            } catch (NumberFormatException e) {
                throw new BusinessException(BusinessException.Kind.INVALID, "api.cursor.invalid", "cursor");
            }
            List<SubjectList.Row> rows = list.after(filter, after, limit);
            return new PageJson(rows, rows.size() < Math.min(Math.max(limit, 1), SubjectList.MAX_PAGE_SIZE)
                    ? null : String.valueOf(rows.get(rows.size() - 1).id()));
        }
        Funnel.Page page;
        if (cursor == null || cursor.isBlank()) {
            page = funnel.firstPage(stageId, limit, filter);
        } else {
            OffsetDateTime at;
            long after;
            try {
                String[] parts = cursor.split("_", 2);
                after = Long.parseLong(parts[0]);
                at = OffsetDateTime.parse(parts[1]);
            } catch (RuntimeException e) {
                throw new BusinessException(BusinessException.Kind.INVALID, "api.cursor.invalid", "cursor");
            }
            page = funnel.nextPage(stageId, at, after, limit, filter);
        }
        Funnel.Card last = page.last();
        return new PageJson(page.cards(), page.more() && last != null ? last.id() + "_" + last.enteredAt() : null);
    }

    @POST
    public Response create(SubjectInput input, @Context UriInfo uri) {
        Subject subject = subjects.create(input == null ? null : input.form());
        return Response.created(uri.getAbsolutePathBuilder().path(subject.getId().toString()).build())
                .tag(Versions.tag(subject.getVersion())).entity(json(subjects.find(subject.getId()))).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        Subject subject = subjects.find(id);
        return Response.ok(json(subject)).tag(Versions.tag(subject.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, SubjectInput input, @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers);
        return answer(subjects.edit(id, version, input == null ? null : input.form()));
    }

    /**
     * Deletes the subject for ever: its responsible or an administrator; one that sent proposals or e-mails only
     * an administrator, with {@code ?confirm=true} (409 otherwise: archive it instead).
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @QueryParam("confirm") @DefaultValue("false") boolean confirm,
                           @Context HttpHeaders headers) {
        subjects.delete(id, Versions.ifMatch(headers), confirm);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/move")
    public Response move(@PathParam("id") long id, MoveInput input, @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers);
        if (input == null || input.stageId() == null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "api.stage.required", "stageId");
        }
        return answer(subjects.move(id, version, input.stageId(), input.outcome(), input.lostReasonId()));
    }

    /** Puts exactly these tags (a JSON array of tag ids) on the subject. */
    @PUT
    @Path("{id}/tags")
    public Response tag(@PathParam("id") long id, List<Long> tagIds, @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers);
        return answer(subjects.tag(id, version, tagIds == null ? List.of() : tagIds));
    }

    @POST
    @Path("{id}/archive")
    public Response archive(@PathParam("id") long id, @Context HttpHeaders headers) {
        return answer(subjects.archive(id, Versions.ifMatch(headers)));
    }

    @POST
    @Path("{id}/unarchive")
    public Response unarchive(@PathParam("id") long id, @Context HttpHeaders headers) {
        return answer(subjects.unarchive(id, Versions.ifMatch(headers)));
    }

    private Response answer(Subject changed) {
        Subject subject = subjects.find(changed.getId());
        return Response.ok(json(subject)).tag(Versions.tag(subject.getVersion())).build();
    }

    static SubjectJson json(Subject s) {
        return SubjectJson.of(s);
    }
}
