package br.com.crm.mail.entity;

import br.com.crm.kernel.BusinessException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ready subject line and body for e-mails, with placeholders in braces ({@code {cliente}}, {@code {proposta}},
 * {@code {total}}, {@code {validade}}, {@code {assunto}}, {@code {vendedor}}, {@code {empresa}}) filled in when a
 * message is composed. Some are for proposals (the PDF goes along), the others for plain e-mails.
 */
@Entity
@Table(name = "crm_mail_template")
@NamedQuery(name = MailTemplate.ALL, query = "select t from MailTemplate t order by t.name")
public class MailTemplate implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String ALL = "MailTemplate.all";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    @Id
    @SequenceGenerator(name = "crm_mail_template_seq", sequenceName = "crm_mail_template_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE,
            generator = "crm_mail_template_seq")
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "mail_subject", nullable = false, length = Mail.SUBJECT_LENGTH)
    private String subject;

    @Column(nullable = false, length = Mail.BODY_LENGTH)
    private String body;

    @Column(name = "for_proposal", nullable = false)
    private boolean forProposal;

    @Version
    private long version;

    protected MailTemplate() {
        // for JPA
    }

    public MailTemplate(String name, String subject, String body, boolean forProposal) {
        edit(name, subject, body, forProposal);
    }

    public void edit(String name, String subject, String body, boolean forProposal) {
        this.name = required(name, 100, "name");
        this.subject = required(subject, Mail.SUBJECT_LENGTH, "subject");
        this.body = required(body, Mail.BODY_LENGTH, "body");
        this.forProposal = forProposal;
    }

    private static String required(String text, int length, String field) {
        if (text == null || text.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID,
                    "template." + field + ".required", field);
        }
        if (text.length() > length) {
            throw new BusinessException(BusinessException.Kind.INVALID,
                    "field.tooLong", field, length);
        }
        return text.strip();
    }

    public long getVersion() {
        return version;
    }

    /** The text with each known placeholder replaced by its value; unknown ones are left as written. */
    public static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        return matcher.appendTail(filled).toString();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public boolean isForProposal() {
        return forProposal;
    }
}
