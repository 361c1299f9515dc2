package br.com.crm.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * An e-mail to a subject's customer, in the outbox: written in the transaction that asked for it and sent by the
 * background sender, so the page never waits for the mail server and a restart loses nothing. Its Message-ID is
 * fixed when queued and sent on every attempt, so a receiver can tell a repeat from a new message.
 */
@Entity
@Table(name = "crm_mail")
@NamedQuery(name = Mail.OF_SUBJECT, query = "select m from Mail m where m.subjectId = :subject "
        + "order by m.createdAt desc, m.id desc")
@NamedQuery(name = Mail.DUE, query = "select m.id from Mail m where (m.status = br.com.crm.mail.entity.MailStatus.QUEUED "
        + "or m.status = br.com.crm.mail.entity.MailStatus.SENDING) and m.nextAttemptAt <= :now "
        + "order by m.nextAttemptAt, m.id")
@NamedQuery(name = Mail.SENT_FROM, query = "select distinct m.subjectId from Mail m "
        + "where m.subjectId in :ids and m.status in :sent")
public class Mail implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_SUBJECT = "Mail.ofSubject";
    /** Of the subjects {@code ids}, those with an e-mail in one of the statuses {@code sent}. */
    public static final String SENT_FROM = "Mail.sentFrom";
    public static final String DUE = "Mail.due";
    public static final int ADDRESSES_LENGTH = 1000;
    public static final int SUBJECT_LENGTH = 300;
    public static final int BODY_LENGTH = 10000;
    public static final int ERROR_LENGTH = 1000;

    @Id
    @SequenceGenerator(name = "crm_mail_seq", sequenceName = "crm_mail_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_mail_seq")
    private Long id;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private Long subjectId;

    @Column(name = "proposal_id", updatable = false)
    private Long proposalId;

    @Column(name = "to_addresses", nullable = false, length = ADDRESSES_LENGTH, updatable = false)
    private String to;

    @Column(name = "cc_addresses", length = ADDRESSES_LENGTH, updatable = false)
    private String cc;

    @Column(name = "mail_subject", nullable = false, length = SUBJECT_LENGTH, updatable = false)
    private String subject;

    @Column(nullable = false, length = BODY_LENGTH, updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    @Column(name = "message_id", nullable = false, length = 200, updatable = false)
    private String messageId;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 60, updatable = false)
    private String createdBy;

    @Version
    private long version;

    protected Mail() {
        // for JPA
    }

    /** A message to send as soon as possible; addresses are comma-separated and already checked. */
    public Mail(long subjectId, Long proposalId, String to, String cc, String subject, String body,
                String messageId, OffsetDateTime at, String by) {
        this.subjectId = subjectId;
        this.proposalId = proposalId;
        this.to = to;
        this.cc = cc == null || cc.isBlank() ? null : cc;
        this.subject = subject;
        this.body = body;
        this.messageId = messageId;
        this.status = MailStatus.QUEUED;
        this.nextAttemptAt = at;
        this.createdAt = at;
        this.createdBy = by;
    }

    /**
     * Taken by one sender: no other takes it until {@code lease} has passed (a sender that died while sending
     * leaves it to be taken again).
     */
    public boolean claim(OffsetDateTime now, Duration lease) {
        boolean due = (status == MailStatus.QUEUED || status == MailStatus.SENDING) && !nextAttemptAt.isAfter(now);
        if (due) {
            status = MailStatus.SENDING;
            attempts++;
            nextAttemptAt = now.plus(lease);
        }
        return due;
    }

    public void sent(OffsetDateTime at) {
        status = MailStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    /** The attempt failed: try again after {@code retryAfter}, or give up ({@code null}) and keep the reason. */
    public void failed(String error, OffsetDateTime now, Duration retryAfter) {
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_LENGTH));
        if (retryAfter == null) {
            status = MailStatus.FAILED;
        } else {
            status = MailStatus.QUEUED;
            nextAttemptAt = now.plus(retryAfter);
        }
    }

    /** A failed message queued again by a user: the attempts start over. */
    public void retry(OffsetDateTime now) {
        if (status == MailStatus.FAILED) {
            status = MailStatus.QUEUED;
            attempts = 0;
            nextAttemptAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public Long getProposalId() {
        return proposalId;
    }

    public String getTo() {
        return to;
    }

    public String getCc() {
        return cc;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public MailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public String getMessageId() {
        return messageId;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }
}
