package br.com.crm.web.api;

import br.com.crm.webhook.boundary.Webhooks;
import br.com.crm.webhook.entity.WebhookDelivery;
import br.com.crm.webhook.entity.WebhookEndpoint;
import br.com.crm.webhook.entity.WebhookEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Outgoing webhooks, for administrators: endpoints (create, read, change with If-Match, delete with their
 * deliveries), an endpoint's recent deliveries, a test event, a failed delivery sent again. The endpoint's secret
 * is in the answer only when it was just made (creation, or {@code "renewSecret": true}), never in a GET.
 */
@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    /** {@code secret}: only right after it was made; absent otherwise. */
    public record EndpointJson(long id, String name, String url, List<String> events, boolean active,
                               String secret, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                               String updatedBy, long version) {
    }

    public record EndpointInput(String name, String url, List<String> events, Boolean active, Boolean renewSecret) {
        Webhooks.Form form() {
            return new Webhooks.Form(name, url, events, active);
        }
    }

    public record DeliveryJson(long id, String deliveryId, String event, Long subjectId, String status, int attempts,
                               Integer lastStatus, String lastAnswer, String lastError, OffsetDateTime lastAttemptAt,
                               OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, OffsetDateTime createdAt) {
    }

    @Inject
    Webhooks webhooks;

    @GET
    public List<EndpointJson> list() {
        return webhooks.list().stream().map(e -> json(e, null)).toList();
    }

    @POST
    public Response create(EndpointInput input, @Context UriInfo uri) {
        Webhooks.Saved saved = webhooks.create(input == null ? null : input.form());
        // As GET shows it: read again after the boundary's transaction.
        WebhookEndpoint endpoint = webhooks.find(saved.endpoint().getId());
        return Response.created(uri.getAbsolutePathBuilder().path(endpoint.getId().toString()).build())
                .tag(Versions.tag(endpoint.getVersion())).entity(json(endpoint, saved.secret())).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        WebhookEndpoint endpoint = webhooks.find(id);
        return Response.ok(json(endpoint, null)).tag(Versions.tag(endpoint.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    public Response edit(@PathParam("id") long id, EndpointInput input, @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers);
        Webhooks.Saved saved = webhooks.edit(id, version, input == null ? null : input.form(),
                input != null && Boolean.TRUE.equals(input.renewSecret()));
        // The version as committed: read again after the boundary's transaction.
        WebhookEndpoint endpoint = webhooks.find(id);
        return Response.ok(json(endpoint, saved.secret())).tag(Versions.tag(endpoint.getVersion())).build();
    }

    /** Deletes the endpoint with its deliveries, queued ones too: nothing more goes to it. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    /** The endpoint's latest deliveries, newest first ({@code limit} at most 100). */
    @GET
    @Path("{id}/deliveries")
    public List<DeliveryJson> deliveries(@PathParam("id") long id,
                                         @QueryParam("limit") @DefaultValue("50") int limit) {
        return webhooks.deliveries(id, limit).stream().map(WebhooksResource::json).toList();
    }

    /** Queues a {@code webhook.test} event for the endpoint (202: its outcome is on the deliveries). */
    @POST
    @Path("{id}/test")
    public Response test(@PathParam("id") long id) {
        return Response.accepted(json(webhooks.test(id))).build();
    }

    /** Sends a failed delivery again, with the same delivery id (202; 409 when it has not failed). */
    @POST
    @Path("{id}/deliveries/{delivery}/resend")
    public Response resend(@PathParam("id") long id, @PathParam("delivery") long delivery) {
        return Response.accepted(json(webhooks.resend(id, delivery))).build();
    }

    static EndpointJson json(WebhookEndpoint e, String secret) {
        return new EndpointJson(e.getId(), e.getName(), e.getUrl(),
                e.events().stream().map(WebhookEvent::type).toList(), e.isActive(), secret, e.getCreatedAt(),
                e.getCreatedBy(), e.getUpdatedAt(), e.getUpdatedBy(), e.getVersion());
    }

    static DeliveryJson json(WebhookDelivery d) {
        return new DeliveryJson(d.getId(), d.getDeliveryId(), d.getEventType(), d.getSubjectId(),
                d.getStatus().name(), d.getAttempts(), d.getLastStatus(), d.getLastAnswer(), d.getLastError(),
                d.getLastAttemptAt(), d.getNextAttemptAt(), d.getDeliveredAt(), d.getCreatedAt());
    }
}
