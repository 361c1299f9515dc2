package br.com.crm.web.settings;

import br.com.crm.mail.boundary.Mails;
import br.com.crm.mail.entity.MailTemplate;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.util.List;

/** E-mail templates (Configurações → Vendas): subject line and body with placeholders, for proposals or plain. */
@Named
@ViewScoped
public class TemplatesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Mails mails;

    @Inject
    Feedback feedback;

    private List<MailTemplate> templates;
    private Long editing;
    private long editingVersion;
    private String name;
    private String subject;
    private String body;
    private boolean forProposal;

    @PostConstruct
    void load() {
        templates = mails.templates();
    }

    public void newTemplate() {
        editing = null;
        name = null;
        subject = null;
        body = null;
        forProposal = false;
    }

    public void edit(MailTemplate template) {
        editing = template.getId();
        editingVersion = template.getVersion();
        name = template.getName();
        subject = template.getSubject();
        body = template.getBody();
        forProposal = template.isForProposal();
    }

    public void save() {
        if (feedback.attempt(() -> mails.saveTemplate(editing, editingVersion, name, subject, body, forProposal),
                "template.saved", name)) {
            newTemplate();
        }
        load();
    }

    public void delete(MailTemplate template) {
        feedback.attempt(() -> mails.deleteTemplate(template.getId()), "template.deleted", template.getName());
        load();
    }

    public List<MailTemplate> getTemplates() {
        return templates;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public boolean isForProposal() {
        return forProposal;
    }

    public void setForProposal(boolean forProposal) {
        this.forProposal = forProposal;
    }
}
