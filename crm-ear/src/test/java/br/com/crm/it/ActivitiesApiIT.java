package br.com.crm.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activities, notes and the timeline through the REST API on the real Micro WAR (H2, or PostgreSQL with
 * -Ppostgresql): versions, refusals, the next activity on funnel cards, authors' notes, the paged timeline.
 */
@ExtendWith(ArquillianExtension.class)
class ActivitiesApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void anActivityIsPlannedDoneOnceAndReopenedWithItsVersion() {
        long subject = newSubject("Ligar " + UUID.randomUUID());
        HttpResponse<String> planned = call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                activity("CALL", "Ligar para o comprador", OffsetDateTime.now().plusDays(1), "bruno"));
        assertThat(planned.statusCode()).isEqualTo(201);
        JsonObject activity = Http.json(planned);
        long id = activity.getJsonNumber("id").longValue();
        String etag = planned.headers().firstValue("ETag").orElseThrow();
        assertThat(planned.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/activities/" + id);
        assertThat(activity.getString("responsible")).isEqualTo("bruno");
        assertThat(activity.containsKey("doneAt")).isFalse();

        String path = "api/v1/activities/" + id;
        assertThat(call("ana", "POST", path + "/done", null, "{}").statusCode()).as("no If-Match").isEqualTo(428);
        assertThat(call("ana", "POST", path + "/done", "\"99\"", "{}").statusCode()).as("stale").isEqualTo(412);
        HttpResponse<String> done = call("ana", "POST", path + "/done", etag, "{\"result\":\"Pediu proposta\"}");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Http.json(done).getString("result")).isEqualTo("Pediu proposta");
        assertThat(Http.json(done).containsKey("doneAt")).isTrue();
        String doneTag = done.headers().firstValue("ETag").orElseThrow();
        assertThat(call("ana", "POST", path + "/done", doneTag, "{}").statusCode()).as("done twice").isEqualTo(409);

        HttpResponse<String> reopened = call("ana", "POST", path + "/reopen", doneTag, null);
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(Http.json(reopened).containsKey("doneAt")).isFalse();
        assertThat(array(call("ana", "GET", "api/v1/activities?user=bruno&done=false&limit=500", null, null))
                .getValuesAs(JsonObject.class)).anyMatch(a -> a.getJsonNumber("id").longValue() == id);
    }

    @Test
    void badActivitiesAreRefusedNamingTheFieldAndViewersCannotPlan() {
        long subject = newSubject("Recusa " + UUID.randomUUID());
        HttpResponse<String> empty = call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null, "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"kind\"").contains("\"field\":\"description\"")
                .contains("\"field\":\"dueAt\"");
        assertThat(call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                activity("CALL", "x", OffsetDateTime.now(), "ninguem")).statusCode()).isEqualTo(422);
        assertThat(call("vera", "POST", "api/v1/subjects/" + subject + "/activities", null,
                activity("CALL", "x", OffsetDateTime.now(), "ana")).statusCode()).isEqualTo(403);
        assertThat(call("ana", "POST", "api/v1/subjects/999999999/activities", null,
                activity("CALL", "x", OffsetDateTime.now(), "ana")).statusCode()).isEqualTo(404);
        assertThat(array(call("ana", "GET", "api/v1/subjects/" + subject + "/activities", null, null))).isEmpty();
    }

    @Test
    void aFunnelCardShowsItsEarliestOpenActivityAndACardWithoutOneShowsNone() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long subject = newSubject("Próxima " + unique);
        long idle = newSubject("Parado " + unique);
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0);
        call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                activity("MEETING", "Reunião", soon.plusDays(3), "ana"));
        JsonObject first = Http.json(call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                activity("VISIT", "Visita", soon, "bruno")));

        JsonObject card = card(unique, subject);
        assertThat(card.getJsonObject("next").getString("kind")).isEqualTo("VISIT");
        assertThat(OffsetDateTime.parse(card.getJsonObject("next").getString("dueAt"))).isEqualTo(soon);
        assertThat(card(unique, idle).containsKey("next")).isFalse();

        call("ana", "POST", "api/v1/activities/" + first.getJsonNumber("id") + "/done",
                "\"" + first.getJsonNumber("version") + "\"", "{}");
        assertThat(card(unique, subject).getJsonObject("next").getString("kind")).isEqualTo("MEETING");
    }

    @Test
    void notesAreKeptAsWrittenAndChangedOnlyByTheirAuthor() {
        long subject = newSubject("Nota " + UUID.randomUUID());
        String text = "<script>alert('x')</script>\nsegunda linha";
        HttpResponse<String> added = call("ana", "POST", "api/v1/subjects/" + subject + "/notes", null,
                Json.createObjectBuilder().add("text", text).build().toString());
        assertThat(added.statusCode()).isEqualTo(201);
        JsonObject note = Http.json(added);
        assertThat(note.getString("text")).isEqualTo(text);
        String path = "api/v1/notes/" + note.getJsonNumber("id");
        String etag = added.headers().firstValue("ETag").orElseThrow();

        assertThat(call("bruno", "PUT", path, etag, "{\"text\":\"outro\"}").statusCode()).as("not the author")
                .isEqualTo(409);
        assertThat(call("bruno", "DELETE", path, etag, null).statusCode()).isEqualTo(409);
        assertThat(call("ana", "PUT", path, etag, "{\"text\":\"\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> edited = call("ana", "PUT", path, etag, "{\"text\":\"revisto\"}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(call("ana", "DELETE", path, etag, null).statusCode()).as("stale copy").isEqualTo(412);
        assertThat(call("ana", "DELETE", path, edited.headers().firstValue("ETag").orElseThrow(), null)
                .statusCode()).isEqualTo(204);
        assertThat(array(call("ana", "GET", "api/v1/subjects/" + subject + "/notes", null, null))).isEmpty();
    }

    @Test
    void theTimelineMergesActivitiesNotesAndStageChangesNewestFirstAPageAtATime() {
        long subject = newSubject("Linha " + UUID.randomUUID());
        for (int i = 0; i < 23; i++) {
            call("ana", "POST", "api/v1/subjects/" + subject + "/notes", null, "{\"text\":\"nota " + i + "\"}");
        }
        call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                activity("TASK", "tarefa", OffsetDateTime.now().plusYears(1), "ana"));

        JsonObject first = Http.json(call("ana", "GET", "api/v1/subjects/" + subject + "/timeline", null, null));
        List<JsonObject> items = first.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).hasSize(20);
        assertThat(items.get(0).getString("kind")).as("planned a year ahead: newest").isEqualTo("ACTIVITY");
        assertThat(items.get(1).getString("text")).isEqualTo("nota 22");
        JsonObject second = Http.json(call("ana", "GET", "api/v1/subjects/" + subject + "/timeline?cursor="
                + java.net.URLEncoder.encode(first.getString("next"), java.nio.charset.StandardCharsets.UTF_8),
                null, null));
        List<JsonObject> rest = second.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(rest).extracting(i -> i.getString("kind")).containsExactly("NOTE", "NOTE", "NOTE", "NOTE",
                "STAGE_CHANGE");
        assertThat(rest.get(3).getString("text")).isEqualTo("nota 0");
        assertThat(second.containsKey("next")).isFalse();

        JsonObject notesOnly = Http.json(call("ana", "GET", "api/v1/subjects/" + subject
                + "/timeline?kind=STAGE_CHANGE", null, null));
        assertThat(notesOnly.getJsonArray("items")).hasSize(1);
    }

    @Test
    void subjectsWithoutActivityForTheirStagesLimitAreFlaggedStale() {
        JsonObject first = array(call("ana", "GET", "api/v1/stages", null, null)).getJsonObject(0);
        String path = "api/v1/stages/" + first.getJsonNumber("id");
        HttpResponse<String> limited = call("admin", "PUT", path, "\"" + first.getJsonNumber("version") + "\"",
                stage(first, 5));
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(200);
        try {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            long fresh = newSubject("Fresco " + unique);
            assertThat(card(unique, fresh).containsKey("staleDays")).as("just created").isFalse();
            call("ana", "POST", "api/v1/subjects/" + fresh + "/notes", null, "{\"text\":\"ainda ativo\"}");
            assertThat(card(unique, fresh).containsKey("staleDays")).isFalse();

            // The demo's oldest subjects had their last activity a month or more ago.
            JsonObject old = array(call("ana", "GET", "api/v1/funnel?q=padaria", null, null))
                    .getValuesAs(JsonObject.class).get(0).getJsonArray("cards").getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("title").startsWith("Renovação do contrato anual"))
                    .findFirst().orElseThrow();
            assertThat(old.getJsonNumber("staleDays").longValue()).isGreaterThanOrEqualTo(30);
        } finally {
            call("admin", "PUT", path, limited.headers().firstValue("ETag").orElseThrow(), stage(first, null));
        }
        assertThat(array(call("ana", "GET", "api/v1/funnel?q=padaria", null, null)).getJsonObject(0)
                .getJsonArray("cards").getValuesAs(JsonObject.class)).noneMatch(c -> c.containsKey("staleDays"));
    }

    private static String stage(JsonObject stage, Integer staleDays) {
        var json = Json.createObjectBuilder().add("description", stage.getString("description"))
                .add("position", stage.getInt("position"));
        if (stage.containsKey("descriptionEn")) {
            json.add("descriptionEn", stage.getString("descriptionEn"));
        }
        if (staleDays != null) {
            json.add("staleDays", staleDays);
        }
        return json.build().toString();
    }

    private JsonObject card(String unique, long subject) {
        JsonArray board = array(call("ana", "GET", "api/v1/funnel?q=" + unique, null, null));
        return board.getValuesAs(JsonObject.class).stream()
                .flatMap(column -> column.getJsonArray("cards").getValuesAs(JsonObject.class).stream())
                .filter(c -> c.getJsonNumber("id").longValue() == subject)
                .findFirst().orElseThrow();
    }

    private static String activity(String kind, String description, OffsetDateTime due, String responsible) {
        return Json.createObjectBuilder().add("kind", kind).add("description", description)
                .add("dueAt", due.toString()).add("responsible", responsible).build().toString();
    }

    private long newSubject(String title) {
        return Api.newSubject(base, title);
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private HttpResponse<String> call(String user, String method, String path, String ifMatch, String json) {
        return Api.call(base, user, method, path, ifMatch, json);
    }
}
