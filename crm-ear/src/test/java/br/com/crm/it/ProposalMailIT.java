package br.com.crm.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proposals and e-mails through the REST API on the real Micro WAR, delivered to a real SMTP server: GreenMail in
 * this JVM on 127.0.0.1:3025, where the Micro under test sends (CRM_MAIL_HOST/PORT in the failsafe configuration,
 * with the outbox polling and retrying every second). Each test makes its own subject and writes to an address of its
 * own, and only looks at the messages for that address: the outbox may still be delivering another test's mail.
 */
@ExtendWith(ArquillianExtension.class)
class ProposalMailIT {

    private static final Locale BRAZIL = Locale.forLanguageTag("pt-BR");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Static and started by hand, not by the extension: one test stops it and starts a new one on the same port. */
    private static GreenMail greenMail;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startMailServer() {
        greenMail = new GreenMail(ServerSetupTest.SMTP);
        greenMail.start();
    }

    @AfterAll
    static void stopMailServer() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        if (!greenMail.isRunning()) {
            // A test that stopped it and failed before starting it again must not take the others down with it.
            greenMail = new GreenMail(ServerSetupTest.SMTP);
            greenMail.start();
        }
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aSentProposalArrivesWithItsPdfHoldingTheItemsAndTheRightTotal() throws Exception {
        long subject = Api.newSubject(base, "Envio de proposta " + UUID.randomUUID());
        // description, quantity, unit price, discount %: 2.5 x 1333.33 = 3333.325 rounds half up to 3333.33 (half
        // even would give .32), 3.125 x 89.90 = 280.9375, 12.25% of 280.94 = 34.41515.
        String[][] lines = {
                {"Instalação elétrica", "2.5", "1333.33", "7.5"},
                {"Cabo flexível 2,5 mm", "12.75", "18.90", "0"},
                {"Manutenção preventiva", "3.125", "89.90", "12.25"}};
        BigDecimal freight = new BigDecimal("47.10");
        BigDecimal expected = freight;
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (String[] line : lines) {
            BigDecimal gross = new BigDecimal(line[1]).multiply(new BigDecimal(line[2]))
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal discount = gross.multiply(new BigDecimal(line[3]))
                    .divide(new BigDecimal("100"), 2, RoundingMode.HALF_UP);
            expected = expected.add(gross.subtract(discount));
            items.add(Json.createObjectBuilder().addNull("productCode").add("description", line[0])
                    .add("quantity", new BigDecimal(line[1])).add("unitPrice", new BigDecimal(line[2]))
                    .add("discountPercent", new BigDecimal(line[3])));
        }
        assertThat(expected).as("worked out by hand").isEqualByComparingTo("3617.93");

        HttpResponse<String> created = call("ana", "POST", "api/v1/subjects/" + subject + "/proposals", null,
                proposal(LocalDate.now(), LocalDate.now().plusDays(30), freight, items.build()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).isPresent();
        JsonObject proposal = Http.json(created);
        assertThat(proposal.getString("status")).isEqualTo("DRAFT");
        assertThat(proposal.getJsonArray("items")).hasSize(3);
        assertThat(proposal.getJsonNumber("freight").bigDecimalValue()).isEqualByComparingTo(freight);
        assertThat(proposal.getJsonNumber("total").bigDecimalValue()).as(created.body()).isEqualByComparingTo(expected);
        long id = proposal.getJsonNumber("id").longValue();
        String number = proposal.getString("displayNumber");

        String address = unique("envio");
        HttpResponse<String> sent = call("ana", "POST", "api/v1/proposals/" + id + "/send", null,
                "{\"to\":\"" + address + "\",\"cc\":null}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonObject queued = Http.json(sent);
        assertThat(queued.getString("status")).as(sent.body()).isIn("QUEUED", "SENDING", "SENT");
        assertThat(queued.getJsonNumber("proposalId").longValue()).isEqualTo(id);
        assertThat(queued.getString("to")).isEqualTo(address);

        MimeMessage message = awaitMessageTo(address);
        assertThat(message.getSubject()).contains(number);
        assertThat(message.getFrom()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("crm@empresa.test");
        BodyPart attachment = attachmentOf(message);
        assertThat(attachment.getFileName()).isEqualTo("proposta-" + number + ".pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        String text;
        try (InputStream in = attachment.getInputStream(); PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
            // Words as the PDF holds them, whatever line a table cell wrapped them onto.
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        for (String[] line : lines) {
            assertThat(text).as("the PDF names every item").contains(line[0]);
        }
        String total = reais(expected);
        assertThat(total).isEqualTo("R$ 3.617,93");
        assertThat(text).as("the PDF's total").contains(total);

        JsonObject mail = awaitMail(subject, m -> "SENT".equals(m.getString("status")));
        assertThat(mail.getJsonNumber("proposalId").longValue()).isEqualTo(id);
        assertThat(mail.getInt("attempts")).isEqualTo(1);
        assertThat(mail.containsKey("sentAt")).isTrue();
        assertThat(Http.json(call("ana", "GET", "api/v1/proposals/" + id, null, null)).getString("status"))
                .isEqualTo("SENT");

        Thread.sleep(3000);
        assertThat(received(address)).as("never sent twice").hasSize(1);
        assertThat(mails(subject)).hasSize(1);
        assertThat(mails(subject).getJsonObject(0).getString("status")).isEqualTo("SENT");
    }

    @Test
    void withTheMailServerDownTheMessageStaysQueuedAndIsDeliveredOnceWhenItIsBack() throws Exception {
        long subject = Api.newSubject(base, "Servidor de e-mail parado " + UUID.randomUUID());
        String address = unique("parado");
        greenMail.stop();
        try {
            HttpResponse<String> queued = call("ana", "POST", "api/v1/subjects/" + subject + "/emails", null,
                    Json.createObjectBuilder().add("to", address).addNull("cc").add("subject", "Retorno da visita")
                            .add("body", "Olá,\nsegue o retorno da visita técnica.").build().toString());
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
            assertThat(Http.json(queued).getString("status")).isEqualTo("QUEUED");

            JsonObject waiting = awaitMail(subject, m -> {
                assertThat(m.getString("status")).as("the mail server is down: " + m).isIn("QUEUED", "SENDING");
                return "QUEUED".equals(m.getString("status")) && m.getInt("attempts") >= 1
                        && m.containsKey("lastError") && !m.getString("lastError").isBlank();
            });
            assertThat(waiting.getString("status")).isNotEqualTo("SENT");
            assertThat(waiting.getInt("attempts")).isGreaterThanOrEqualTo(1);
            assertThat(waiting.getString("lastError")).isNotBlank();
            assertThat(waiting.containsKey("sentAt")).isFalse();
        } finally {
            greenMail = new GreenMail(ServerSetupTest.SMTP);
            greenMail.start();
        }

        MimeMessage message = awaitMessageTo(address);
        assertThat(message.getSubject()).isEqualTo("Retorno da visita");
        assertThat(message.getContent().toString()).contains("segue o retorno da visita técnica.");
        JsonObject mail = awaitMail(subject, m -> "SENT".equals(m.getString("status")));
        assertThat(mail.getInt("attempts")).isGreaterThanOrEqualTo(2);
        assertThat(mail.containsKey("lastError")).as("cleared once sent: " + mail).isFalse();

        Thread.sleep(3000);
        assertThat(received(address)).as("delivered exactly once").hasSize(1);
        assertThat(mails(subject)).hasSize(1);
    }

    @Test
    void badInputIsRefusedAndNothingIsQueued() {
        long subject = Api.newSubject(base, "Recusas " + UUID.randomUUID());
        String emails = "api/v1/subjects/" + subject + "/emails";
        String proposals = "api/v1/subjects/" + subject + "/proposals";

        HttpResponse<String> badAddress = call("ana", "POST", emails, null,
                "{\"to\":\"não é um endereço\",\"subject\":\"Oi\",\"body\":\"Tudo bem?\"}");
        assertRefused(badAddress, "to");
        assertThat(mails(subject)).as("nothing queued").isEmpty();
        assertThat(call("vera", "POST", emails, null, "{\"to\":\"" + unique("vera") + "\",\"subject\":\"Oi\","
                + "\"body\":\"Tudo bem?\"}").statusCode()).as("viewers do not write").isEqualTo(403);

        LocalDate today = LocalDate.now();
        assertRefused(call("ana", "POST", proposals, null,
                proposal(today, today.plusDays(30), null, JsonValue.EMPTY_JSON_ARRAY)), "items");
        assertRefused(call("ana", "POST", proposals, null,
                proposal(today, today.plusDays(30), null, items(item("Serviço", "0", "100")))), "quantity");
        assertRefused(call("ana", "POST", proposals, null,
                proposal(today, today.minusDays(1), null, items(item("Serviço", "1", "100")))), "validUntil");
        assertThat(call("vera", "POST", proposals, null,
                proposal(today, today.plusDays(30), null, items(item("Serviço", "1", "100")))).statusCode())
                .as("viewers only read").isEqualTo(403);
        assertThat(array(call("vera", "GET", proposals, null, null))).as("nothing saved").isEmpty();

        HttpResponse<String> created = call("ana", "POST", proposals, null,
                proposal(today, today.plusDays(30), null, items(item("Serviço", "1", "100"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject draft = Http.json(created);
        String path = "api/v1/proposals/" + draft.getJsonNumber("id");
        String firstTag = created.headers().firstValue("ETag").orElseThrow();
        String twoUnits = proposal(today, today.plusDays(30), null, items(item("Serviço", "2", "100")));
        assertThat(call("ana", "PUT", path, null, twoUnits).statusCode()).as("no If-Match").isEqualTo(428);
        HttpResponse<String> edited = call("ana", "PUT", path, firstTag, twoUnits);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(Http.json(edited).getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("200");
        HttpResponse<String> stale = call("ana", "PUT", path, firstTag,
                proposal(today, today.plusDays(30), null, items(item("Serviço", "3", "100"))));
        assertThat(stale.statusCode()).as("stale If-Match: " + stale.body()).isEqualTo(412);

        assertRefused(call("ana", "POST", path + "/send", null, "{\"to\":\"sem-arroba\"}"), "to");
        assertThat(Http.json(call("ana", "GET", path, null, null)).getString("status"))
                .as("a refused send leaves the draft as it was").isEqualTo("DRAFT");
        assertThat(mails(subject)).as("nothing queued").isEmpty();

        HttpResponse<String> sent = call("ana", "POST", path + "/send", null,
                "{\"to\":\"" + unique("recusas") + "\",\"cc\":null}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(mails(subject)).as("the one sent").hasSize(1);
        JsonObject current = Http.json(call("ana", "GET", path, null, null));
        assertThat(current.getString("status")).isEqualTo("SENT");
        String version = "\"" + current.getJsonNumber("version") + "\"";
        assertThat(call("ana", "PUT", path, version, twoUnits).statusCode()).as("a sent proposal is not edited")
                .isEqualTo(409);
        assertThat(call("ana", "DELETE", path, version, null).statusCode()).as("a sent proposal is kept")
                .isEqualTo(409);
        JsonObject after = Http.json(call("ana", "GET", path, null, null));
        assertThat(after.getString("status")).isEqualTo("SENT");
        assertThat(after.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("200");
    }

    @Test
    void revisingASentProposalKeepsTheOldOneAndNumbersAreNeverReused() throws Exception {
        long subject = Api.newSubject(base, "Revisão " + UUID.randomUUID());
        LocalDate today = LocalDate.now();
        JsonObject first = created(subject, proposal(today, today.plusDays(30), new BigDecimal("15.00"),
                items(item("Licença anual", "10", "50.00"))));
        JsonObject second = created(subject, proposal(today, today.plusDays(30), null,
                items(item("Suporte técnico", "1", "900.00"))));
        long number = first.getJsonNumber("number").longValue();
        assertThat(second.getJsonNumber("number").longValue()).as("consecutive").isEqualTo(number + 1);
        assertThat(first.getInt("revision")).isEqualTo(1);

        String path = "api/v1/proposals/" + first.getJsonNumber("id");
        String address = unique("revisao");
        assertThat(call("ana", "POST", path + "/send", null, "{\"to\":\"" + address + "\"}").statusCode())
                .isEqualTo(202);
        JsonObject sent = Http.json(call("ana", "GET", path, null, null));
        assertThat(sent.getString("status")).isEqualTo("SENT");
        assertThat(sent.getBoolean("superseded")).isFalse();

        HttpResponse<String> revised = call("ana", "POST", path + "/revise",
                "\"" + sent.getJsonNumber("version") + "\"", null);
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(201);
        assertThat(revised.headers().firstValue("ETag")).isPresent();
        JsonObject revision = Http.json(revised);
        assertThat(revision.getJsonNumber("id").longValue()).isNotEqualTo(first.getJsonNumber("id").longValue());
        assertThat(revision.getJsonNumber("number").longValue()).isEqualTo(number);
        assertThat(revision.getInt("revision")).isEqualTo(2);
        assertThat(revision.getString("displayNumber")).isNotEqualTo(first.getString("displayNumber"));
        assertThat(revision.getString("status")).isEqualTo("DRAFT");
        assertThat(revision.getBoolean("superseded")).isFalse();
        assertThat(revision.getJsonNumber("total").bigDecimalValue()).as("a copy to start from")
                .isEqualByComparingTo("515.00");

        String next = "api/v1/proposals/" + revision.getJsonNumber("id");
        HttpResponse<String> changed = call("ana", "PUT", next, revised.headers().firstValue("ETag").orElseThrow(),
                proposal(today, today.plusDays(30), new BigDecimal("15.00"), items(item("Licença anual", "8", "50.00"))));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Http.json(changed).getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("415.00");

        JsonObject old = Http.json(call("ana", "GET", path, null, null));
        assertThat(old.getBoolean("superseded")).isTrue();
        assertThat(withoutBookkeeping(old)).as("the one the customer received, unchanged")
                .isEqualTo(withoutBookkeeping(sent));
        assertThat(call("ana", "POST", path + "/revise", "\"" + old.getJsonNumber("version") + "\"", null)
                .statusCode()).as("only the latest revision is revised").isEqualTo(409);

        // A deleted draft's number is not handed out again.
        assertThat(call("ana", "DELETE", "api/v1/proposals/" + second.getJsonNumber("id"),
                "\"" + second.getJsonNumber("version") + "\"", null).statusCode()).isEqualTo(204);
        JsonObject third = created(subject, proposal(today, today.plusDays(30), null,
                items(item("Treinamento", "1", "300.00"))));
        assertThat(third.getJsonNumber("number").longValue()).isGreaterThan(number + 1);

        assertThat(call("ana", "POST", next + "/send", null, "{\"to\":\"" + address + "\"}").statusCode())
                .isEqualTo(202);
        String version = "\"" + Http.json(call("ana", "GET", next, null, null)).getJsonNumber("version") + "\"";
        HttpResponse<String> accepted = call("ana", "POST", next + "/decision", version, "{\"accepted\":true}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(Http.json(accepted).getString("status")).isEqualTo("ACCEPTED");
        assertThat(Http.json(accepted).getInt("revision")).isEqualTo(2);

        List<JsonObject> listed = array(call("ana", "GET", "api/v1/subjects/" + subject + "/proposals", null, null))
                .getValuesAs(JsonObject.class);
        assertThat(listed).extracting(p -> p.getJsonNumber("number").longValue() + "/" + p.getInt("revision") + ":"
                        + p.getString("status") + (p.getBoolean("superseded") ? ":superseded" : ""))
                .containsExactlyInAnyOrder(number + "/1:SENT:superseded", number + "/2:ACCEPTED",
                        third.getJsonNumber("number").longValue() + "/1:DRAFT");

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> received(address).size() == 2);
        assertThat(received(address)).extracting(MimeMessage::getSubject)
                .anyMatch(s -> s.contains(first.getString("displayNumber")) && !s.contains(revision.getString("displayNumber")))
                .anyMatch(s -> s.contains(revision.getString("displayNumber")));
    }

    @Test
    void sendingAProposalMovesTheSubjectToTheStageOfTheRule() {
        JsonArray stages = array(call("ana", "GET", "api/v1/stages", null, null));
        JsonObject third = stages.getJsonObject(2);
        assertThat(third.getString("description")).isEqualTo("Proposta apresentada");
        assertThat(third.getString("proposalRule")).isEqualTo("SENT");
        assertThat(stages.getValuesAs(JsonObject.class)).as("one stage takes sent proposals")
                .filteredOn(s -> "SENT".equals(s.getString("proposalRule", null))).hasSize(1);

        long subject = Api.newSubject(base, "Regra do funil " + UUID.randomUUID());
        JsonObject before = Http.json(call("ana", "GET", "api/v1/subjects/" + subject, null, null));
        assertThat(before.getJsonNumber("stageId").longValue())
                .isEqualTo(stages.getJsonObject(0).getJsonNumber("id").longValue());

        LocalDate today = LocalDate.now();
        JsonObject proposal = created(subject, proposal(today, today.plusDays(15), null,
                items(item("Projeto elétrico", "1", "2500.00"))));
        assertThat(Http.json(call("ana", "GET", "api/v1/subjects/" + subject, null, null))
                .getJsonNumber("stageId").longValue()).as("a draft moves nothing")
                .isEqualTo(before.getJsonNumber("stageId").longValue());

        HttpResponse<String> sent = call("ana", "POST", "api/v1/proposals/" + proposal.getJsonNumber("id") + "/send",
                null, "{\"to\":\"" + unique("funil") + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonObject after = Http.json(call("ana", "GET", "api/v1/subjects/" + subject, null, null));
        assertThat(after.getJsonNumber("stageId").longValue()).isEqualTo(third.getJsonNumber("id").longValue());
        assertThat(after.containsKey("outcome")).as("still open").isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Waits for the one message to {@code address} (other tests' messages may be there too). */
    private static MimeMessage awaitMessageTo(String address) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> !received(address).isEmpty());
        List<MimeMessage> messages = received(address);
        assertThat(messages).as("messages to " + address).hasSize(1);
        return messages.get(0);
    }

    /** The messages GreenMail received with {@code address} among their recipients. */
    private static List<MimeMessage> received(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                Address[] recipients = m.getAllRecipients();
                return recipients != null && Arrays.stream(recipients)
                        .anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static BodyPart attachmentOf(MimeMessage message) throws Exception {
        assertThat(message.getContent()).as("text and PDF").isInstanceOf(Multipart.class);
        Multipart parts = (Multipart) message.getContent();
        List<BodyPart> attachments = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getFileName() != null) {
                attachments.add(parts.getBodyPart(i));
            }
        }
        assertThat(attachments).as("one attachment").hasSize(1);
        return attachments.get(0);
    }

    /** The subject's only e-mail once it satisfies {@code condition}. */
    private JsonObject awaitMail(long subject, Predicate<JsonObject> condition) {
        AtomicReference<JsonObject> last = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonArray all = mails(subject);
            assertThat(all).as("one e-mail of subject " + subject).hasSize(1);
            last.set(all.getJsonObject(0));
            return condition.test(last.get());
        });
        return last.get();
    }

    private JsonArray mails(long subject) {
        return array(call("ana", "GET", "api/v1/subjects/" + subject + "/emails", null, null));
    }

    private JsonObject created(long subject, String json) {
        HttpResponse<String> created = call("ana", "POST", "api/v1/subjects/" + subject + "/proposals", null, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created);
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(Http.json(response).getJsonArray("errors").getValuesAs(JsonObject.class))
                .as(response.body()).extracting(e -> e.getString("field")).contains(field);
    }

    private static String proposal(LocalDate issuedOn, LocalDate validUntil, BigDecimal freight, JsonArray items) {
        var json = Json.createObjectBuilder().add("issuedOn", issuedOn.toString())
                .add("validUntil", validUntil.toString()).add("paymentTerms", "30 dias")
                .add("notes", "Instalação em até 10 dias úteis.").add("items", items);
        if (freight != null) {
            json.add("freight", freight);
        }
        return json.build().toString();
    }

    private static JsonObject item(String description, String quantity, String unitPrice) {
        return Json.createObjectBuilder().addNull("productCode").add("description", description)
                .add("quantity", new BigDecimal(quantity)).add("unitPrice", new BigDecimal(unitPrice)).build();
    }

    private static JsonArray items(JsonObject... items) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        Arrays.stream(items).forEach(array::add);
        return array.build();
    }

    /** What a proposal says, without what changes when it is superseded (its flag, version and last change). */
    private static JsonObject withoutBookkeeping(JsonObject proposal) {
        var copy = Json.createObjectBuilder(proposal);
        copy.remove("superseded");
        copy.remove("version");
        copy.remove("updatedAt");
        copy.remove("updatedBy");
        return copy.build();
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@cliente.test";
    }

    /** {@code R$ 1.234,56}, as Brazilians write amounts, worked out here rather than by the module. */
    private static String reais(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(BRAZIL));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return "R$ " + format.format(amount);
    }

    private HttpResponse<String> call(String user, String method, String path, String ifMatch, String json) {
        return Api.call(base, user, method, path, ifMatch, json);
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray();
    }
}
