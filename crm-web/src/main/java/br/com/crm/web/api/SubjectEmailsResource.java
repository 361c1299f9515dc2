package br.com.crm.web.api;

import br.com.crm.kernel.BusinessException;
import br.com.crm.mail.boundary.Mails;
import br.com.crm.subject.boundary.Subjects;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * A subject's e-mails: the list with each one's state, and a plain e-mail queued to its customer.
 */
@Path("subjects/{id}/emails")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectEmailsResource {

    @Inject
    Subjects subjects;

    @Inject
    Mails mails;

    /** The subject's e-mails, latest first, each with its state (QUEUED, SENDING, SENT, FAILED and why). */
    @GET
    public List<ProposalsResource.MailJson> emails(@PathParam("id") long id) {
        subjects.find(id);
        return mails.ofSubject(id).stream().map(ProposalsResource::mail).toList();
    }

    /** Queues a plain e-mail to the subject's customer (202). */
    @POST
    public Response email(@PathParam("id") long id, Mails.Message input) {
        if (input == null) {
            throw new BusinessException(BusinessException.Kind.INVALID,
                    "mail.to.required", "to");
        }
        return Response.accepted(ProposalsResource.mail(mails.send(id, null, input))).build();
    }

}
