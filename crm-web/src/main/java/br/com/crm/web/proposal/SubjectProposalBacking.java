package br.com.crm.web.proposal;

import br.com.crm.mail.boundary.Mails;
import br.com.crm.mail.entity.MailTemplate;
import br.com.crm.proposal.boundary.Proposals;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.web.activity.SubjectActivityBacking;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.subject.SubjectBacking;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.util.List;

/**
 * The subject page's proposals (answer, revise, delete a draft) and the e-mail dialog: a proposal sent with its
 * PDF, or a plain e-mail, composed from a template and queued for the background sender.
 */
@Named
@ViewScoped
public class SubjectProposalBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The page's subject: its id, from the URL. */
    @Inject
    SubjectBacking subjectPage;

    private Long subjectId;

    @Inject
    Proposals proposals;

    @Inject
    Mails mails;

    @Inject
    Feedback feedback;

    /** The same page's timeline, read again after a change here. */
    @Inject
    SubjectActivityBacking activity;

    private List<Proposal> proposalList;
    private List<MailTemplate> templates;

    // The e-mail dialog.
    private Long proposalId;
    private Long templateId;
    private String to;
    private String cc;
    private String mailSubject;
    private String body;
    private List<String> addresses = List.of();

    @PostConstruct
    void init() {
        subjectId = subjectPage.getId();
        load();
    }

    public void load() {
        proposalList = proposals.ofSubject(subjectId);
    }

    private void reload() {
        load();
        activity.readTimeline();
    }

    public void decide(Proposal proposal, boolean accepted) {
        feedback.attempt(() -> proposals.decide(proposal.getId(), proposal.getVersion(), accepted),
                accepted ? "proposal.accepted" : "proposal.rejected", proposal.getDisplayNumber());
        reload();
    }

    public String revise(Proposal proposal) {
        Proposal next = feedback.attempt(() -> proposals.revise(proposal.getId(), proposal.getVersion()));
        reload();
        return next == null ? null : "/proposal/edit.xhtml?faces-redirect=true&id=" + next.getId();
    }

    public void requestSalesOrder(Proposal proposal) {
        feedback.attempt(() -> proposals.requestSalesOrder(proposal.getId(), proposal.getVersion()),
                "proposal.order.requested", proposal.getDisplayNumber());
        reload();
    }

    public void delete(Proposal proposal) {
        feedback.attempt(() -> proposals.delete(proposal.getId(), proposal.getVersion()), "proposal.deleted",
                proposal.getDisplayNumber());
        reload();
    }

    /** Opens the dialog for the proposal ({@code null}: a plain e-mail) with the first template that fits. */
    public void compose(Proposal proposal) {
        proposalId = proposal == null ? null : proposal.getId();
        templateId = null;
        templates = mails.templates().stream().filter(t -> t.isForProposal() == (proposalId != null)).toList();
        applyTemplate();
    }

    public void applyTemplate() {
        Mails.Draft draft = feedback.attempt(() -> mails.compose(subjectId, proposalId, templateId));
        if (draft != null) {
            to = draft.message().to();
            cc = null;
            mailSubject = draft.message().subject();
            body = draft.message().body();
            addresses = draft.addresses();
        }
    }

    public void send() {
        Mails.Message message = new Mails.Message(to, cc, mailSubject, body);
        feedback.attempt(() -> mails.send(subjectId, proposalId, message), "mail.queued");
        reload();
    }

    public List<Proposal> getProposals() {
        return proposalList;
    }

    public List<MailTemplate> getTemplates() {
        return templates;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public void setTemplateId(Long templateId) {
        this.templateId = templateId;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getCc() {
        return cc;
    }

    public void setCc(String cc) {
        this.cc = cc;
    }

    public String getMailSubject() {
        return mailSubject;
    }

    public void setMailSubject(String mailSubject) {
        this.mailSubject = mailSubject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public List<String> getAddresses() {
        return addresses;
    }
}
