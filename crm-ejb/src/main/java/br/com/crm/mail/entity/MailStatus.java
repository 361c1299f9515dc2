package br.com.crm.mail.entity;

/** An e-mail's way out: queued, being handed to the mail server, sent; or failed after its last attempt. */
public enum MailStatus {
    QUEUED, SENDING, SENT, FAILED
}
