package br.com.crm.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proposals and e-mails through the REST API on the real Micro WAR (H2, or PostgreSQL with -Ppostgresql), sent to a
 * real SMTP server (GreenMail on the port the Micro is configured with): the PDF that arrives, a mail server that is
 * down and comes back, refusals, revisions and numbers.
 */
@ExtendWith(MicroServer.class)
class ProposalsApiIT {

    private static GreenMail smtp;


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aSentProposalArrivesWithItsPdfHoldingTheItemsAndTheRightTotal() throws Exception {
        long subject = api.newSubject("Envio " + UUID.randomUUID());
        String[][] lines = {{"Instalação elétrica", "2.5", "1333.33", "7.5"}, {"Cabo flexível 2,5 mm²", "120", "3.19", "0"},
                {"Disjuntor trifásico", "3", "89.90", "12.25"}};
        BigDecimal expected = new BigDecimal("47.10");
        StringBuilder items = new StringBuilder();
        for (String[] line : lines) {
            BigDecimal gross = new BigDecimal(line[1]).multiply(new BigDecimal(line[2])).setScale(2, RoundingMode.HALF_UP);
            BigDecimal discount = gross.multiply(new BigDecimal(line[3])).divide(new BigDecimal("100"), 2,
                    RoundingMode.HALF_UP);
            expected = expected.add(gross.subtract(discount));
            items.append(items.length() == 0 ? "" : ",").append("{\"description\":\"").append(line[0])
                    .append("\",\"quantity\":").append(line[1]).append(",\"unitPrice\":").append(line[2])
                    .append(",\"discountPercent\":").append(line[3]).append("}");
        }
        JsonObject proposal = created(subject, "\"freight\":47.10,\"items\":[" + items + "]");
        assertThat(proposal.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo(expected);
        String number = proposal.getString("displayNumber");

        String address = "envio-" + UUID.randomUUID().toString().substring(0, 8) + "@cliente.test";
        HttpResponse<String> sent = api.call("ana", "POST",
                "api/v1/proposals/" + proposal.getJsonNumber("id") + "/send",
                null, "{\"to\":\"" + address + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(Api.json(sent).getString("status")).isIn("QUEUED", "SENDING", "SENT");

        MimeMessage message = awaitOne(address);
        assertThat(message.getSubject()).contains(number);
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContent().toString()).contains(number);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("proposta-" + number + ".pdf");
        try (InputStream in = parts.getBodyPart(1).getInputStream();
             var pdf = Loader.loadPDF(in.readAllBytes())) {
            String text = new PDFTextStripper().getText(pdf);
            for (String[] line : lines) {
                assertThat(text).contains(line[0]);
            }
            assertThat(text).contains(money(expected));
        }
        awaitState(subject, "SENT");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(received(address)).as("sent once").hasSize(1));
        assertThat(Api.json(api.call("ana", "GET", "api/v1/proposals/" + proposal.getJsonNumber("id"), null, null))
                .getString("status")).isEqualTo("SENT");
    }

