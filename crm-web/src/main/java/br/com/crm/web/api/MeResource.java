package br.com.crm.web.api;

import br.com.crm.activity.boundary.ActivityCalendar;
import br.com.crm.security.boundary.Users;
import br.com.crm.web.activity.CalendarServlet;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The caller's own account: a new password, given the current one (the only call open to a must-change user); the
 * address of their private calendar feed.
 */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    public record PasswordChange(String current, String password) {
    }

    /** The caller's private calendar feed: its address, {@code null} until one is made. */
    public record CalendarJson(String url) {
    }

    @Inject
    Users users;

    @Inject
    ActivityCalendar calendar;

    @Context
    HttpServletRequest request;

    @GET
    @Path("calendar")
    public CalendarJson calendar() {
        return new CalendarJson(calendar.token().map(this::feedUrl).orElse(null));
    }

    /** A new address for the caller's feed; the old one stops working. */
    @POST
    @Path("calendar")
    public CalendarJson newCalendar() {
        return new CalendarJson(feedUrl(calendar.renew()));
    }

    private String feedUrl(String token) {
        return CalendarServlet.feedUrl(request, token);
    }

    @POST
    @Path("password")
    public Response changePassword(PasswordChange input) {
        users.changeOwnPassword(input == null ? null : input.current(), input == null ? null : input.password());
        return Response.noContent().build();
    }
}
