package br.com.crm.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outgoing webhooks against a real HTTP receiver started here (the JDK's HttpServer), from the real WAR in a
 * Payara Micro this test starts itself (so that it can restart it) on a database of its own: events arrive signed
 * and in order with the record as the API shows it; a receiver that fails or is down gets the delivery once it is
 * up, once; a delivery given up is sent again on request; what was queued survives a restart of the server; only
 * administrators manage endpoints, and bad ones are refused with a problem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class WebhooksIT {

    /** Where this test's own Micro answers; the browser extension reads it from this field (not MicroServer's: this test starts its own). */
    @MicroServer.Base
    URL base;

    private Receiver receiver;
    private Process micro;
    private int port;
    private Path log;
    private Map<String, String> environment;
    private Api api;

    @BeforeAll
    void start() throws Exception {
        receiver = new Receiver(freePort());
        receiver.start();
        port = freePort();
        Path target = Path.of(System.getProperty("crm.it.logDir"));
        log = target.resolve("webhooks-micro.log");
        environment = database(target);
        startMicro();
        base = new URL("http://127.0.0.1:" + port + "/crm/");
        api = new Api(base);
    }

    @AfterAll
    void stop() throws Exception {
        stopMicro();
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    void eventsArriveSignedInOrderWithTheRecordAsTheApiShowsIt() throws Exception {
        String path = "/hook/" + Api.token();
        JsonObject created = createEndpoint(path, "subject.created", "subject.moved", "subject.won",
                "subject.lost", "activity.done", "customer.created", "subject.deleted");
        long endpoint = Api.id(created);
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        String read = api.call("admin", "GET", "api/v1/webhooks/" + endpoint, null, null).body();
        assertThat(read).as("the secret is shown once").doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(api.call("admin", "GET", "api/v1/webhooks", null, null).body()).doesNotContain(secret);

        JsonObject subject = api.createSubject("Webhook " + Api.token());
        long id = Api.id(subject);
        api.move(id, "{\"stageId\":" + Api.id(api.openStage(2)) + "}");
        api.move(id, "{\"stageId\":" + Api.id(api.closingStage()) + ",\"outcome\":\"WON\"}");

        List<Received> got = receiver.first(path, 4); // the customer registered first, then the subject's three
        assertThat(got).extracting(r -> r.header("X-Crm-Event"))
                .containsExactly("customer.created", "subject.created", "subject.moved", "subject.won");
        for (Received r : got) {
            long timestamp = Long.parseLong(r.header("X-Crm-Timestamp"));
            assertThat(r.header("X-Crm-Signature")).as("signed with the endpoint's secret")
                    .isEqualTo("sha256=" + hmac(secret, timestamp + "." + r.body()));
            assertThat(timestamp).isBetween(Instant.now().getEpochSecond() - 120, Instant.now().getEpochSecond() + 5);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            JsonObject event = r.json();
            assertThat(event.getString("type")).isEqualTo(r.header("X-Crm-Event"));
            assertThat(event.getString("actor")).isEqualTo("ana");
            assertThat(event.getString("id")).isNotBlank();
            assertThat(Instant.parse(event.getString("time"))).isBefore(Instant.now());
        }
        assertThat(got.stream().map(r -> r.header("X-Crm-Delivery")).distinct()).hasSize(4);
        assertThat(got.get(0).json().getJsonObject("data").getInt("id")).isEqualTo(subject.getInt("customerId"));
        assertThat(got.get(1).json().getJsonObject("data")).as("the subject as POST /subjects answered it")
                .isEqualTo(subject);
        assertThat(got.get(2).json().getJsonObject("data").getInt("stageId")).isEqualTo(api.openStage(2)
                .getInt("id"));
        JsonObject won = got.get(3).json().getJsonObject("data");
        assertThat(won.getString("outcome")).isEqualTo("WON");
        assertThat(won).as("the subject as GET /subjects/{id} shows it now").isEqualTo(api.subject(id));

        // Deleted: the last state goes out, as it was just before.
        JsonObject last = api.subject(id);
        assertThat(api.call("admin", "DELETE", "api/v1/subjects/" + id + "?confirm=true", Api.ifMatch(last), null)
                .statusCode()).isEqualTo(204);
        Received deleted = receiver.first(path, 5).get(4);
        assertThat(deleted.header("X-Crm-Event")).isEqualTo("subject.deleted");
        assertThat(deleted.json().getString("actor")).isEqualTo("admin");
        assertThat(deleted.json().getJsonObject("data")).isEqualTo(last);

        JsonArray deliveries = Api.array(api.call("admin", "GET", "api/v1/webhooks/" + endpoint + "/deliveries",
                null, null));
        assertThat(deliveries).hasSize(5);
        assertThat(deliveries.getValuesAs(JsonObject.class)).allSatisfy(d -> {
            assertThat(d.getString("status")).isEqualTo("DELIVERED");
            assertThat(d.getInt("lastStatus")).isEqualTo(200);
            assertThat(d.getInt("attempts")).isEqualTo(1);
        });
        assertThat(deliveries.toString()).doesNotContain(secret);

        // A test event, whatever the endpoint subscribed to.
        HttpResponse<String> test = api.call("admin", "POST", "api/v1/webhooks/" + endpoint + "/test", null, null);
        assertThat(test.statusCode()).as(test.body()).isEqualTo(202);
        Received tested = receiver.first(path, 6).get(5);
        assertThat(tested.header("X-Crm-Event")).isEqualTo("webhook.test");
        assertThat(tested.header("X-Crm-Delivery")).isEqualTo(Api.json(test).getString("deliveryId"));
        assertThat(tested.json().getJsonObject("data").getInt("endpointId")).isEqualTo((int) endpoint);
    }

    @Test
    void activitiesAndProposalsAnnounceThemselvesWithTheirRecords() {
        String path = "/hook/" + Api.token();
        createEndpoint(path, "activity.done", "proposal.sent", "proposal.accepted", "proposal.rejected");
        long subject = api.newSubject("Proposta " + Api.token());
        long activity = Api.id(Api.json(api.plan(subject, "CALL", "Ligar", OffsetDateTime.now().plusDays(1),
                "ana")));
        String activityPath = "api/v1/activities/" + activity;
        HttpResponse<String> done = api.call("ana", "POST", activityPath + "/done",
                Api.ifMatch(Api.json(api.call("ana", "GET", activityPath, null, null))), "{\"result\":\"Feito\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);

        LocalDate today = LocalDate.now();
        HttpResponse<String> drafted = api.call("ana", "POST", "api/v1/subjects/" + subject + "/proposals", null,
                "{\"issuedOn\":\"" + today + "\",\"validUntil\":\"" + today.plusDays(30) + "\",\"items\":"
                        + "[{\"description\":\"Item\",\"quantity\":2,\"unitPrice\":250}]}");
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String proposalPath = "api/v1/proposals/" + Api.id(Api.json(drafted));
        assertThat(api.call("ana", "POST", proposalPath + "/send", null, "{\"to\":\"webhook@cliente.test\"}")
                .statusCode()).isEqualTo(202);
        HttpResponse<String> accepted = api.call("ana", "POST", proposalPath + "/decision",
                Api.ifMatch(Api.json(api.call("ana", "GET", proposalPath, null, null))), "{\"accepted\":true}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        List<Received> got = receiver.first(path, 3);
        assertThat(got).extracting(r -> r.header("X-Crm-Event"))
                .containsExactly("activity.done", "proposal.sent", "proposal.accepted");
        assertThat(got.get(0).json().getJsonObject("data")).as("the activity as the API shows it")
                .isEqualTo(Api.json(done));
        assertThat(got.get(1).json().getJsonObject("data").getString("status")).isEqualTo("SENT");
        assertThat(got.get(2).json().getJsonObject("data")).as("the proposal as the API shows it")
                .isEqualTo(Api.json(api.call("ana", "GET", proposalPath, null, null)));
    }

    @Test
    void theSettingsPageMakesAnEndpointShowsItsSecretOnceAndItsDeliveriesEscaped(Browser admin) {
        String path = "/hook/" + Api.token();
        String name = "Navegador " + Api.token();
        receiver.answer(path, 200, "<script>alert(1)</script> recebido");
        admin.login("admin");
        admin.open("settings/integrations.xhtml");
        admin.click(By.id("webhooks:new"));
        admin.until(ExpectedConditions.visibilityOfElementLocated(By.id("webhookDialogForm:name"))).sendKeys(name);
        admin.find(By.id("webhookDialogForm:url")).sendKeys(receiver.url(path));
        admin.click(By.id("webhookDialogForm:save"));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks:endpoints"), name));
        String secret = admin.find(By.id("webhooks:secretValue")).getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(admin.find(By.id("webhooks:endpoints")).getText()).contains("Assunto criado")
                .contains("Cliente cadastrado").contains("Ativo");

        By test = By.xpath("//tr[contains(., '" + name + "')]//button[contains(@id, ':test')]");
        admin.click(test);
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks:messages"), "teste"));
        assertThat(admin.findAll(By.id("webhooks:secretValue"))).as("shown once").isEmpty();
        Received tested = receiver.first(path, 1).get(0);
        assertThat(tested.header("X-Crm-Signature")).isEqualTo(signature(secret, tested));
        long endpoint = Api.array(api.call("admin", "GET", "api/v1/webhooks", null, null))
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getString("name").equals(name))
                .map(Api::id).findFirst().orElseThrow();
        await("delivered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> delivery(endpoint).getString("status").equals("DELIVERED"));
        admin.click(By.id("webhooks:reload"));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhooks:deliveryTable"), "Entregue"));
        assertThat(admin.find(By.id("webhooks:deliveryTable")).getText()).contains("webhook.test")
                .as("the receiver's answer as text").contains("<script>alert(1)</script> recebido");
    }

    @Test
    void aReceiverThatFailsOrIsDownGetsTheDeliveryOnceItIsUpOnce() throws Exception {
        String path = "/hook/" + Api.token();
        long endpoint = Api.id(createEndpoint(path, "customer.created"));
        receiver.answer(path, 500, "<b>em manutenção</b>");
        long customer = api.newCustomer();

        Received first = receiver.first(path, 1).get(0);
        // Down altogether: the next attempt finds no one listening.
        receiver.stop();
        try {
            await("an attempt refused").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> delivery(endpoint).getInt("attempts") >= 2);
            JsonObject failed = delivery(endpoint);
            assertThat(failed.getString("status")).isEqualTo("QUEUED");
            assertThat(failed.containsKey("lastStatus")).as("not reached: " + failed).isFalse();
            assertThat(failed.getString("lastError")).isNotBlank();
        } finally {
            receiver.answer(path, 204, "");
            receiver.start();
        }
        await("delivered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> delivery(endpoint).getString("status").equals("DELIVERED"));
        Thread.sleep(2500); // nothing more comes
        List<Received> got = receiver.received(path);
        assertThat(got).hasSize(2);
        assertThat(got).extracting(r -> r.header("X-Crm-Delivery")).containsOnly(first.header("X-Crm-Delivery"));
        assertThat(got).extracting(Received::status).containsExactly(500, 204);
        assertThat(got.get(1).json().getJsonObject("data").getInt("id")).isEqualTo((int) customer);
        JsonObject delivered = delivery(endpoint);
        assertThat(delivered.getInt("attempts")).isEqualTo(3);
        assertThat(delivered.getInt("lastStatus")).isEqualTo(204);
    }

    @Test
    void aDeliveryGivenUpIsSentAgainOnRequestWithItsDeliveryId() throws Exception {
        String path = "/hook/" + Api.token();
        long endpoint = Api.id(createEndpoint(path, "customer.created"));
        receiver.answer(path, 410, "gone " + "x".repeat(10_000));
        api.newCustomer();
        await("given up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> delivery(endpoint).getString("status").equals("FAILED"));
        JsonObject failed = delivery(endpoint);
        assertThat(failed.getInt("lastStatus")).isEqualTo(410);
        assertThat(failed.getString("lastAnswer")).as("a bounded excerpt").startsWith("gone xxx").hasSizeLessThan(2001);
        assertThat(receiver.received(path)).as("crm.webhook.max-attempts").hasSize(6);

        receiver.answer(path, 200, "ok");
        HttpResponse<String> resent = api.call("admin", "POST", "api/v1/webhooks/" + endpoint + "/deliveries/"
                + Api.id(failed) + "/resend", null, null);
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
        await("delivered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> delivery(endpoint).getString("status").equals("DELIVERED"));
        List<Received> got = receiver.received(path);
        assertThat(got).hasSize(7);
        assertThat(got.get(6).header("X-Crm-Delivery")).isEqualTo(failed.getString("deliveryId"));

        HttpResponse<String> again = api.call("admin", "POST", "api/v1/webhooks/" + endpoint + "/deliveries/"
                + Api.id(failed) + "/resend", null, null);
        assertThat(again.statusCode()).as("only a failed one").isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void whatWasQueuedSurvivesARestartOfTheServer() throws Exception {
        String path = "/hook/" + Api.token();
        long endpoint = Api.id(createEndpoint(path, "subject.created", "subject.moved"));
        receiver.stop();
        long id;
        try {
            id = api.newSubject("Reinício " + Api.token());
            api.move(id, "{\"stageId\":" + Api.id(api.openStage(2)) + "}");
            stopMicro();
        } finally {
            receiver.start();
        }
        startMicro();

        List<Received> got = receiver.first(path, 2);
        assertThat(got).extracting(r -> r.header("X-Crm-Event")).containsExactly("subject.created", "subject.moved");
        assertThat(got).extracting(r -> r.json().getJsonObject("data").getInt("id")).containsOnly((int) id);
        Thread.sleep(2000);
        assertThat(receiver.received(path)).as("each once").hasSize(2);
        assertThat(Api.array(api.call("admin", "GET", "api/v1/webhooks/" + endpoint + "/deliveries", null, null))
                .getValuesAs(JsonObject.class)).extracting(d -> d.getString("status"))
                .containsOnly("DELIVERED");
    }

    @Test
    void onlyAdministratorsManageEndpointsAndBadOnesAreRefusedWithAProblem() {
        String path = "/hook/" + Api.token();
        JsonObject created = createEndpoint(path, "subject.created");
        long endpoint = Api.id(created);
        for (String who : List.of("ana", "vera")) {
            assertThat(api.call(who, "GET", "api/v1/webhooks", null, null).statusCode()).as(who).isEqualTo(403);
            assertThat(api.call(who, "POST", "api/v1/webhooks", null, body("x", receiver.url(path),
                    "subject.created")).statusCode()).as(who).isEqualTo(403);
            assertThat(api.call(who, "PUT", "api/v1/webhooks/" + endpoint, Api.ifMatch(created),
                    body("x", receiver.url(path), "subject.created")).statusCode()).as(who).isEqualTo(403);
            assertThat(api.call(who, "DELETE", "api/v1/webhooks/" + endpoint, null, null).statusCode()).as(who)
                    .isEqualTo(403);
            assertThat(api.call(who, "GET", "api/v1/webhooks/" + endpoint + "/deliveries", null, null)
                    .statusCode()).as(who).isEqualTo(403);
            assertThat(api.call(who, "POST", "api/v1/webhooks/" + endpoint + "/test", null, null).statusCode())
                    .as(who).isEqualTo(403);
        }
        String before = api.call("admin", "GET", "api/v1/webhooks", null, null).body();
        Map<String, String> refused = Map.of(
                "ftp://erp.local/x", "url", "http://usuario:senha@erp.local/x", "url", "http://@erp.local/",
                "url", "não é url", "url", "http://", "url", "javascript:alert(1)", "url",
                "http://erp.local/" + "x".repeat(2100), "url", "http://erp.local/#frag", "url");
        refused.forEach((url, field) -> {
            HttpResponse<String> answer = api.call("admin", "POST", "api/v1/webhooks", null,
                    body("Ruim", url, "subject.created"));
            assertThat(answer.statusCode()).as(url).isEqualTo(422);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).as(url).contains("\"field\":\"" + field + "\"");
        });
        assertThat(api.call("admin", "POST", "api/v1/webhooks", null, body("Ruim", receiver.url(path),
                "subject.exploded")).body()).contains("\"field\":\"events\"");
        assertThat(api.call("admin", "POST", "api/v1/webhooks", null, body("Ruim", receiver.url(path)))
                .statusCode()).isEqualTo(422);
        assertThat(api.call("admin", "POST", "api/v1/webhooks", null, body("", receiver.url(path),
                "subject.created")).body()).contains("\"field\":\"name\"");
        assertThat(api.call("admin", "GET", "api/v1/webhooks", null, null).body()).as("nothing saved")
                .isEqualTo(before);

        String edit = body("Renomeado", receiver.url(path), "subject.created", "subject.archived");
        assertThat(api.call("admin", "PUT", "api/v1/webhooks/" + endpoint, null, edit).statusCode()).isEqualTo(428);
        HttpResponse<String> edited = api.call("admin", "PUT", "api/v1/webhooks/" + endpoint, Api.ifMatch(created),
                edit);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(Api.json(edited).getString("name")).isEqualTo("Renomeado");
        assertThat(Api.json(edited).containsKey("secret")).as("kept, not shown").isFalse();
        assertThat(api.call("admin", "PUT", "api/v1/webhooks/" + endpoint, Api.ifMatch(created), edit)
                .statusCode()).as("stale").isEqualTo(412);
        HttpResponse<String> renewed = api.call("admin", "PUT", "api/v1/webhooks/" + endpoint,
                Api.ifMatch(Api.json(edited)), edit.replace("}", ",\"renewSecret\":true}"));
        assertThat(Api.json(renewed).getString("secret")).isNotEqualTo(created.getString("secret"));

        List<String> audited = Api.json(api.call("admin", "GET", "api/v1/audit?entity=WEBHOOK&id=" + endpoint,
                        null, null)).getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("action")).toList();
        assertThat(audited).containsExactly("EDIT", "EDIT", "CREATE");
        assertThat(api.call("admin", "GET", "api/v1/audit?entity=WEBHOOK&id=" + endpoint, null, null).body())
                .as("never a secret").doesNotContain(created.getString("secret"))
                .doesNotContain(Api.json(renewed).getString("secret"));

        assertThat(api.call("admin", "DELETE", "api/v1/webhooks/" + endpoint, null, null).statusCode())
                .isEqualTo(204);
        assertThat(api.call("admin", "GET", "api/v1/webhooks/" + endpoint, null, null).statusCode()).isEqualTo(404);
    }

    // ---- Helpers

    private JsonObject createEndpoint(String path, String... events) {
        HttpResponse<String> created = api.call("admin", "POST", "api/v1/webhooks", null,
                body("Receptor " + path, receiver.url(path), events));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created);
    }

    private static String body(String name, String url, String... events) {
        var list = Json.createArrayBuilder();
        for (String event : events) {
            list.add(event);
        }
        return Json.createObjectBuilder().add("name", name).add("url", url).add("events", list).build().toString();
    }

    /** The endpoint's one (latest) delivery. */
    private JsonObject delivery(long endpoint) {
        HttpResponse<String> answer = api.call("admin", "GET", "api/v1/webhooks/" + endpoint + "/deliveries", null,
                null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Api.array(answer).getJsonObject(0);
    }

    private static String signature(String secret, Received received) {
        try {
            return "sha256=" + hmac(secret, received.header("X-Crm-Timestamp") + "." + received.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- The server under test, started and restarted here

    private void startMicro() throws Exception {
        Path target = Path.of(System.getProperty("crm.it.logDir"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", System.getProperty("payara.microJar"), "--nohazelcast", "--port",
                String.valueOf(port), "--contextroot", "crm", "--deploy", System.getProperty("crm.microWar"),
                "--prebootcommandfile", target.resolve("../../src/payara/pre-boot-commands.asadmin").normalize()
                        .toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("CRM_"));
        builder.environment().putAll(environment);
        builder.environment().put("CRM_DEMO", "true");
        builder.environment().put("CRM_DEMO_FORCE", "true");
        builder.environment().put("CRM_MAIL_HOST", "127.0.0.1");
        builder.environment().put("CRM_WEBHOOK_POLL_SECONDS", "1");
        builder.environment().put("CRM_WEBHOOK_RETRY_SECONDS", "1");
        builder.environment().put("CRM_WEBHOOK_MAX_ATTEMPTS", "6");
        builder.environment().put("CRM_WEBHOOK_CONNECT_TIMEOUT_SECONDS", "2");
        builder.environment().put("CRM_WEBHOOK_READ_TIMEOUT_SECONDS", "5");
        micro = builder.start();
        await("the module").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(micro.isAlive()).as("Micro ended; see " + log).isTrue();
            return ready();
        });
    }

    /** Stopped as an administrator stops it (SIGTERM), and waited for. */
    private void stopMicro() throws InterruptedException {
        if (micro != null) {
            micro.destroy();
            if (!micro.waitFor(60, TimeUnit.SECONDS)) {
                micro.destroyForcibly().waitFor();
            }
        }
    }

    private boolean ready() {
        try {
            HttpResponse<String> health = Api.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health/ready")).build());
            HttpResponse<String> ping = Api.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/crm/api/v1/ping"))
                    .header("Authorization", Api.basic("admin", "admin")).build());
            return health.statusCode() == 200 && ping.statusCode() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private Map<String, String> database(Path target) throws Exception {
        if ("postgresql".equals(System.getProperty("crm.it.db"))) {
            String url = System.getProperty("crm.it.pg.url");
            String user = System.getProperty("crm.it.pg.user");
            String password = System.getProperty("crm.it.pg.password");
            String schema = "crm_webhooks_" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("create schema " + schema);
            }
            return Map.of("CRM_DB_CLASS", "org.postgresql.ds.PGSimpleDataSource",
                    "CRM_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    "CRM_DB_USER", user, "CRM_DB_PASSWORD", password);
        }
        Path dir = Files.createTempDirectory(target, "webhooks-h2-");
        return Map.of("CRM_DATA_DIR", dir.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    // ---- The receiver

    /** One request as the receiver got it, and the status it answered. */
    record Received(Map<String, List<String>> headers, String body, int status) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    /** An HTTP server on a fixed port that can be stopped and started again, answering each path as told. */
    static final class Receiver {

        private final int port;
        private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
        private final Map<String, Object[]> answers = new ConcurrentHashMap<>();
        private HttpServer server;

        Receiver(int port) {
            this.port = port;
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        void answer(String path, int status, String body) {
            answers.put(path, new Object[]{status, body});
        }

        synchronized void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        synchronized void stop() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Object[] answer = answers.getOrDefault(path, new Object[]{200, "ok"});
            int status = (Integer) answer[0];
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            byte[] bytes = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0 && status != 204) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }

        List<Received> received(String path) {
            return new ArrayList<>(received.getOrDefault(path, List.of()));
        }

        /** The first {@code count} requests to {@code path}, once they came. */
        List<Received> first(String path, int count) {
            await("%d requests to %s".formatted(count, path)).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> received(path).size() >= count);
            return received(path).subList(0, count);
        }
    }
}
