package br.com.crm.mail.control;

import jakarta.activation.DataHandler;
import br.com.crm.kernel.Rounds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds: every {@code crm.mail.poll-seconds}, and at once after a transaction queued
 * something. One round at a time on this server (a second request while one runs only asks for another round);
 * several servers share the queue safely, each message being taken under a row lock and a lease
 * ({@link MailDelivery#claim}). A message is taken, sent, then marked sent: if the server dies between the mail
 * server's acceptance and the mark, the message goes out again after its lease, with the same Message-ID.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final int BATCH = 20;

    @Resource
    TimerService timers;

    @Resource(lookup = MailSession.JNDI)
    Session session;

    @Inject
    MailDelivery delivery;

    @Inject
    @ConfigProperty(name = "crm.mail.poll-seconds", defaultValue = "10")
    long pollSeconds;

    private final Rounds rounds = new Rounds("outbox");

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(pollSeconds * 1000, pollSeconds * 1000, new TimerConfig(null, false));
    }

    @Timeout
    public void poll() {
        sendDue();
    }

    /** Sends every due message, in batches, until none is due. */
    public void sendDue() {
        rounds.run(() -> {
            List<Long> due;
            do {
                due = delivery.due(BATCH);
                due.forEach(this::sendOne);
            } while (due.size() == BATCH);
        });
    }

    private void sendOne(long id) {
        Optional<MailDelivery.Outgoing> taken = delivery.claim(id);
        if (taken.isEmpty()) {
            return;
        }
        try {
            Transport.send(message(taken.get()));
            delivery.sent(id);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.INFO, "E-mail " + id + " not sent now: " + e);
            delivery.failed(id, reason(e));
        }
    }

    private MimeMessage message(MailDelivery.Outgoing outgoing) throws MessagingException {
        // The Message-ID chosen when queued, on every attempt (Jakarta Mail would make a new one per send).
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", outgoing.messageId());
            }
        };
        message.setFrom();
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(outgoing.to()));
        if (outgoing.cc() != null) {
            message.setRecipients(MimeMessage.RecipientType.CC, InternetAddress.parse(outgoing.cc()));
        }
        message.setSubject(outgoing.subject(), "UTF-8");
        if (outgoing.attachment() == null) {
            message.setText(outgoing.body(), "UTF-8");
            return message;
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(outgoing.body(), "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(
                new ByteArrayDataSource(outgoing.attachment(), "application/pdf")));
        pdf.setFileName(outgoing.attachmentName());
        Multipart parts = new MimeMultipart(text, pdf);
        message.setContent(parts);
        return message;
    }

    /** The reason users read on the timeline: the mail server's own words, without the stack. */
    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return cause == e || cause.getMessage() == null ? message : message + " (" + cause.getMessage() + ")";
    }
}
