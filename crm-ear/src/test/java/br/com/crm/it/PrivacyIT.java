package br.com.crm.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.security.SecureRandom;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LGPD on the real Micro WAR and its database: a person's data exported as JSON and PDF (audited, refused to a
 * viewer), bases and consents kept as a history, plain e-mails refused without a basis, anonymisation that replaces
 * the person everywhere the module wrote them and keeps the figures, the retention review that proposes and
 * anonymises only on confirmation, CPFs masked for a viewer; and the customer's page in Chromium.
 */
@ExtendWith({MicroServer.class, BrowserExtension.class})
class PrivacyIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A person with every kind of personal data, named in a subject, a note, an activity and an e-mail. */
    private record Person(String token, String name, String cpf, String email, String phone, long customer,
                          long subject) {
    }

    private Person person() {
        // Letters only (a name), unique enough that no other test's data holds them.
        StringBuilder letters = new StringBuilder();
        RANDOM.ints(10, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        String token = letters.toString();
        String name = "Joana Priv" + token + " Prado";
        String cpf = Api.newCpf();
        String email = "joana." + token + "@exemplo.com.br";
        String phone = "(11) 9" + (1000 + Math.abs(token.hashCode() % 9000)) + "-4321";
        HttpResponse<String> created = api.call("ana", "POST", "api/v1/customers", null, Json.createObjectBuilder()
                .add("name", name).add("kind", "PERSON").add("taxId", cpf).add("email", email).add("phone", phone)
                .build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long customer = Api.id(Api.json(created));
        HttpResponse<String> subject = api.call("ana", "POST", "api/v1/subjects", null, Json.createObjectBuilder()
                .add("title", "Reforma para " + name).add("customerId", customer).add("responsible", "ana")
                .add("amount", 1234.5).add("description", "Indicação; CPF " + cpf).build().toString());
        assertThat(subject.statusCode()).as(subject.body()).isEqualTo(201);
        long subjectId = Api.id(Api.json(subject));
        HttpResponse<String> note = api.call("ana", "POST", "api/v1/subjects/" + subjectId + "/notes", null,
                Json.createObjectBuilder().add("text", "Falei com Joana; ligar em " + phone + " ou " + email)
                        .build().toString());
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        HttpResponse<String> activity = api.plan(subjectId, "CALL", "Ligar para Priv" + token + " sobre a reforma",
                OffsetDateTime.now().plusDays(2), "ana");
        assertThat(activity.statusCode()).as(activity.body()).isEqualTo(201);
        return new Person(token, name, cpf, email, phone, customer, subjectId);
    }

    private HttpResponse<String> plainEmail(long subject, String to) {
        return api.call("ana", "POST", "api/v1/subjects/" + subject + "/emails", null, Json.createObjectBuilder()
                .add("to", to).add("subject", "Novidades").add("body", "Olá, Joana").build().toString());
    }

    @Test
    void aPersonsDataComeWholeAsJsonAndPdfToWhoWorksOnSubjectsAndEveryExportIsAudited() throws Exception {
        Person p = person();
        assertThat(plainEmail(p.subject(), p.email()).statusCode()).isBetween(200, 202);

        HttpResponse<String> json = api.call("ana", "GET", "api/v1/customers/" + p.customer() + "/personal-data",
                null, null);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        JsonObject report = Api.json(json);
        JsonObject customer = report.getJsonObject("customer");
        assertThat(customer.getString("name")).isEqualTo(p.name());
        assertThat(customer.getString("taxId")).isEqualTo(p.cpf().replaceAll("\\D", ""));
        assertThat(customer.getString("email")).isEqualTo(p.email());
        assertThat(customer.getString("phone")).isEqualTo(p.phone());
        JsonObject subject = report.getJsonArray("subjects").getJsonObject(0);
        assertThat(subject.getString("title")).contains(p.name());
        assertThat(subject.getJsonNumber("amount").doubleValue()).isEqualTo(1234.5);
        assertThat(subject.getJsonArray("notes").getJsonObject(0).getString("text")).contains(p.email());
        assertThat(subject.getJsonArray("activities").getJsonObject(0).getString("description")).contains("Priv");
        assertThat(subject.getJsonArray("emails").getJsonObject(0).getString("to")).isEqualTo(p.email());
        assertThat(report.getJsonArray("audit").getValuesAs(JsonObject.class))
                .as("the audit trail's entries about the customer and their subject")
                .anySatisfy(e -> assertThat(e.getString("entity")).isEqualTo("CUSTOMER"))
                .anySatisfy(e -> assertThat(e.getString("action")).isEqualTo("CREATE"));

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(api.request("api/v1/customers/" + p.customer()
                        + "/personal-data", "ana", "ana").header("Accept", "application/pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        String text = text(pdf.body());
        assertThat(text).contains("Dados pessoais do cliente nº " + p.customer()).contains(p.name())
                .contains(p.email()).contains("Reforma para");

        assertThat(api.call("vera", "GET", "api/v1/customers/" + p.customer() + "/personal-data", null, null)
                .statusCode()).as("a viewer exports no personal data").isEqualTo(403);
        HttpResponse<String> badFormat = api.call("ana", "GET", "api/v1/customers/" + p.customer()
                + "/personal-data?format=xml", null, null);
        assertThat(badFormat.statusCode()).as(badFormat.body()).isEqualTo(422);

        JsonArray audit = Api.json(api.call("admin", "GET", "api/v1/audit?entity=CUSTOMER&id=" + p.customer()
                + "&action=EXPORT", null, null)).getJsonArray("entries");
        assertThat(audit.getValuesAs(JsonObject.class)).extracting(e -> e.getString("summary"))
                .containsExactlyInAnyOrder("personal data · JSON", "personal data · PDF");
        assertThat(audit.getValuesAs(JsonObject.class)).allSatisfy(e -> assertThat(e.getString("actor")).isEqualTo("ana"));
    }

    @Test
    void basesAndConsentsAreAHistoryAndPlainEmailsStopWhenThereIsNoBasis() {
        Person p = person();
        String path = "api/v1/customers/" + p.customer() + "/consents";
        HttpResponse<String> given = api.call("ana", "POST", path, null,
                "{\"consent\":\"GIVEN\",\"how\":\"Formulário do site\",\"givenAt\":\"2026-11-30T10:00:00-03:00\"}");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        assertThat(Api.json(given).getString("basis")).isEqualTo("CONSENT");
        assertThat(plainEmail(p.subject(), p.email()).statusCode()).isBetween(200, 202);

        // Refusals: each a 4xx naming the problem, and nothing recorded.
        assertThat(api.call("ana", "POST", path, null, "{}").statusCode()).isEqualTo(422);
        assertThat(api.call("ana", "POST", path, null, "{\"basis\":\"MAGIC\"}").statusCode()).isEqualTo(400);
        assertThat(api.call("ana", "POST", path, null, "{\"consent\":\"GIVEN\",\"givenAt\":\"2999-01-01T00:00:00Z\"}")
                .statusCode()).isEqualTo(422);
        assertThat(api.call("vera", "POST", path, null, "{\"basis\":\"CONTRACT\"}").statusCode()).isEqualTo(403);

        HttpResponse<String> withdrawn = api.call("ana", "POST", path, null,
                "{\"consent\":\"WITHDRAWN\",\"how\":\"Pediu por telefone\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);
        assertThat(Api.json(withdrawn).getString("basis")).isEqualTo("NONE");
        assertThat(api.call("ana", "POST", path, null, "{\"consent\":\"WITHDRAWN\"}").statusCode())
                .as("nothing left to withdraw").isEqualTo(409);

        HttpResponse<String> refused = plainEmail(p.subject(), p.email());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("No legal basis");
        assertThat(Api.array(api.call("ana", "GET", "api/v1/subjects/" + p.subject() + "/emails", null, null)))
                .as("only the e-mail sent while there was a basis").hasSize(1);

        JsonArray history = Api.array(api.call("vera", "GET", path, null, null));
        assertThat(history.getValuesAs(JsonObject.class)).extracting(e -> e.getString("basis"))
                .containsExactly("NONE", "CONSENT");
        assertThat(history.getJsonObject(1).getString("how")).isEqualTo("Formulário do site");
        assertThat(history.getJsonObject(1).getString("givenAt")).startsWith("2026-11-30T13:00");
        assertThat(history.getJsonObject(0).getString("recordedBy")).isEqualTo("ana");
        assertThat(Api.json(api.call("ana", "GET", "api/v1/customers/" + p.customer(), null, null))
                .getString("legalBasis")).isEqualTo("NONE");
    }

    @Test
    void anonymisationReplacesThePersonEverywhereKeepsTheFiguresAndIsFinal() throws Exception {
        Person p = person();
        assertThat(plainEmail(p.subject(), p.email()).statusCode()).isBetween(200, 202);
        api.call("ana", "POST", "api/v1/customers/" + p.customer() + "/consents", null,
                "{\"consent\":\"GIVEN\",\"how\":\"Assinado por " + p.name() + "\"}");
        // A subject deleted before: its audit entry, which names the person, is tied to no subject of theirs now.
        HttpResponse<String> other = api.call("ana", "POST", "api/v1/subjects", null, Json.createObjectBuilder()
                .add("title", "Outra obra de " + p.name()).add("customerId", p.customer()).add("responsible", "ana")
                .build().toString());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        assertThat(api.call("ana", "DELETE", "api/v1/subjects/" + Api.id(Api.json(other)),
                Api.ifMatch(Api.json(other)), null).statusCode()).isEqualTo(204);
        String path = "api/v1/customers/" + p.customer() + "/anonymize";
        JsonObject customer = Api.json(api.call("admin", "GET", "api/v1/customers/" + p.customer(), null, null));

        JsonObject scope = Api.json(api.call("admin", "GET", path, null, null));
        assertThat(scope.getString("name")).isEqualTo(p.name());
        assertThat(scope.getJsonNumber("subjects").longValue()).isEqualTo(1);
        assertThat(scope.getJsonNumber("notes").longValue()).isEqualTo(1);
        assertThat(scope.getJsonNumber("emails").longValue()).isEqualTo(1);
        assertThat(api.call("ana", "POST", path, Api.ifMatch(customer), null).statusCode())
                .as("administrators only").isEqualTo(403);
        assertThat(api.call("admin", "POST", path, null, null).statusCode()).isEqualTo(428);
        assertThat(api.call("admin", "POST", path, "\"999\"", null).statusCode()).isEqualTo(412);

        HttpResponse<String> done = api.call("admin", "POST", path, Api.ifMatch(customer), null);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonObject anonymous = Api.json(done).getJsonObject("customer");
        assertThat(anonymous.getString("name")).isEqualTo("Titular anonimizado " + p.customer());
        assertThat(anonymous).as("no CPF, e-mail or phone any more").doesNotContainKeys("taxId", "email", "phone");
        assertThat(anonymous.getString("anonymizedAt")).isNotBlank();

        JsonObject subject = api.subject(p.subject());
        assertThat(subject.getString("title")).isEqualTo("Reforma para [anonimizado]");
        assertThat(subject.getJsonNumber("amount").doubleValue()).as("figures stay").isEqualTo(1234.5);
        String everything = api.call("admin", "GET", "api/v1/subjects/" + p.subject() + "/timeline", null, null)
                .body() + api.call("admin", "GET", "api/v1/subjects/" + p.subject() + "/emails", null, null).body()
                + api.call("admin", "GET", "api/v1/subjects/" + p.subject() + "/notes", null, null).body()
                + api.call("admin", "GET", "api/v1/subjects/" + p.subject() + "/history", null, null).body()
                + api.call("admin", "GET", "api/v1/customers/" + p.customer() + "/consents", null, null).body()
                + api.call("admin", "GET", "api/v1/customers/" + p.customer() + "/personal-data", null, null).body();
        assertThat(everything).contains("[anonimizado]").doesNotContainIgnoringCase(p.token())
                .doesNotContain(p.cpf()).doesNotContain(p.cpf().replaceAll("\\D", "")).doesNotContain(p.phone());
        assertThat(Api.array(api.call("admin", "GET", "api/v1/customers?q=" + p.token(), null, null)))
                .as("found by no search").isEmpty();
        assertThat(Api.json(api.call("admin", "GET", "api/v1/subjects?q=" + p.token(), null, null)).toString())
                .doesNotContain("\"id\":" + p.subject() + ",");
        assertThat(api.call("admin", "GET", "api/v1/subjects/export.csv?q=reforma", null, null).body())
                .doesNotContainIgnoringCase(p.token());
        try (Connection c = Database.connection()) {
            for (String table : List.of("crm_customer", "crm_subject", "crm_note", "crm_activity", "crm_mail",
                    "crm_consent", "crm_audit", "crm_webhook_delivery")) {
                try (PreparedStatement query = c.prepareStatement("select * from " + table)) {
                    try (ResultSet rs = query.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                Object value = rs.getObject(i);
                                if (value instanceof String text) {
                                    assertThat(text).as(table + "." + rs.getMetaData().getColumnName(i))
                                            .doesNotContainIgnoringCase(p.token())
                                            .doesNotContain(p.cpf().replaceAll("\\D", ""));
                                }
                            }
                        }
                    }
                }
            }
        }

        assertThat(api.call("admin", "POST", path, Api.ifMatch(anonymous), null).statusCode())
                .as("once").isEqualTo(409);
        assertThat(plainEmail(p.subject(), "outro@exemplo.com").statusCode()).isEqualTo(409);
        JsonArray trail = Api.json(api.call("admin", "GET", "api/v1/audit?entity=CUSTOMER&id=" + p.customer()
                + "&action=ANONYMIZE", null, null)).getJsonArray("entries");
        assertThat(trail).hasSize(1);
        assertThat(trail.getJsonObject(0).getString("actor")).isEqualTo("admin");
    }

    @Test
    void retentionProposesOnlyStaleLostOrArchivedCustomersAndAnonymisesOnlyOnConfirmation() {
        Person stale = person();
        Person open = person();
        Person recent = person();
        for (Person p : List.of(stale, recent)) {
            JsonObject subject = api.subject(p.subject());
            HttpResponse<String> archived = api.call("ana", "POST", "api/v1/subjects/" + p.subject() + "/archive",
                    Api.ifMatch(subject), null);
            assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
        }
        // Time gone by: two years without news for two of them.
        for (Person p : List.of(stale, open)) {
            OffsetDateTime longAgo = OffsetDateTime.now().minusYears(2);
            Database.update("update crm_subject set updated_at = ?, last_activity_at = ? where id = ?", longAgo,
                    longAgo, p.subject());
        }
        HttpResponse<String> settings = api.call("admin", "GET", "api/v1/privacy/retention", null, null);
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        String version = settings.headers().firstValue("ETag").orElseThrow();
        assertThat(api.call("admin", "PUT", "api/v1/privacy/retention", version, "{\"months\":0}").statusCode())
                .isEqualTo(422);
        HttpResponse<String> changed = api.call("admin", "PUT", "api/v1/privacy/retention", version,
                "{\"months\":12}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        try {
            List<Long> proposed = Api.json(changed).getJsonArray("proposed").getValuesAs(JsonObject.class).stream()
                    .map(c -> c.getJsonNumber("customerId").longValue()).toList();
            assertThat(proposed).contains(stale.customer()).doesNotContain(open.customer(), recent.customer());
            assertThat(api.call("ana", "GET", "api/v1/privacy/retention", null, null).statusCode()).isEqualTo(403);
            assertThat(api.call("admin", "POST", "api/v1/privacy/retention", null, "{\"ids\":[]}").statusCode())
                    .isEqualTo(422);

            HttpResponse<String> confirmed = api.call("admin", "POST", "api/v1/privacy/retention", null,
                    "{\"ids\":[" + stale.customer() + "," + open.customer() + "]}");
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(Api.json(confirmed).getInt("anonymized")).as("the open subject's customer is left").isEqualTo(1);
            assertThat(Api.json(api.call("admin", "GET", "api/v1/customers/" + stale.customer(), null, null))
                    .getString("name")).startsWith("Titular anonimizado");
            assertThat(Api.json(api.call("admin", "GET", "api/v1/customers/" + open.customer(), null, null))
                    .getString("name")).isEqualTo(open.name());
        } finally {
            String now = api.call("admin", "GET", "api/v1/privacy/retention", null, null).headers()
                    .firstValue("ETag").orElseThrow();
            api.call("admin", "PUT", "api/v1/privacy/retention", now, "{\"months\":60}");
        }
    }

    @Test
    void aViewerSeesCpfsMaskedInTheApiExportsAndProposals() throws Exception {
        Person p = person();
        String digits = p.cpf().replaceAll("\\D", "");
        String masked = "***." + digits.substring(3, 6) + "." + digits.substring(6, 9) + "-**";
        assertThat(Api.json(api.call("vera", "GET", "api/v1/customers/" + p.customer(), null, null))
                .getString("taxId")).isEqualTo(masked);
        assertThat(Api.json(api.call("ana", "GET", "api/v1/customers/" + p.customer(), null, null))
                .getString("taxId")).isEqualTo(digits);
        String csv = api.call("vera", "GET", "api/v1/subjects/export.csv?q=priv" + p.token(), null, null).body();
        assertThat(csv).contains(masked).doesNotContain(digits);

        HttpResponse<String> proposal = api.call("ana", "POST", "api/v1/subjects/" + p.subject() + "/proposals", null,
                Json.createObjectBuilder().add("issuedOn", "2026-12-01").add("validUntil", "2026-12-31")
                        .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("description", "Item").add("quantity", 1).add("unitPrice", 10))).build()
                        .toString());
        assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(201);
        String pdf = "api/v1/proposals/" + Api.id(Api.json(proposal)) + "/pdf";
        assertThat(text(pdfOf("vera", pdf))).as("a viewer's copy of the proposal").contains(masked)
                .doesNotContain(formatted(p.cpf()));
        assertThat(text(pdfOf("ana", pdf))).contains(formatted(p.cpf()));
    }

    private HttpResponse<byte[]> pdfOf(String user, String path) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(api.request(path, user, user).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        return pdf;
    }

    @Test
    void theCustomersPageRecordsConsentExportsAndAnonymisesAfterAConfirmation(Browser admin) throws Exception {
        Person p = person();
        admin.login("admin").open("subject/view.xhtml?id=" + p.subject());
        // The page's own downloads work in the page's session (the API's addresses take Basic logins only).
        HttpResponse<String> ics = admin.fetch(admin.find(By.cssSelector("a.crm-ics")).getAttribute("href"));
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT");
        admin.click(By.id("subject:customerLink"));
        admin.until(ExpectedConditions.textToBe(By.id("customerName"), p.name()));
        assertThat(admin.find(By.id("customerTaxId")).getText()).isEqualTo(formatted(p.cpf()));

        admin.select("customer:consentAction", "GIVEN");
        admin.find(By.id("customer:how")).sendKeys("Formulário <b>assinado</b>");
        admin.click(By.id("customer:record"));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer:consents"),
                "Formulário <b>assinado</b>"));
        admin.accessible();
        assertThat(admin.find(By.id("customerBasis")).getText()).startsWith("Consentimento");

        String href = link(admin, "personalDataPdf");
        HttpResponse<byte[]> pdf = admin.download(href);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(text(pdf.body())).contains("Dados pessoais do cliente nº " + p.customer()).contains(p.name());
        HttpResponse<String> json = admin.fetch(link(admin, "personalDataJson"));
        assertThat(json.body()).contains(p.email());

        admin.click(By.id("customer:anonymize"));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-confirm-dialog-message"), p.name()));
        admin.accessible();
        admin.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        admin.until(ExpectedConditions.textToBe(By.id("customerName"), "Titular anonimizado " + p.customer()));
        assertThat(admin.findAll(By.id("customer:anonymize"))).isEmpty();
        assertThat(admin.findAll(By.id("customer:record"))).as("nothing more is recorded").isEmpty();
        assertThat(admin.policyViolations()).isEmpty();
    }

    /** A p:linkButton's address (the anchor inside its span, or the anchor itself). */
    private static String link(Browser browser, String id) {
        return browser.find(By.cssSelector("[id='customer:" + id + "'] a[href], a[id='customer:" + id + "']"))
                .getAttribute("href");
    }

    private static String formatted(String cpf) {
        String d = cpf.replaceAll("\\D", "");
        return d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6, 9) + "-" + d.substring(9);
    }

    private static String text(HttpResponse<byte[]> pdf) throws Exception {
        return text(pdf.body());
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
