package br.com.crm.web.api;

import br.com.crm.activity.boundary.ActivityJson;
import br.com.crm.activity.boundary.Activities;
import br.com.crm.subject.boundary.Subjects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * A subject's activities: the list (open ones first) and planning a new one. Changing an activity is {@link ActivitiesResource}'s.
 */
@Path("subjects/{id}/activities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectActivitiesResource {

    @Inject
    Subjects subjects;

    @Inject
    Activities activities;

    /** The subject's activities: open ones first by due date, then done ones. */
    @GET
    public List<ActivityJson> activities(@PathParam("id") long id) {
        subjects.find(id);
        return activities.ofSubject(id).stream().map(ActivitiesResource::json).toList();
    }

    /** Plans an activity on the subject (201, Location, ETag). */
    @POST
    public Response plan(@PathParam("id") long id, ActivitiesResource.ActivityInput input, @Context UriInfo uri) {
        var activity = activities.create(id, input == null ? null : input.form());
        return Response.created(uri.getBaseUriBuilder().path("activities").path(activity.getId().toString()).build())
                .tag(Versions.tag(activity.getVersion()))
                .entity(ActivitiesResource.json(activities.find(activity.getId()))).build();
    }

}