    @Test
    void withTheMailServerDownTheMessageStaysQueuedAndIsDeliveredOnceWhenItIsBack() throws Exception {
        long subject = api.newSubject("Servidor parado " + UUID.randomUUID());
        String address = "parado-" + UUID.randomUUID().toString().substring(0, 8) + "@cliente.test";
        smtp.stop();
        try {
            HttpResponse<String> queued = api.call("ana", "POST", "api/v1/subjects/" + subject + "/emails", null,
                    "{\"to\":\"" + address + "\",\"subject\":\"Retorno\",\"body\":\"Olá,\\nsegue o retorno.\"}");
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
            // Between its attempts a message waiting for the server is QUEUED (SENDING only while one runs).
            JsonObject mail = awaitMail(subject,
                    m -> m.getInt("attempts") >= 2 && "QUEUED".equals(m.getString("status")));
            assertThat(mail.getString("status")).isEqualTo("QUEUED");
            assertThat(mail.getString("lastError")).isNotBlank();
        } finally {
            smtp = new GreenMail(ServerSetupTest.SMTP);
            smtp.start();
        }
        assertThat(awaitOne(address).getSubject()).isEqualTo("Retorno");
        awaitState(subject, "SENT");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(received(address)).as("delivered exactly once").hasSize(1));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSavedOrQueued() {
        long subject = api.newSubject("Recusas " + UUID.randomUUID());
        HttpResponse<String> badAddress = api.call("ana", "POST", "api/v1/subjects/" + subject + "/emails", null,
                "{\"to\":\"não é endereço\",\"subject\":\"x\",\"body\":\"y\"}");
        assertThat(badAddress.statusCode()).isEqualTo(422);
        assertThat(badAddress.body()).contains("to");
        assertThat(Api.array(api.call("ana", "GET", "api/v1/subjects/" + subject + "/emails", null, null))).isEmpty();

        assertThat(propose(subject, "\"items\":[]").statusCode()).isEqualTo(422);
        assertThat(propose(subject, "\"items\":[{\"description\":\"x\",\"quantity\":0,\"unitPrice\":1}]").statusCode())
                .isEqualTo(422);
        assertThat(propose(subject, "\"items\":[{\"description\":\"x\",\"quantity\":1,\"unitPrice\":1,"
                + "\"discountPercent\":101}]").statusCode()).isEqualTo(422);
        HttpResponse<String> backwards = api.call("ana", "POST", "api/v1/subjects/" + subject + "/proposals", null,
                "{\"issuedOn\":\"2026-12-10\",\"validUntil\":\"2026-12-01\",\"items\":[{\"description\":\"x\","
                        + "\"quantity\":1,\"unitPrice\":1}]}");
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.body()).contains("validUntil");
        assertThat(Api.array(api.call("ana", "GET", "api/v1/subjects/" + subject + "/proposals", null, null)))
                .as("nothing saved half-way").isEmpty();
        assertThat(api.call("vera", "POST", "api/v1/subjects/" + subject + "/proposals", null,
                body("\"items\":[{\"description\":\"x\",\"quantity\":1,\"unitPrice\":1}]")).statusCode())
                .as("viewers only read").isEqualTo(403);

        JsonObject draft = created(subject, "\"items\":[{\"description\":\"Serviço\",\"quantity\":1,\"unitPrice\":100}]");
        String path = "api/v1/proposals/" + draft.getJsonNumber("id");
        String item = body("\"items\":[{\"description\":\"Serviço\",\"quantity\":2,\"unitPrice\":100}]");
        assertThat(api.call("ana", "PUT", path, null, item).statusCode()).isEqualTo(428);
        assertThat(api.call("ana", "PUT", path, "\"99\"", item).statusCode()).isEqualTo(412);
        HttpResponse<String> edited = api.call("ana", "PUT", path, "\"" + draft.getJsonNumber("version") + "\"", item);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(Api.json(edited).getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("200");

        assertThat(api.call("ana", "POST", path + "/send", null,
                "{\"to\":\"a@cliente.test\"}").statusCode()).isEqualTo(202);
        String version = "\"" + Api.json(api.call("ana", "GET", path, null, null)).getJsonNumber("version") + "\"";
        assertThat(api.call("ana", "PUT", path, version,
                item).statusCode()).as("a sent proposal is revised, not edited")
                .isEqualTo(409);
        assertThat(api.call("ana", "DELETE", path, version, null).statusCode()).as("a sent proposal is kept")
                .isEqualTo(409);
    }

