package br.com.crm.web.api;

import br.com.crm.tag.boundary.TagJson;
import br.com.crm.tag.boundary.Tags;
import br.com.crm.tag.entity.Tag;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.util.List;
import java.util.Map;

/** Tags: everyone reads; administrators create, rename and delete (several at once with ?id=1&id=2). */
@Path("tags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagsResource {

    public record TagInput(String name, String color) {
    }

    @Inject
    Tags tags;

    @GET
    public List<TagJson> list() {
        return tags.list().stream().map(TagsResource::json).toList();
    }

    @POST
    public Response create(TagInput input, @Context UriInfo uri) {
        Tag tag = tags.create(input == null ? null : input.name(), input == null ? null : input.color());
        return Response.created(uri.getAbsolutePathBuilder().path(tag.getId().toString()).build())
                .tag(Versions.tag(tag.getVersion())).entity(json(tag)).build();
    }

    @PUT
    @Path("{id}")
    public Response rename(@PathParam("id") long id, TagInput input, @Context HttpHeaders headers) {
        Tag tag = tags.rename(id, Versions.ifMatch(headers), input == null ? null : input.name(),
                input == null ? null : input.color());
        return Response.ok(json(tag)).tag(Versions.tag(tag.getVersion())).build();
    }

    /** Deletes the tags and takes them off every subject: for ever. */
    @DELETE
    public Response delete(@QueryParam("id") List<Long> ids) {
        return Response.ok(Map.of("deleted", tags.delete(ids))).build();
    }

    static TagJson json(Tag tag) {
        return TagJson.of(tag);
    }
}
