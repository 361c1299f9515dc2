package br.com.crm.web.api;

import br.com.crm.note.boundary.Notes;
import br.com.crm.note.entity.Note;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;

/** A note over HTTP: read; edit and delete by its author (If-Match). Adding one is {@code POST /subjects/{id}/notes}. */
@Path("notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotesResource {

    public record NoteJson(long id, long subjectId, String text, String author, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt, long version) {
    }

    public record NoteInput(String text) {
    }

    @Inject
    Notes notes;

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return answer(notes.find(id));
    }

    @PUT
    @Path("{id}")
    public Response edit(@PathParam("id") long id, NoteInput input, @Context HttpHeaders headers) {
        return answer(notes.edit(id, Versions.ifMatch(headers), input == null ? null : input.text()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @Context HttpHeaders headers) {
        notes.delete(id, Versions.ifMatch(headers));
        return Response.noContent().build();
    }

    static Response answer(Note note) {
        return Response.ok(json(note)).tag(Versions.tag(note.getVersion())).build();
    }

    static NoteJson json(Note n) {
        return new NoteJson(n.getId(), n.getSubjectId(), n.getText(), n.getAuthor(), n.getCreatedAt(),
                n.getUpdatedAt(), n.getVersion());
    }
}
