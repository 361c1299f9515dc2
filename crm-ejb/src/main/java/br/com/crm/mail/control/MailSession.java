package br.com.crm.mail.control;

import jakarta.ejb.Singleton;
import jakarta.mail.MailSessionDefinition;

/**
 * The module's Jakarta Mail session ({@code java:app/mail/crm}), provided by the server and configured like the
 * data source, through MicroProfile Config ({@code CRM_MAIL_HOST}, {@code CRM_MAIL_PORT}, …; the password as a
 * password alias or environment variable). Proposals and e-mails are sent through it.
 */
@MailSessionDefinition(
        name = MailSession.JNDI,
        transportProtocol = "smtp",
        host = "${MPCONFIG=crm.mail.host}",
        user = "${MPCONFIG=crm.mail.user}",
        password = "${MPCONFIG=crm.mail.password}",
        from = "${MPCONFIG=crm.mail.from}",
        properties = {
                "mail.smtp.port=${MPCONFIG=crm.mail.port}",
                "mail.smtp.auth=${MPCONFIG=crm.mail.auth}",
                "mail.smtp.starttls.enable=${MPCONFIG=crm.mail.starttls}",
                // Each well inside MailDelivery.LEASE, so a stalled server cannot keep a claim past its end.
                "mail.smtp.connectiontimeout=10000",
                "mail.smtp.timeout=20000",
                "mail.smtp.writetimeout=20000"
        })
@Singleton
public class MailSession {

    public static final String JNDI = "java:app/mail/crm";
}
