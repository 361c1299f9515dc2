package br.com.crm.web.api;

import br.com.crm.operations.boundary.Diagnostics;
import br.com.crm.web.shell.OpenSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The readiness checks with their details (database product and error, the ERP's state and why it is down) and
 * the HTTP sessions this server holds, for administrators; the server's public {@code /health/ready} says UP or
 * DOWN only.
 */
@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    public record HealthJson(List<Diagnostics.Check> checks, int sessions) {
    }

    @Inject
    Diagnostics diagnostics;

    @Inject
    OpenSessions sessions;

    @GET
    public HealthJson health() {
        return new HealthJson(diagnostics.checks(), sessions.count());
    }
}