    @Test
    void revisingASentProposalKeepsTheOldOneAndNumbersAreNeverReused() {
        long subject = api.newSubject("Revisão " + UUID.randomUUID());
        JsonObject first = created(subject, "\"items\":[{\"description\":\"Licença\",\"quantity\":10,\"unitPrice\":50}]");
        JsonObject second = created(subject, "\"items\":[{\"description\":\"Suporte\",\"quantity\":1,\"unitPrice\":900}]");
        assertThat(second.getJsonNumber("number").longValue()).isEqualTo(first.getJsonNumber("number").longValue() + 1);
        String deleteVersion = "\"" + second.getJsonNumber("version") + "\"";
        assertThat(api.call("ana", "DELETE", "api/v1/proposals/" + second.getJsonNumber("id"), deleteVersion, null)
                .statusCode()).isEqualTo(204);
        JsonObject third = created(subject, "\"items\":[{\"description\":\"Treinamento\",\"quantity\":1,\"unitPrice\":1}]");
        assertThat(third.getJsonNumber("number").longValue()).as("a deleted draft's number is not handed out again")
                .isGreaterThan(second.getJsonNumber("number").longValue());

        String path = "api/v1/proposals/" + first.getJsonNumber("id");
        assertThat(api.call("ana", "POST", path + "/send", null,
                "{\"to\":\"rev@cliente.test\"}").statusCode()).isEqualTo(202);
        JsonObject sent = Api.json(api.call("ana", "GET", path, null, null));
        HttpResponse<String> revised = api.call("ana", "POST", path + "/revise",
                "\"" + sent.getJsonNumber("version") + "\"",
                null);
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(201);
        JsonObject revision = Api.json(revised);
        assertThat(revision.getJsonNumber("number").longValue()).isEqualTo(first.getJsonNumber("number").longValue());
        assertThat(revision.getInt("revision")).isEqualTo(2);
        assertThat(revision.getString("displayNumber")).isEqualTo(first.getString("displayNumber") + "-2");
        assertThat(revision.getString("status")).isEqualTo("DRAFT");
        JsonObject old = Api.json(api.call("ana", "GET", path, null, null));
        assertThat(old.getBoolean("superseded")).isTrue();
        assertThat(old.getString("status")).isEqualTo("SENT");
        assertThat(old.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("500");

        String next = "api/v1/proposals/" + revision.getJsonNumber("id");
        assertThat(api.call("ana", "POST", next + "/send", null, "{\"to\":\"rev@cliente.test\"}").statusCode())
                .isEqualTo(202);
        String version = "\"" + Api.json(api.call("ana", "GET", next, null, null)).getJsonNumber("version") + "\"";
        HttpResponse<String> accepted = api.call("ana", "POST", next + "/decision", version, "{\"accepted\":true}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(Api.json(accepted).getString("status")).isEqualTo("ACCEPTED");
        assertThat(Api.array(api.call("ana", "GET", "api/v1/subjects/" + subject + "/proposals", null, null)))
                .extracting(p -> p.asJsonObject().getString("displayNumber") + ":" + p.asJsonObject().getString("status"))
                .contains(first.getString("displayNumber") + "-2:ACCEPTED", first.getString("displayNumber") + ":SENT");
    }

    private JsonObject created(long subject, String fields) {
        HttpResponse<String> created = propose(subject, fields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created);
    }

    private HttpResponse<String> propose(long subject, String fields) {
        return api.call("ana", "POST", "api/v1/subjects/" + subject + "/proposals", null, body(fields));
    }

    private static String body(String fields) {
        LocalDate today = LocalDate.now();
        return "{\"issuedOn\":\"" + today + "\",\"validUntil\":\"" + today.plusDays(30) + "\",\"paymentTerms\":"
                + "\"30 dias\"," + fields + "}";
    }

    private MimeMessage awaitOne(String address) {
        await("a message to " + address).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !received(address).isEmpty());
        List<MimeMessage> messages = received(address);
        assertThat(messages).as("messages to " + address).hasSize(1);
        return messages.get(0);
    }

    private static List<MimeMessage> received(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.toString(m.getAllRecipients()).contains(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void awaitState(long subject, String status) {
        awaitMail(subject, m -> m.getString("status").equals(status));
    }

    /** The subject's one e-mail once it satisfies the condition. */
    private JsonObject awaitMail(long subject, Predicate<JsonObject> condition) {
        return await("the e-mail of subject " + subject).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    JsonArray mails = Api.array(api.call("ana", "GET", "api/v1/subjects/" + subject + "/emails",
                            null, null));
                    assertThat(mails).hasSize(1);
                    return mails.getJsonObject(0);
                }, condition);
    }

    private static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("pt-BR"));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "R$ " + format.format(amount);
    }
}
