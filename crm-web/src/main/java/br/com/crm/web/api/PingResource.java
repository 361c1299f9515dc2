package br.com.crm.web.api;

import br.com.crm.kernel.Cluster;
import br.com.crm.web.shell.AppInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** A cheap authenticated call for integrators to check credentials, reachability and the module's version. */
@Path("ping")
@RequestScoped
public class PingResource {

    /** {@code instance}: which server of a cluster answered. */
    public record Pong(String status, String version, String user, String instance) {
    }

    @Inject
    AppInfo appInfo;

    @Inject
    Cluster cluster;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Pong ping(@Context SecurityContext security) {
        return new Pong("ok", appInfo.getVersion(), security.getUserPrincipal().getName(), cluster.instance());
    }
}
