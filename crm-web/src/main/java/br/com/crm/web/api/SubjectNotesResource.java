package br.com.crm.web.api;

import br.com.crm.note.boundary.Notes;
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
 * A subject's notes: the list, newest first, and a new note. Editing one is {@link NotesResource}'s.
 */
@Path("subjects/{id}/notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectNotesResource {

    @Inject
    Subjects subjects;

    @Inject
    Notes notes;

    @GET
    public List<NotesResource.NoteJson> notes(@PathParam("id") long id) {
        subjects.find(id);
        return notes.ofSubject(id).stream().map(NotesResource::json).toList();
    }

    @POST
    public Response addNote(@PathParam("id") long id, NotesResource.NoteInput input, @Context UriInfo uri) {
        var note = notes.add(id, input == null ? null : input.text());
        return Response.created(uri.getBaseUriBuilder().path("notes").path(note.getId().toString()).build())
                .tag(Versions.tag(note.getVersion())).entity(NotesResource.json(note)).build();
    }

}
