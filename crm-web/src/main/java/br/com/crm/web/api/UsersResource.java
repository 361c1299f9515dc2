package br.com.crm.web.api;

import br.com.crm.security.boundary.UserAdministration;
import br.com.crm.security.boundary.UserForm;
import br.com.crm.security.entity.User;
import br.com.crm.subject.boundary.Subjects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Users, for administrators: list (search {@code q}, {@code active=true|false}), create with a first password the
 * user must change, edit (If-Match), deactivate, reactivate, reset the password. Never a password in an answer.
 */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** A user as the API shows them; {@code openSubjects}: active open subjects they are responsible for. */
    public record UserJson(long id, String username, String displayName, String email, String role, boolean active,
                           boolean mustChangePassword, long openSubjects, OffsetDateTime createdAt, long version) {
    }

    public record UserInput(String username, String displayName, String email, String role, String password) {
    }

    public record PasswordInput(String password) {
    }

    @Inject
    UserAdministration administration;

    @Inject
    Subjects subjects;

    @GET
    public List<UserJson> list(@QueryParam("q") String search, @QueryParam("active") Boolean active) {
        List<User> users = administration.list(search, active);
        Map<Long, Long> open = subjects.openCountsOf(users.stream().map(User::getId).toList());
        return users.stream().map(u -> json(u, open.getOrDefault(u.getId(), 0L))).toList();
    }

    @POST
    public Response create(UserInput input, @Context UriInfo uri) {
        UserInput in = input == null ? new UserInput(null, null, null, null, null) : input;
        User user = administration.create(new UserForm(in.username(), in.displayName(), in.email(), in.role(),
                in.password()));
        return Response.created(uri.getAbsolutePathBuilder().path(user.getId().toString()).build())
                .tag(Versions.tag(user.getVersion())).entity(json(user, 0)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return answer(administration.find(id));
    }

    @PUT
    @Path("{id}")
    public Response edit(@PathParam("id") long id, UserInput input, @Context HttpHeaders headers) {
        UserInput in = input == null ? new UserInput(null, null, null, null, null) : input;
        return answer(administration.edit(id, Versions.ifMatch(headers),
                new UserForm(null, in.displayName(), in.email(), in.role(), null)));
    }

    @POST
    @Path("{id}/deactivate")
    public Response deactivate(@PathParam("id") long id) {
        return answer(administration.deactivate(id));
    }

    @POST
    @Path("{id}/reactivate")
    public Response reactivate(@PathParam("id") long id) {
        return answer(administration.reactivate(id));
    }

    @POST
    @Path("{id}/password")
    public Response resetPassword(@PathParam("id") long id, PasswordInput input) {
        return answer(administration.resetPassword(id, input == null ? null : input.password()));
    }

    private Response answer(User user) {
        long open = subjects.openCountsOf(List.of(user.getId())).getOrDefault(user.getId(), 0L);
        return Response.ok(json(user, open)).tag(Versions.tag(user.getVersion())).build();
    }

    static UserJson json(User user, long openSubjects) {
        return new UserJson(user.getId(), user.getUsername(), user.getDisplayName(), user.getEmail(), user.getRole(),
                user.isActive(), user.isMustChangePassword(), openSubjects, user.getCreatedAt(), user.getVersion());
    }
}
