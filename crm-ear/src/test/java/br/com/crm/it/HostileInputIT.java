package br.com.crm.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile or careless client, thousands of times: malformed and mistyped JSON, unknown fields, control
 * characters, overlong text, out-of-range numbers, impossible dates, ids that do not exist, broken headers and
 * paths, over every REST endpoint that takes input, and the same kind of values posted through the main Faces
 * forms with their view state. Every answer must be below 500 (a 4xx of the API a problem naming what was wrong),
 * nothing a refused request sent may be left in the database (every table's rows hashed before and after each
 * request), and the server log must hold no SEVERE line and no stack trace.
 */
@ExtendWith(MicroServer.class)
@MicroServer.Fresh // its hostile logins from this address leave throttled counts that would slow the next classes' logins down
class HostileInputIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    /** One request: who sends it, how, and a label for the report. */
    private record Attempt(String label, String user, String method, String path, Supplier<String> ifMatch,
                           String contentType, byte[] body) {
    }

    /** An endpoint that takes input, with a body it accepts ({@code valid}, null when it takes none). */
    private record Endpoint(String user, String method, String path, Supplier<String> ifMatch, JsonValue valid) {
    }

    private static final String LONG_TEXT = "x".repeat(100_000);

    /** What a hostile client puts in place of each field's value. */
    private static final List<String> HOSTILE_VALUES = List.of("\"x\"", "\"\"", "\"   \"", "1e309", "-1", "0",
            "12.345", "99999999999999999999", "true", "[]", "{}", "null", "\"a\\u0000b\"", "\"a\\u001bb\"",
            "\"" + LONG_TEXT + "\"", "\"2026-02-30\"", "\"NOPE\"", "999999999", "\"=HYPERLINK(\\\"http://x\\\")\"");

    /** Whole bodies that are not what any endpoint takes. */
    private static final List<String> HOSTILE_BODIES = List.of("{", "[]", "\"x\"", "null", "1", "", "{\"a\":",
            "{\"x\":\"a\u0001b\"}", "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":1}}", "{'a':1}",
            "{\"a\":NaN}", "\uFEFF{}");

    private static final List<String> HOSTILE_IDS = List.of("abc", "-1", "0", "99999999999", "1.5", "%00",
            "999999999999999999999", "1e3", "%20");

    private static final List<String> HOSTILE_IF_MATCH = List.of("\"abc\"", "W/\"1\"", "\"-1\"",
            "\"99999999999999999999\"", "*", "\"1\", \"2\"", "");

    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    /** What went wrong, by kind and endpoint: how many times, and the first example in full. */
    private final Map<String, List<String>> failures = new TreeMap<>();
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\b(?:java|jakarta|javax|org|com|br)\\.[A-Za-z0-9_.$]+(?:Exception|Error)\\b|\\tat [a-z]");

    @Test
    void hostileRequestsAreRefusedWithAProblemAndSaveNothing() throws Exception {
        Instant start = Instant.now();
        List<JsonObject> stagesBefore = api.stages();
        List<Long> webhooksBefore = webhooks();
        try (Connection db = Database.connection()) {
            List<Attempt> attempts = new ArrayList<>();
            for (Endpoint endpoint : endpoints()) {
                attempts.addAll(attempts(endpoint));
            }
            attempts.addAll(queries());
            attempts.addAll(imports());

            Map<String, Long> before = checksums(db);
            for (Attempt attempt : attempts) {
                HttpResponse<String> answer = send(attempt);
                before = check(db, before, attempt.label(), answer.statusCode(), answer.body(),
                        answer.headers().firstValue("Content-Type").orElse(""), true);
            }
            int rest = attempts.size();
            int forms = postForms(db);
            System.out.printf("HostileInputIT: %d requests (%d REST, %d form postbacks), %d answered 4xx, %d 5xx;"
                            + " by status %s%n", rest + forms, rest, forms, count(400, 499), count(500, 599), byStatus);
            failures.forEach((group, examples) -> System.out.printf("  %4d x %s, e.g. %s%n", examples.size(), group,
                    examples.get(0)));
            assertThat(failures.entrySet().stream().map(e -> e.getValue().size() + " x " + e.getKey() + ", e.g. "
                    + e.getValue().get(0)).toList()).as("hostile requests answered wrongly").isEmpty();
            assertThat(rest + forms).isGreaterThanOrEqualTo(2_000);
            assertThat(byStatus.keySet()).allMatch(status -> status < 500);
        } finally {
            api.removeStagesBut(stagesBefore);
            // The endpoints the accepted variants made would go on receiving the next test classes' events.
            webhooks().stream().filter(id -> !webhooksBefore.contains(id)).forEach(id ->
                    assertThat(api.call("admin", "DELETE", "api/v1/webhooks/" + id, null, null).statusCode())
                            .isEqualTo(204));
        }
        assertThat(serverLogSince(start).stream().filter(line -> line.contains("SEVERE")
                        || line.startsWith("\tat ") || line.matches("^\\s+at [a-z]+\\..*")).limit(40).toList())
                .as("SEVERE lines and stack traces in the server log").isEmpty();
    }

    private List<Long> webhooks() {
        return Api.array(api.call("admin", "GET", "api/v1/webhooks", null, null)).getValuesAs(JsonObject.class)
                .stream().map(Api::id).toList();
    }

    // ---- What is sent

    private List<Endpoint> endpoints() {
        long customer = api.newCustomer();
        long subject = api.newSubject("Hostil " + Api.token());
        long tag = api.newTag("hostil-" + Api.token(), null);
        long activity = Api.id(Api.json(api.plan(subject, "CALL", "Ligar", OffsetDateTime.now().plusDays(1),
                "ana")));
        HttpResponse<String> note = api.call("ana", "POST", "api/v1/subjects/" + subject + "/notes", null,
                "{\"text\":\"Nota\"}");
        long noteId = Api.id(Api.json(note));
        JsonObject item = Json.createObjectBuilder().add("productCode", "P1").add("description", "Item")
                .add("quantity", 2).add("unitPrice", 10.5).add("discountPercent", 5).build();
        JsonObject proposalBody = Json.createObjectBuilder().add("issuedOn", "2026-12-01")
                .add("validUntil", "2026-12-31").add("freight", 10).add("paymentTerms", "30 dias")
                .add("notes", "Obs").add("items", Json.createArrayBuilder().add(item)).build();
        HttpResponse<String> proposal = api.call("ana", "POST", "api/v1/subjects/" + subject + "/proposals", null,
                proposalBody.toString());
        assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(201);
        long proposalId = Api.id(Api.json(proposal));
        HttpResponse<String> stage = api.call("admin", "POST", "api/v1/stages", null,
                "{\"description\":\"Hostil " + Api.token() + "\"}");
        long stageId = stage.statusCode() == 201 ? Api.id(Api.json(stage)) : Api.id(api.firstStage());
        long firstStage = Api.id(api.firstStage());
        String person = "hostil" + Api.token().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        HttpResponse<String> user = api.call("admin", "POST", "api/v1/users", null, Json.createObjectBuilder()
                .add("username", person).add("displayName", "Hostil").add("email", person + "@empresa.test")
                .add("role", "crm-viewer").add("password", "senha hostil " + Api.token()).build().toString());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        long userId = Api.id(Api.json(user));
        // A paused endpoint (nothing is posted to it); port 9 refuses, should one be made active.
        JsonObject webhookBody = Json.createObjectBuilder().add("name", "Hostil " + Api.token())
                .add("url", "http://127.0.0.1:9/hostil").add("events", Json.createArrayBuilder()
                        .add("subject.created").add("subject.moved")).add("active", false).build();
        HttpResponse<String> webhook = api.call("admin", "POST", "api/v1/webhooks", null, webhookBody.toString());
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
        long webhookId = Api.id(Api.json(webhook));

        // A customer of its own to anonymise: the valid attempt anonymises it; the subject's customer stays.
        long spare = api.newCustomer("Hostil anônimo " + Api.token());
        Supplier<String> spareTag = () -> api.call("admin", "GET", "api/v1/customers/" + spare, null, null)
                .headers().firstValue("ETag").orElseThrow();
        Supplier<String> privacyTag = () -> api.call("admin", "GET", "api/v1/privacy/retention", null, null)
                .headers().firstValue("ETag").orElseThrow();
        Supplier<String> subjectTag = etag("api/v1/subjects/" + subject);
        Supplier<String> activityTag = etag("api/v1/activities/" + activity);
        Supplier<String> noteTag = etag("api/v1/notes/" + noteId);
        Supplier<String> proposalTag = etag("api/v1/proposals/" + proposalId);
        Supplier<String> stageTag = etag("api/v1/stages/" + stageId);
        Supplier<String> tagTag = etag("api/v1/tags/" + tag);
        Supplier<String> userTag = () -> api.call("admin", "GET", "api/v1/users/" + userId, null, null).headers()
                .firstValue("ETag").orElseThrow();
        Supplier<String> webhookTag = () -> api.call("admin", "GET", "api/v1/webhooks/" + webhookId, null, null)
                .headers().firstValue("ETag").orElseThrow();
        JsonObject subjectBody = Json.createObjectBuilder().add("title", "Hostil").add("customerId", customer)
                .add("stageId", firstStage).add("responsible", "ana").add("amount", 100.25)
                .add("expectedClose", "2027-01-31").add("description", "Texto").add("contactStatus", "PROSPECT")
                .build();
        JsonObject activityBody = Json.createObjectBuilder().add("kind", "MEETING").add("description", "Reunião")
                .add("dueAt", OffsetDateTime.now().plusDays(2).toString()).add("responsible", "ana").build();
        JsonObject mail = Json.createObjectBuilder().add("to", "cliente@empresa.test").add("cc", "")
                .add("subject", "Assunto").add("body", "Corpo").build();
        JsonObject filter = Json.createObjectBuilder().add("q", "Hostil").add("tags", Json.createArrayBuilder()
                        .add(tag)).add("customer", customer).add("responsible", "ana").add("min", 1).add("max", 10)
                .add("from", "2026-01-01").add("to", "2026-12-31").add("archived", false).build();
        String s = "api/v1/subjects/" + subject;
        return List.of(
                new Endpoint("ana", "POST", "api/v1/customers", null, Json.createObjectBuilder()
                        .add("name", "Hostil " + Api.token()).add("kind", "PERSON").add("taxId", Api.newCpf())
                        .add("email", "a@b.test").add("phone", "+55 11 99999-0000").add("contactStatus", "LEAD")
                        .build()),
                new Endpoint("ana", "POST", "api/v1/customers/erp/{id}", null, null),
                new Endpoint("ana", "POST", "api/v1/subjects", null, subjectBody),
                new Endpoint("ana", "PUT", "api/v1/subjects/{id}", subjectTag, subjectBody),
                new Endpoint("ana", "POST", s + "/activities", null, activityBody),
                new Endpoint("ana", "PUT", "api/v1/activities/{id}", activityTag, activityBody),
                new Endpoint("ana", "POST", "api/v1/activities/{id}/done", activityTag, Json.createObjectBuilder()
                        .add("doneAt", OffsetDateTime.now().toString()).add("result", "Feito").build()),
                new Endpoint("ana", "POST", "api/v1/activities/{id}/reopen", activityTag, null),
                new Endpoint("ana", "POST", s + "/notes", null, Json.createObjectBuilder().add("text", "N").build()),
                new Endpoint("ana", "PUT", "api/v1/notes/{id}", noteTag,
                        Json.createObjectBuilder().add("text", "Nova").build()),
                new Endpoint("ana", "PUT", "api/v1/proposals/{id}", proposalTag, proposalBody),
                new Endpoint("ana", "POST", s + "/proposals", null, proposalBody),
                new Endpoint("ana", "POST", "api/v1/proposals/{id}/decision", proposalTag,
                        Json.createObjectBuilder().add("accepted", true).build()),
                new Endpoint("ana", "POST", "api/v1/proposals/{id}/revise", proposalTag, null),
                new Endpoint("ana", "POST", "api/v1/proposals/{id}/send", null, mail),
                new Endpoint("ana", "POST", s + "/emails", null, mail),
                new Endpoint("ana", "PUT", s + "/tags", subjectTag, Json.createArrayBuilder().add(tag).build()),
                new Endpoint("ana", "POST", "api/v1/subjects/{id}/move", subjectTag, Json.createObjectBuilder()
                        .add("stageId", stageId).add("outcome", "WON").add("lostReasonId", api.lostReason())
                        .build()),
                new Endpoint("ana", "POST", "api/v1/subjects/{id}/archive", subjectTag, null),
                new Endpoint("ana", "POST", "api/v1/subjects/{id}/unarchive", subjectTag, null),
                new Endpoint("ana", "POST", "api/v1/subjects/bulk", null, Json.createObjectBuilder()
                        .add("action", "addTags").add("ids", Json.createArrayBuilder().add(subject))
                        .add("tagIds", Json.createArrayBuilder().add(tag)).add("stageId", firstStage)
                        .add("responsible", "ana").build()),
                new Endpoint("ana", "POST", "api/v1/subjects/bulk", null, Json.createObjectBuilder()
                        .add("action", "addTags").add("filter", filter)
                        .add("tagIds", Json.createArrayBuilder().add(tag)).build()),
                // Bulk deletion's own fields, on a selection of nothing (id 0), so that no variant deletes.
                new Endpoint("admin", "POST", "api/v1/subjects/bulk", null, Json.createObjectBuilder()
                        .add("action", "delete").add("ids", Json.createArrayBuilder().add(0))
                        .add("expectedCount", 999).add("confirm", false).build()),
                new Endpoint("admin", "POST", "api/v1/stages", null, Json.createObjectBuilder()
                        .add("description", "Hostil " + Api.token()).add("descriptionEn", "Hostile")
                        .add("position", 1).add("staleDays", 5).add("proposalRule", "SENT").add("probability", 40)
                        .build()),
                new Endpoint("admin", "PUT", "api/v1/stages/{id}", stageTag, Json.createObjectBuilder()
                        .add("description", "Hostil " + Api.token()).add("descriptionEn", "Hostile")
                        .add("staleDays", 5).add("proposalRule", "SENT").add("probability", 40).build()),
                new Endpoint("admin", "POST", "api/v1/tags", null, Json.createObjectBuilder()
                        .add("name", "h-" + Api.token()).add("color", "#336699").build()),
                new Endpoint("admin", "PUT", "api/v1/tags/{id}", tagTag, Json.createObjectBuilder()
                        .add("name", "h-" + Api.token()).add("color", "#336699").build()),
                new Endpoint("admin", "POST", "api/v1/users", null, Json.createObjectBuilder()
                        .add("username", person + "b").add("displayName", "Hostil").add("email", "h@empresa.test")
                        .add("role", "crm-viewer").add("password", "senha hostil " + Api.token()).build()),
                new Endpoint("admin", "PUT", "api/v1/users/{id}", userTag, Json.createObjectBuilder()
                        .add("displayName", "Hostil").add("email", "h@empresa.test").add("role", "crm-viewer")
                        .build()),
                new Endpoint("admin", "POST", "api/v1/users/{id}/password", null, Json.createObjectBuilder()
                        .add("password", "senha hostil " + Api.token()).build()),
                new Endpoint("admin", "POST", "api/v1/users/{id}/deactivate", null, null),
                new Endpoint("admin", "POST", "api/v1/users/{id}/reactivate", null, null),
                // The current password is never right: no variant changes ana's.
                new Endpoint("ana", "POST", "api/v1/me/password", null, Json.createObjectBuilder()
                        .add("current", "not ana's").add("password", "uma senha nova e longa").build()),
                new Endpoint("admin", "POST", "api/v1/webhooks", null, webhookBody),
                new Endpoint("admin", "PUT", "api/v1/webhooks/{id}", webhookTag, Json.createObjectBuilder(webhookBody)
                        .add("renewSecret", false).build()),
                new Endpoint("admin", "POST", "api/v1/webhooks/{id}/test", null, null),
                new Endpoint("admin", "POST", "api/v1/webhooks/{id}/deliveries/0/resend", null, null),
                new Endpoint("ana", "POST", "api/v1/customers/{id}/consents", null, Json.createObjectBuilder()
                        .add("basis", "CONTRACT").add("how", "Contrato assinado")
                        .add("givenAt", OffsetDateTime.now().minusDays(1).toString()).build()),
                new Endpoint("admin", "PUT", "api/v1/privacy/retention", privacyTag,
                        Json.createObjectBuilder().add("months", 60).build()),
                // Customer 0 is never proposed: no variant anonymises anybody.
                new Endpoint("admin", "POST", "api/v1/privacy/retention", null, Json.createObjectBuilder()
                        .add("ids", Json.createArrayBuilder().add(0)).build()),
                new Endpoint("admin", "POST", "api/v1/customers/" + spare + "/anonymize", spareTag, null),
                new Endpoint("ana", "POST", "api/v1/proposals/{id}/sales-order", proposalTag, null),
                new Endpoint("ana", "DELETE", "api/v1/notes/{id}", noteTag, null),
                new Endpoint("ana", "DELETE", "api/v1/activities/{id}", activityTag, null),
                new Endpoint("ana", "DELETE", "api/v1/proposals/{id}", proposalTag, null),
                new Endpoint("admin", "DELETE", "api/v1/stages/{id}", stageTag, null),
                new Endpoint("admin", "DELETE", "api/v1/webhooks/{id}", null, null),
                new Endpoint("ana", "DELETE", "api/v1/subjects/{id}?confirm=maybe", subjectTag, null),
                new Endpoint("ana", "DELETE", "api/v1/subjects/{id}", subjectTag, null))
                .stream().map(e -> e.path().contains("{id}") ? withId(e, subject, activity, noteId, proposalId,
                        stageId, tag, userId, webhookId, customer) : e).toList();
    }

    private static Endpoint withId(Endpoint e, long subject, long activity, long note, long proposal, long stage,
                                   long tag, long user, long webhook, long customer) {
        String path = e.path();
        long id = path.contains("/subjects/") ? subject : path.contains("/activities/") ? activity
                : path.contains("/notes/") ? note : path.contains("/proposals/") ? proposal
                : path.contains("/stages/") ? stage : path.contains("/tags/") ? tag
                : path.contains("/users/") ? user : path.contains("/webhooks/") ? webhook
                : path.contains("/customers/") ? customer : 0;
        // The id stays a placeholder: the attempts put hostile ids there, and the real one for the rest.
        return new Endpoint(e.user(), e.method(), path.replace("{id}", "{id:" + id + "}"), e.ifMatch(), e.valid());
    }

    /** Every hostile variant of one endpoint: ids, headers, whole bodies, and each field's value. */
    private List<Attempt> attempts(Endpoint e) {
        List<Attempt> attempts = new ArrayList<>();
        String realPath = e.path().replaceAll("\\{id:(\\d+)}", "$1");
        String name = e.method() + " " + e.path();
        byte[] valid = e.valid() == null ? null : bytes(e.valid().toString());
        if (e.path().contains("{id:")) {
            for (String id : HOSTILE_IDS) {
                attempts.add(new Attempt(name + " id=" + id, e.user(), e.method(),
                        e.path().replaceAll("\\{id:\\d+}", id), e.ifMatch(), "application/json", valid));
            }
        }
        if (e.ifMatch() != null) {
            for (String tag : HOSTILE_IF_MATCH) {
                attempts.add(new Attempt(name + " If-Match=" + tag, e.user(), e.method(), realPath, () -> tag,
                        "application/json", valid));
            }
        }
        if (e.valid() == null || e.method().equals("DELETE")) {
            return attempts;
        }
        for (String type : List.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                "multipart/form-data; boundary=x")) {
            attempts.add(new Attempt(name + " Content-Type=" + type, e.user(), e.method(), realPath, e.ifMatch(),
                    type, valid));
        }
        for (String body : HOSTILE_BODIES) {
            attempts.add(new Attempt(name + " body=" + abbreviate(body), e.user(), e.method(), realPath,
                    e.ifMatch(), "application/json", bytes(body)));
        }
        attempts.add(new Attempt(name + " body=invalid UTF-8", e.user(), e.method(), realPath, e.ifMatch(),
                "application/json", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        attempts.add(new Attempt(name + " body=8 MB", e.user(), e.method(), realPath, e.ifMatch(),
                "application/json", bytes("[\"" + "x".repeat(8 << 20) + "\"]")));
        if (e.valid() instanceof JsonObject object) {
            for (String path : fieldPaths(object, "")) {
                for (String value : HOSTILE_VALUES) {
                    attempts.add(new Attempt(name + " " + path + "=" + abbreviate(value), e.user(), e.method(),
                            realPath, e.ifMatch(), "application/json", bytes(replace(object, path, value))));
                }
                attempts.add(new Attempt(name + " without " + path, e.user(), e.method(), realPath, e.ifMatch(),
                        "application/json", bytes(replace(object, path, null))));
            }
            String first = object.keySet().iterator().next();
            attempts.add(new Attempt(name + " unknown field", e.user(), e.method(), realPath, e.ifMatch(),
                    "application/json", bytes(object.toString().replaceFirst("\\{", "{\"value\":1,"))));
            attempts.add(new Attempt(name + " repeated " + first, e.user(), e.method(), realPath, e.ifMatch(),
                    "application/json", bytes(object.toString().replaceFirst("\\{",
                    "{\"" + first + "\":" + object.get(first) + ","))));
        } else if (e.valid() instanceof JsonArray) {
            for (String value : HOSTILE_VALUES) {
                attempts.add(new Attempt(name + " element=" + abbreviate(value), e.user(), e.method(), realPath,
                        e.ifMatch(), "application/json", bytes("[" + value + "]")));
            }
        }
        return attempts;
    }

    /** The fields of a body, nested ones (filter.q, items.0.quantity) included. */
    private static List<String> fieldPaths(JsonObject object, String prefix) {
        List<String> paths = new ArrayList<>();
        object.forEach((key, value) -> {
            paths.add(prefix + key);
            if (value instanceof JsonObject nested) {
                paths.addAll(fieldPaths(nested, prefix + key + "."));
            } else if (value instanceof JsonArray array && !array.isEmpty()
                    && array.get(0) instanceof JsonObject element) {
                paths.addAll(fieldPaths(element, prefix + key + ".0."));
            }
        });
        return paths;
    }

    /** {@code object} with the field at {@code path} holding the raw JSON {@code value} (or left out when null). */
    private static String replace(JsonValue value, String path, String raw) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        if (value instanceof JsonArray array) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < array.size(); i++) {
                json.append(i == 0 ? "" : ",").append(i == Integer.parseInt(head)
                        ? (rest == null ? raw : replace(array.get(i), rest, raw)) : array.get(i).toString());
            }
            return json.append("]").toString();
        }
        JsonObject object = (JsonObject) value;
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, JsonValue> field : object.entrySet()) {
            String written;
            if (!field.getKey().equals(head)) {
                written = field.getValue().toString();
            } else if (rest == null) {
                written = raw;
            } else {
                written = replace(field.getValue(), rest, raw);
            }
            if (written != null) {
                json.append(json.length() > 1 ? "," : "").append('"').append(field.getKey()).append("\":")
                        .append(written);
            }
        }
        return json.append("}").toString();
    }

    /** The GET endpoints' query strings, as a careless client writes them. */
    private List<Attempt> queries() {
        List<String> urls = new ArrayList<>();
        for (String bad : List.of("abc", "-1", "1e309", "99999999999999999999", "2026-02-30", "%00", "%C3%28",
                "x".repeat(5_000), "", "1&limit=2&limit=3")) {
            for (String query : List.of("subjects?limit=", "subjects?cursor=", "subjects?stage=1&cursor=",
                    "subjects?stage=", "subjects?min=", "subjects?max=", "subjects?from=", "subjects?to=",
                    "subjects?tags=", "subjects?customer=", "subjects?archived=", "subjects?q=",
                    "funnel?limit=", "funnel?min=", "activities?user=", "activities?done=", "activities?from=",
                    "activities?to=", "customers?q=", "customers?limit=", "customers/erp?q=",
                    "subjects/export.csv?min=", "subjects/export.xlsx?from=", "reports/activities?from=",
                    "reports/activities?to=", "reports/activities?period=", "reports/activities?by=", "reports/activities?kind=", "reports/activities?tag=",
                    "reports/activities.csv?from=", "reports/stages?from=", "reports/forecast?from=",
                    "reports/forecast?to=", "reports/forecast?by=", "reports/forecast?user=",
                    "reports/forecast.csv?from=", "reports/forecast.xlsx?to=", "subjects/1/timeline?kind=",
                    "subjects/1/timeline?cursor=", "customers/1/sales?offset=", "customers/1/finance?limit=",
                    "customers/1/service?offset=", "activities?limit=", "subjects/{id}", "activities/{id}", "activities/{id}.ics", "notes/{id}",
                    "proposals/{id}", "proposals/{id}/pdf", "customers/{id}", "stages/{id}",
                    "customers/1/personal-data?format=", "customers/{id}/personal-data", "customers/{id}/consents")) {
                urls.add("api/v1/" + (query.contains("{id}") ? query.replace("{id}", bad) : query + bad));
            }
        }
        List<Attempt> attempts = new ArrayList<>(urls.stream()
                .map(url -> new Attempt("GET " + abbreviate(url), "ana", "GET", url, null, null, null)).toList());
        // What only administrators read: the audit trail and the users.
        for (String bad : List.of("abc", "-1", "1e309", "99999999999999999999", "2026-02-30", "%00", "%C3%28",
                "x".repeat(5_000), "", "1&limit=2&limit=3")) {
            for (String query : List.of("audit?actor=", "audit?action=", "audit?entity=", "audit?id=", "audit?from=",
                    "audit?to=", "audit?cursor=", "audit?limit=", "users?q=", "users?active=", "users/{id}",
                    "subjects/1/history?cursor=", "subjects/1/history?limit=", "webhooks/{id}",
                    "webhooks/{id}/deliveries", "webhooks/1/deliveries?limit=", "customers/{id}/anonymize")) {
                String url = "api/v1/" + (query.contains("{id}") ? query.replace("{id}", bad) : query + bad);
                attempts.add(new Attempt("GET " + abbreviate(url), "admin", "GET", url, null, null, null));
            }
        }
        return attempts;
    }

    /** The CSV import fed what a careless user uploads. */
    private List<Attempt> imports() {
        String header = "title;customer;responsible;amount;expected_close;stage;description\n";
        List<String> files = List.of("", "\u0000\u0001\u0002", header, header + "a;b\n", header + ";;;;;;\n",
                header + "=1+1;=cmd|' /C calc'!A0;ana;1e309;2026-02-30;NOPE;x\n",
                header + "x".repeat(200_000) + "\n", header + "t;c;ana;-1;31/02/2026;1;d\n",
                header + ("t;c;ana;1;;;d\n").repeat(20_001), "\"unterminated;quote\n");
        List<Attempt> attempts = new ArrayList<>();
        for (String file : files) {
            for (String type : List.of("text/csv", "application/json")) {
                attempts.add(new Attempt("import " + type + " " + abbreviate(file), "ana", "POST",
                        "api/v1/subjects/import?dryRun=true", null, type, bytes(file)));
            }
        }
        return attempts;
    }

    private HttpResponse<String> send(Attempt attempt) {
        HttpRequest.Builder request;
        try {
            request = api.request(attempt.path(), attempt.user(), attempt.user()).header("Accept-Language", "en");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(attempt.label() + ": the test wrote a URI Java refuses", e);
        }
        if (attempt.contentType() != null) {
            request.header("Content-Type", attempt.contentType());
        }
        String ifMatch = attempt.ifMatch() == null ? null : attempt.ifMatch().get();
        if (ifMatch != null && !ifMatch.isEmpty()) {
            request.header("If-Match", ifMatch);
        }
        request.method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        return Api.send(request.build());
    }

    // ---- The main forms, posted with their view state

    private int postForms(Connection db) throws SQLException {
        long subject = api.newSubject("Formulário hostil " + Api.token());
        long customer = api.newCustomer("Cliente hostil " + Api.token());
        Map<String, Long> before = checksums(db);
        List<String> values = List.of("x".repeat(5_000), "a\u0000b", "a\u001bb", "abc", "1e309", "-1", "12.345",
                "99999999999999999999", "31/02/2026", "2026-02-30", "NOPE", "   ", "<script>alert(1)</script>",
                "=HYPERLINK(\"http://x\";\"y\")");
        record Form(String user, String page, String form, String button) {
        }
        List<Form> forms = List.of(
                new Form("ana", "subject/new.xhtml", "subject", "subject:save"),
                new Form("ana", "subject/new.xhtml", "customerForm", "customerForm:register"),
                new Form("ana", "subject/edit.xhtml?id=" + subject, "subject", "subject:save"),
                new Form("ana", "subject/view.xhtml?id=" + subject, "activities", "activities:saveActivity"),
                new Form("ana", "subject/view.xhtml?id=" + subject, "notes", "notes:addNote"),
                new Form("ana", "subject/view.xhtml?id=" + subject, "doneForm", "doneForm:confirmDone"),
                new Form("ana", "agenda.xhtml", "doneForm", "doneForm:confirmDone"),
                new Form("admin", "settings/sales.xhtml", "tags", "tags:create"),
                new Form("admin", "settings/sales.xhtml", "stages", "stages:add"),
                new Form("admin", "settings/integrations.xhtml", "webhookDialogForm", "webhookDialogForm:save"),
                new Form("ana", "customer/view.xhtml?id=" + customer, "customer", "customer:record"),
                new Form("admin", "settings/privacy.xhtml", "privacy", "privacy:save"));
        int posted = 0;
        Map<String, FacesForm> sessions = new LinkedHashMap<>();
        for (Form form : forms) {
            FacesForm session = sessions.computeIfAbsent(form.user(), user -> FacesForm.loggedIn(api, user));
            for (String field : FacesForm.typed(session.fields(form.page(), form.form()))) {
                for (String value : values) {
                    Map<String, String> fields = session.fields(form.page(), form.form());
                    fields.put(field, value);
                    HttpResponse<String> answer = session.post(form.page(), fields, form.button());
                    posted++;
                    before = check(db, before, form.page() + " " + field + "=" + abbreviate(value),
                            answer.statusCode(), answer.body(), "", false);
                }
            }
        }
        // The login form, anonymous: hostile user names and passwords, for a user the rest of the test does not
        // log in as (the throttle rightly slows that user down from this address).
        for (String value : values) {
            FacesForm anonymous = FacesForm.anonymous(api);
            for (String field : List.of("login:username", "login:password")) {
                Map<String, String> fields = anonymous.fields("login.xhtml", "login");
                fields.put("login:username", "bruno");
                fields.put("login:password", "wrong");
                fields.put(field, value);
                HttpResponse<String> answer = anonymous.post("login.xhtml", fields, "login:submit");
                posted++;
                before = check(db, before, "login " + field + "=" + abbreviate(value), answer.statusCode(),
                        answer.body(), "", false);
            }
        }
        // The beacon a page sends when the browser leaves it (OmniFaces' unload, without a nonce): hostile view
        // scope ids and view states.
        FacesForm leaving = sessions.get("ana");
        for (String value : values) {
            for (String field : List.of("id", "jakarta.faces.ViewState")) {
                Map<String, String> beacon = new LinkedHashMap<>();
                beacon.put("omnifaces.event", "unload");
                beacon.put("id", "not-a-view");
                beacon.put("jakarta.faces.ViewState", "-1:-1");
                beacon.put(field, value);
                HttpResponse<String> answer = leaving.send("index.xhtml", beacon);
                posted++;
                before = check(db, before, "index.xhtml unload " + field + "=" + abbreviate(value),
                        answer.statusCode(), answer.body(), "", false);
            }
        }
        return posted;
    }

    // ---- The checks

    /** Records the answer; returns the database's checksums after it. */
    private Map<String, Long> check(Connection db, Map<String, Long> before, String label, int status,
                                    String body, String contentType, boolean api) throws SQLException {
        byStatus.merge(status, 1, Integer::sum);
        String where = label.replaceAll("^(\\S+ \\S+?)[ ?].*", "$1").replaceAll("(xhtml|\\d+)[?:].*", "$1");
        if (status >= 500) {
            fail(status + " for " + where, label + ": " + abbreviate(body));
        }
        // PrimeFaces' settings on every full page name ViewExpiredException as the key of its error page.
        Matcher internals = JAVA_INTERNALS.matcher(body.replaceAll("PrimeFaces\\.settings=\\{.*?};", ""));
        if (internals.find()) {
            fail("internals shown by " + where, label + ": " + internals.group());
        }
        // 404/405 of paths no resource has, and 400 of a URL the container cannot even decode (%00, broken
        // UTF-8), are answered before the module sees the request.
        boolean container = status == 404 || status == 405 || (status == 400 && body.isEmpty());
        // A query parameter that does not read is the request's fault, not a missing resource.
        if (api && status == 404 && label.startsWith("GET ") && label.contains("?") && !label.contains("/1/")) {
            fail("404 for a query parameter by " + where, label + ": " + abbreviate(body));
        }
        if (api && status >= 400 && !container && !contentType.startsWith("application/problem+json")) {
            fail(status + " without a problem for " + where, label + " (" + contentType + "): " + abbreviate(body));
        }
        // An accepted job (an import, a bulk change, a mail) goes on changing tables after its answer.
        Map<String, Long> after = status == 202 ? settled(db) : checksums(db);
        // A page that saved says so or redirects (a full postback answers 302, an Ajax one <redirect>).
        boolean refused = api ? status >= 400 : status == 200 && !body.contains("ui-messages-info")
                && !body.contains("<redirect");
        if (refused && !after.equals(before)) {
            List<String> changed = after.keySet().stream()
                    .filter(table -> !after.get(table).equals(before.get(table))).toList();
            fail("refused but saved by " + where, status + " " + label + ": changed " + changed);
        }
        return after;
    }

    /** The checksums once they held still for 300 ms (waiting at most half a minute). */
    private static Map<String, Long> settled(Connection db) throws SQLException {
        Map<String, Long> last = checksums(db);
        for (int i = 0; i < 100; i++) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Map<String, Long> now = checksums(db);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private int count(int from, int to) {
        return byStatus.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .mapToInt(Map.Entry::getValue).sum();
    }

    private void fail(String group, String example) {
        failures.computeIfAbsent(group, g -> new ArrayList<>()).add(example);
    }

    /** Columns that the background (the e-mail outbox, the webhook sender) changes on its own. */
    private static final Set<String> BACKGROUND_COLUMNS = Set.of("crm_mail.status", "crm_mail.attempts",
            "crm_mail.next_attempt_at", "crm_mail.last_error", "crm_mail.sent_at", "crm_mail.version",
            "crm_webhook_delivery.status", "crm_webhook_delivery.attempts", "crm_webhook_delivery.next_attempt_at",
            "crm_webhook_delivery.last_status", "crm_webhook_delivery.last_answer",
            "crm_webhook_delivery.last_error", "crm_webhook_delivery.last_attempt_at",
            "crm_webhook_delivery.delivered_at", "crm_webhook_delivery.version");

    /**
     * Per table of the module (and the demo ERP's order inbox), an order-independent hash of all its rows: summed
     * in the database, all tables in one query (reading every row into the test after each of some 6,000 requests
     * was most of this test's time).
     */
    private static Map<String, Long> checksums(Connection db) throws SQLException {
        Map<String, Long> sums = new TreeMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(checksumQuery(db))) {
            while (rows.next()) {
                sums.put(rows.getString(1), rows.getLong(3) * 31 + rows.getLong(2));
            }
        }
        return sums;
    }

    private static String checksumQuery;

    /** {@code select 'table', count(*), sum(hash(c1 || '|' || c2 …)) from table union all …}. */
    private static String checksumQuery(Connection db) throws SQLException {
        if (checksumQuery == null) {
            boolean postgres = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            List<String> perTable = new ArrayList<>();
            for (String table : tables(db)) {
                List<String> columns = new ArrayList<>();
                try (Statement statement = db.createStatement();
                     ResultSet none = statement.executeQuery("select * from " + table + " where 1 = 0")) {
                    ResultSetMetaData meta = none.getMetaData();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        String column = meta.getColumnName(c).toLowerCase(Locale.ROOT);
                        if (BACKGROUND_COLUMNS.contains(table + "." + column)) {
                            continue;
                        }
                        int type = meta.getColumnType(c);
                        boolean binary = type == Types.BINARY || type == Types.VARBINARY
                                || type == Types.LONGVARBINARY || type == Types.BLOB;
                        // A null apart from any text; H2 hashes bytes itself (its cast of bytes to text decodes them).
                        String text = postgres ? "cast(" + column + " as text)"
                                : binary ? "cast(ora_hash(" + column + ") as varchar)"
                                : "cast(" + column + " as varchar)";
                        columns.add("coalesce(" + text + ", '\u0001')");
                    }
                }
                String row = String.join(" || '|' || ", columns);
                String hash = postgres ? "hashtext(" + row + ")" : "ora_hash(" + row + ")";
                perTable.add("select '" + table + "', count(*), coalesce(sum(cast(" + hash + " as bigint)), 0) from "
                        + table);
            }
            checksumQuery = String.join(" union all ", perTable);
        }
        return checksumQuery;
    }

    private static List<String> tables;

    private static List<String> tables(Connection db) throws SQLException {
        if (tables == null) {
            List<String> found = new ArrayList<>();
            DatabaseMetaData meta = db.getMetaData();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    String schema = rs.getString("TABLE_SCHEM");
                    boolean own = schema == null || schema.equalsIgnoreCase("public");
                    // The audit trail records login attempts, whatever the request then does; that a refused change
                    // leaves no entry AuditApiIT shows.
                    if (own && (name.startsWith("crm_") || name.startsWith("erp_")) && !name.endsWith("schema_history")
                            && !name.equals("crm_audit")) {
                        found.add(name);
                    }
                }
            }
            found.sort(Comparator.naturalOrder());
            tables = found;
        }
        return tables;
    }

    private static final Pattern LOG_TIME = Pattern.compile("^\\[(\\d{4}-\\d\\d-\\d\\dT[^]]+)]");

    /**
     * What the Micro under test logged since {@code start}: its {@code --logtofile} files (see the build), which
     * rotate, read oldest first; a line without a time (a stack trace's) belongs to the record before it.
     */
    private static List<String> serverLogSince(Instant start) throws IOException {
        Path folder = Path.of(System.getProperty("crm.it.logDir", "target"));
        List<Path> files;
        try (Stream<Path> found = Files.list(folder)) {
            files = found.filter(f -> f.getFileName().toString().matches("micro\\.log\\.\\d+"))
                    .sorted(Comparator.comparingInt((Path f) -> Integer.parseInt(
                            f.getFileName().toString().substring("micro.log.".length()))).reversed())
                    .toList();
        }
        assertThat(files).as("server logs in %s", folder).isNotEmpty();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        List<String> lines = new ArrayList<>();
        boolean after = false;
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher time = LOG_TIME.matcher(line);
                if (time.find()) {
                    after = !OffsetDateTime.parse(time.group(1), format).toInstant().isBefore(start);
                }
                if (after) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private Supplier<String> etag(String path) {
        return () -> api.call("admin", "GET", path, null, null).headers().firstValue("ETag").orElse("\"0\"");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}
