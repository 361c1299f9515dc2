package br.com.crm.web.api;

import br.com.crm.kernel.BusinessException;
import br.com.crm.mail.boundary.Mails;
import br.com.crm.mail.entity.Mail;
import br.com.crm.proposal.boundary.ProposalJson;
import br.com.crm.proposal.boundary.Proposals;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.web.shell.Languages;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A proposal over HTTP, with the version rules of subjects (ETag on every answer, If-Match on every change):
 * read, edit a draft, revise, accept or reject, delete a draft, its PDF, and send it by e-mail (202: queued).
 * Creating one is {@code POST /subjects/{id}/proposals}.
 */
@Path("proposals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProposalsResource {

    public record ProposalInput(LocalDate issuedOn, LocalDate validUntil, BigDecimal freight, String paymentTerms,
                                String notes, List<Proposals.Item> items) {
        Proposals.Form form() {
            return new Proposals.Form(issuedOn, validUntil, freight, paymentTerms, notes, items);
        }
    }

    public record DecisionInput(Boolean accepted) {
    }

    public record MailJson(long id, long subjectId, Long proposalId, String to, String cc, String subject,
                           String body, String status, int attempts, OffsetDateTime nextAttemptAt, String lastError,
                           OffsetDateTime sentAt, OffsetDateTime createdAt, String createdBy, long version) {
    }

    @Inject
    Proposals proposals;

    @Inject
    Mails mails;

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return answer(proposals.find(id));
    }

    @PUT
    @Path("{id}")
    public Response edit(@PathParam("id") long id, ProposalInput input, @Context HttpHeaders headers) {
        return answer(proposals.edit(id, Versions.ifMatch(headers), input == null ? null : input.form()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @Context HttpHeaders headers) {
        proposals.delete(id, Versions.ifMatch(headers));
        return Response.noContent().build();
    }

    /** A new revision (201), the one revised kept as it was. */
    @POST
    @Path("{id}/revise")
    public Response revise(@PathParam("id") long id, @Context HttpHeaders headers, @Context UriInfo uri) {
        Proposal next = proposals.revise(id, Versions.ifMatch(headers));
        return Response.created(uri.getBaseUriBuilder().path("proposals").path(next.getId().toString()).build())
                .tag(Versions.tag(next.getVersion())).entity(json(next)).build();
    }

    /** The customer's answer: {@code {"accepted": true|false}}. */
    @POST
    @Path("{id}/decision")
    public Response decide(@PathParam("id") long id, DecisionInput input, @Context HttpHeaders headers) {
        if (input == null || input.accepted() == null) {
            throw new BusinessException(BusinessException.Kind.INVALID,
                    "proposal.decision.required", "accepted");
        }
        return answer(proposals.decide(id, Versions.ifMatch(headers), input.accepted()));
    }

    /** "Gerar pedido de venda": an accepted proposal handed to the ERP as a sales order (once). */
    @POST
    @Path("{id}/sales-order")
    public Response salesOrder(@PathParam("id") long id, @Context HttpHeaders headers) {
        return answer(proposals.requestSalesOrder(id, Versions.ifMatch(headers)));
    }

    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id, @Context HttpHeaders headers) {
        Proposal proposal = proposals.find(id);
        Locale locale = Languages.of(headers);
        return Response.ok(proposals.pdf(id, locale), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + proposal.fileName() + "\"")
                .build();
    }

    /**
     * Sends the proposal by e-mail with its PDF (202: queued; the message's state is on
     * {@code GET /subjects/{id}/emails}). Without a subject line or body, the proposal template's are used.
     */
    @POST
    @Path("{id}/send")
    public Response send(@PathParam("id") long id, Mails.Message input) {
        Proposal proposal = proposals.find(id);
        Mails.Message message = input;
        if (input == null || input.subject() == null || input.body() == null) {
            Mails.Message drafted = mails.compose(proposal.getSubjectId(), id, null).message();
            message = new Mails.Message(input != null && input.to() != null ? input.to() : drafted.to(),
                    input == null ? null : input.cc(), drafted.subject(), drafted.body());
        }
        Mail mail = mails.send(proposal.getSubjectId(), id, message);
        return Response.accepted(mail(mail)).build();
    }

    static Response answer(Proposal proposal) {
        return Response.ok(json(proposal)).tag(Versions.tag(proposal.getVersion())).build();
    }

    static ProposalJson json(Proposal p) {
        return ProposalJson.of(p);
    }

    static MailJson mail(Mail m) {
        return new MailJson(m.getId(), m.getSubjectId(), m.getProposalId(), m.getTo(), m.getCc(), m.getSubject(),
                m.getBody(), m.getStatus().name(), m.getAttempts(), m.getNextAttemptAt(), m.getLastError(),
                m.getSentAt(), m.getCreatedAt(), m.getCreatedBy(), m.getVersion());
    }
}
