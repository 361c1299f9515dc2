package br.com.crm.it;

import br.com.crm.customer.entity.TaxId;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module over HTTP as integrators call it, and its REST API as the tests use it to make their own data.
 * <p>
 * Users: there is no user-administration API yet, so the tests act as the demo users ({@code admin} crm-admin,
 * {@code ana} and {@code bruno} crm-user, {@code vera} crm-viewer; password = user name). Everything else a test
 * needs (customers, subjects, tags, activities) it makes here, named with a token of its own; stages and lost
 * reasons are read from the API and chosen by position, closing flag or rule, never by name or count.
 * <p>
 * Declare one per test class as {@code final Api api = new Api(() -> base);}: the base URL is read at each call,
 * after the test extension (MicroServer) has set it.
 */
final class Api {

    /** HTTP/1.1 as browsers speak it over plain HTTP (no h2c upgrade, which Grizzly resets on long URLs). */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Supplier<URL> base;

    Api(Supplier<URL> base) {
        this.base = base;
    }

    Api(URL base) {
        this(() -> base);
    }

    // ---- HTTP

    URL base() {
        return Objects.requireNonNull(base.get(), "no base URL (yet)");
    }

    /** The server root (where /health, /openapi and /metrics live), from the application's URL. */
    Api root() {
        return new Api(() -> {
            URL application = base();
            try {
                return new URL(application.getProtocol(), application.getHost(), application.getPort(), "/");
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    /** {@code path} relative to the base URL (a leading slash is ignored). */
    URI uri(String path) {
        String root = base().toString().endsWith("/") ? base().toString() : base() + "/";
        return URI.create(root).resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** A request without credentials, to add to. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    /** A request with Basic credentials, to add to. */
    HttpRequest.Builder request(String path, String user, String password) {
        return request(path).header("Authorization", basic(user, password));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> get(String path, String user, String password) {
        return send(request(path, user, password).GET().build());
    }

    /**
     * One call as the demo {@code user}: JSON in and out, English messages ({@code Accept-Language: en});
     * {@code ifMatch} (an ETag such as {@code "3"}) and {@code json} may be null.
     */
    HttpResponse<String> call(String user, String method, String path, String ifMatch, String json) {
        return call(user, user, method, path, ifMatch, json);
    }

    /** {@link #call(String, String, String, String, String)} with a password of its own. */
    HttpResponse<String> call(String user, String password, String method, String path, String ifMatch,
                              String json) {
        HttpRequest.Builder request = request(path, user, password)
                .header("Accept-Language", "en")
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        return send(CLIENT, request);
    }

    /** With a client of the test's own, e.g. one that keeps a session cookie. */
    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ---- JSON

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The array a 200 answered with. */
    static JsonArray array(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", response.request().uri(), response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    static long id(JsonObject object) {
        return object.getJsonNumber("id").longValue();
    }

    /** The If-Match header value for what {@code object} is now: its version as an ETag. */
    static String ifMatch(JsonObject object) {
        return "\"" + object.getJsonNumber("version") + "\"";
    }

    /** Eight characters no other test or run uses: to name a test's data and find it again. */
    static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid CNPJ (digits) no one is likely to have registered. */
    static String newCnpj() {
        return TaxId.complete(String.format("%08d0001", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999)));
    }

    /** A valid CPF (digits) no one is likely to have registered. */
    static String newCpf() {
        return TaxId.complete(String.valueOf(100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000)));
    }

    // ---- The test's own data (as ana unless said otherwise)

    /** A new person, "Cliente" and a random id. */
    long newCustomer() {
        return newCustomer("Cliente " + UUID.randomUUID());
    }

    long newCustomer(String name) {
        HttpResponse<String> created = call("ana", "POST", "api/v1/customers", null,
                Json.createObjectBuilder().add("name", name).add("kind", "PERSON").build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id(json(created));
    }

    /** A new subject titled {@code title}, of a new customer, in the first stage, ana's, worth R$ 250. */
    JsonObject createSubject(String title) {
        HttpResponse<String> created = call("ana", "POST", "api/v1/subjects", null, Json.createObjectBuilder()
                .add("title", title).add("customerId", newCustomer()).add("responsible", "ana").add("amount", 250)
                .build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    /** The id of {@link #createSubject(String)}. */
    long newSubject(String title) {
        return id(createSubject(title));
    }

    JsonObject subject(long id) {
        HttpResponse<String> subject = call("ana", "GET", "api/v1/subjects/" + id, null, null);
        assertThat(subject.statusCode()).as(subject.body()).isEqualTo(200);
        return json(subject);
    }

    /** Moves (or closes) a subject as it is now; {@code json} as POST .../move takes it. */
    JsonObject move(long subject, String json) {
        HttpResponse<String> moved = call("ana", "POST", "api/v1/subjects/" + subject + "/move",
                ifMatch(subject(subject)), json);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        return json(moved);
    }

    /** A new tag, made by admin (only administrators make tags); {@code color} may be null. */
    long newTag(String name, String color) {
        var tag = Json.createObjectBuilder().add("name", name);
        if (color != null) {
            tag.add("color", color);
        }
        HttpResponse<String> created = call("admin", "POST", "api/v1/tags", null, tag.build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id(json(created));
    }

    /** An activity as POST .../activities takes it. */
    static String activity(String kind, String description, OffsetDateTime due, String responsible) {
        return Json.createObjectBuilder().add("kind", kind).add("description", description)
                .add("dueAt", due.toString()).add("responsible", responsible).build().toString();
    }

    /** Plans an activity on a subject; the caller checks the answer. */
    HttpResponse<String> plan(long subject, String kind, String description, OffsetDateTime due,
                              String responsible) {
        return call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                activity(kind, description, due, responsible));
    }

    /** An activity of ana's on the subject, planned for and done at {@code at}. */
    JsonObject performed(long subject, String kind, OffsetDateTime at) {
        HttpResponse<String> planned = plan(subject, kind, kind, at, "ana");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        HttpResponse<String> done = call("ana", "POST", "api/v1/activities/" + id(json(planned)) + "/done",
                planned.headers().firstValue("ETag").orElseThrow(), "{\"doneAt\":\"" + at + "\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return json(done);
    }

    /** The CRM customer of an ERP customer: the one linked or with its CPF/CNPJ, else a new one. */
    JsonObject erpCustomer(String code) {
        HttpResponse<String> linked = call("ana", "POST", "api/v1/customers/erp/" + code, null, null);
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        return json(linked);
    }

    // ---- The funnel's configuration, read as it is

    /** The stages by position (each with id, position, description, closing, staleDays, proposalRule, version). */
    List<JsonObject> stages() {
        return array(call("ana", "GET", "api/v1/stages", null, null)).getValuesAs(JsonObject.class).stream()
                .sorted(Comparator.comparingInt(stage -> stage.getInt("position"))).toList();
    }

    /** Where new subjects go. */
    JsonObject firstStage() {
        return stages().get(0);
    }

    /** The one stage that closes subjects as won or lost. */
    JsonObject closingStage() {
        return stages().stream().filter(stage -> stage.getBoolean("closing")).findFirst()
                .orElseThrow(() -> new AssertionError("no closing stage in " + stages()));
    }

    /** The {@code n}-th stage that does not close (1 is the first stage). */
    JsonObject openStage(int n) {
        List<JsonObject> open = openStages();
        assertThat(open.size()).as("the test needs a funnel with at least %d stages before the closing one: %s",
                n, open).isGreaterThanOrEqualTo(n);
        return open.get(n - 1);
    }

    /** The last stage before the closing one. */
    JsonObject lastOpenStage() {
        List<JsonObject> open = openStages();
        return open.get(open.size() - 1);
    }

    private List<JsonObject> openStages() {
        return stages().stream().filter(stage -> !stage.getBoolean("closing")).toList();
    }

    /**
     * Adds stages of the test's own (as admin, before the closing one) until the funnel has {@code count}.
     * Remove them with {@link #removeStagesBut(List)} in a {@code finally}: other tests count on no stranger stage.
     */
    void addStagesUpTo(int count) {
        while (stages().size() < count) {
            HttpResponse<String> added = call("admin", "POST", "api/v1/stages", null,
                    "{\"description\":\"Extra " + token() + "\"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }
    }

    /**
     * Removes every stage but {@code found} (stages a test added, holding no subject), and gives {@code found} back
     * the proposal rules they had.
     */
    void removeStagesBut(List<JsonObject> found) {
        List<Long> kept = found.stream().map(Api::id).toList();
        // One at a time, read afresh: a removal renumbers (and so versions) the stages after it.
        Optional<JsonObject> added;
        while ((added = stages().stream().filter(stage -> !kept.contains(id(stage))).findFirst()).isPresent()) {
            HttpResponse<String> removed = call("admin", "DELETE", "api/v1/stages/" + id(added.get()),
                    ifMatch(added.get()), null);
            assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        }
        // A stage added with a proposal rule took it from the stage that had it: give it back.
        for (JsonObject before : found) {
            stages().stream().filter(now -> id(now) == id(before)).findFirst()
                    .filter(now -> !before.getString("proposalRule", "").equals(now.getString("proposalRule", "")))
                    .ifPresent(now -> {
                        var input = Json.createObjectBuilder();
                        for (String field : List.of("description", "descriptionEn", "staleDays", "proposalRule",
                                "probability")) {
                            if (before.containsKey(field) && !before.isNull(field)) {
                                input.add(field, before.get(field));
                            }
                        }
                        HttpResponse<String> restored = call("admin", "PUT", "api/v1/stages/" + id(now),
                                ifMatch(now), input.build().toString());
                        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
                    });
        }
    }

    /** The id of a reason a subject can be lost for now (an active one). */
    long lostReason() {
        return array(call("ana", "GET", "api/v1/lost-reasons", null, null)).getValuesAs(JsonObject.class).stream()
                .filter(reason -> !reason.containsKey("active") || reason.getBoolean("active"))
                .findFirst().map(Api::id)
                .orElseThrow(() -> new AssertionError("no active lost reason"));
    }
}
