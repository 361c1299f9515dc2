package br.com.crm.web.api;

import br.com.crm.proposal.boundary.ProposalJson;
import br.com.crm.proposal.boundary.Proposals;
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
 * A subject's proposals: the list and a new draft. Working on one proposal is {@link ProposalsResource}'s.
 */
@Path("subjects/{id}/proposals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectProposalsResource {

    @Inject
    Subjects subjects;

    @Inject
    Proposals proposals;

    /** The subject's proposals, latest number and revision first. */
    @GET
    public List<ProposalJson> proposals(@PathParam("id") long id) {
        subjects.find(id);
        return proposals.ofSubject(id).stream().map(ProposalsResource::json).toList();
    }

    /** A new draft proposal under the next number (201, Location, ETag). */
    @POST
    public Response propose(@PathParam("id") long id, ProposalsResource.ProposalInput input, @Context UriInfo uri) {
        var proposal = proposals.create(id, input == null ? null : input.form());
        return Response.created(uri.getBaseUriBuilder().path("proposals").path(proposal.getId().toString()).build())
                .tag(Versions.tag(proposal.getVersion())).entity(ProposalsResource.json(proposal)).build();
    }

}
