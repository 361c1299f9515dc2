package br.com.crm.web.api;

import br.com.crm.security.boundary.Users;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's own account: a new password, given the current one (the only call open to a must-change user). */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    public record PasswordChange(String current, String password) {
    }

    @Inject
    Users users;

    @POST
    @Path("password")
    public Response changePassword(PasswordChange input) {
        users.changeOwnPassword(input == null ? null : input.current(), input == null ? null : input.password());
        return Response.noContent().build();
    }
}
