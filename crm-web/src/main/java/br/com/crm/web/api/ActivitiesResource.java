package br.com.crm.web.api;

import br.com.crm.activity.boundary.Activities;
import br.com.crm.activity.boundary.ActivityCalendar;
import br.com.crm.activity.boundary.ActivityJson;
import br.com.crm.activity.entity.Activity;
import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.kernel.BusinessException;
import br.com.crm.web.activity.ActivityIcsServlet;
import br.com.crm.web.activity.ICalendar;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Activities over HTTP: search (user, due range, done), read, edit, mark done, reopen, delete; with the subject's
 * version rules (ETag on every answer, If-Match on every change). Planning one is {@code POST
 * /subjects/{id}/activities}.
 */
@Path("activities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivitiesResource {

    public record ActivityInput(ActivityKind kind, String description, OffsetDateTime dueAt, String responsible) {
        Activities.Form form() {
            return new Activities.Form(kind, description, dueAt, responsible);
        }
    }

    /** Marks done: when (default now) and how it went. */
    public record DoneInput(OffsetDateTime doneAt, String result) {
    }

    @Inject
    Activities activities;

    @Inject
    ActivityCalendar calendar;

    @Context
    HttpServletRequest request;

    /** {@code user} (username), {@code from}/{@code to} (due, ISO date-time, to exclusive), {@code done}. */
    @GET
    public List<ActivityJson> search(@QueryParam("user") String user, @QueryParam("done") Boolean done,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("limit") @DefaultValue("100") int limit) {
        return activities.search(user, done, time(from, "from"), time(to, "to"), limit).stream()
                .map(ActivitiesResource::json).toList();
    }

    /** The activity as an iCalendar event, to open in a calendar program. */
    @GET
    @Path("{id}.ics")
    @Produces(ICalendar.CONTENT_TYPE)
    public Response ics(@PathParam("id") long id) {
        return Response.ok(ActivityIcsServlet.ics(calendar, id, request), ICalendar.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"activity-" + id + ".ics\"").build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return answer(activities.find(id));
    }

    @PUT
    @Path("{id}")
    public Response edit(@PathParam("id") long id, ActivityInput input, @Context HttpHeaders headers) {
        return answer(activities.edit(id, Versions.ifMatch(headers), input == null ? null : input.form()));
    }

    @POST
    @Path("{id}/done")
    public Response done(@PathParam("id") long id, DoneInput input, @Context HttpHeaders headers) {
        return answer(activities.complete(id, Versions.ifMatch(headers), input == null ? null : input.doneAt(),
                input == null ? null : input.result()));
    }

    @POST
    @Path("{id}/reopen")
    public Response reopen(@PathParam("id") long id, @Context HttpHeaders headers) {
        return answer(activities.reopen(id, Versions.ifMatch(headers)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @Context HttpHeaders headers) {
        activities.delete(id, Versions.ifMatch(headers));
        return Response.noContent().build();
    }

    Response answer(Activity changed) {
        Activity activity = activities.find(changed.getId());
        return Response.ok(json(activity)).tag(Versions.tag(activity.getVersion())).build();
    }

    static ActivityJson json(Activity a) {
        return ActivityJson.of(a);
    }

    static OffsetDateTime time(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (RuntimeException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "filter.date.invalid", name, value);
        }
    }
}
