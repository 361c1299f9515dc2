package br.com.crm.it;

import jakarta.json.JsonNumber;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.data.Offset;
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
                + URLEncoder.encode(first.getString("next"), StandardCharsets.UTF_8),
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

    @Test
    void theReportCountsPerformedActivitiesByBrazilianDayAndItsCsvHoldsTheSameNumbers() {
        // A day of its own, years back: no other test performs activities there.
        LocalDate day = LocalDate.of(2001, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(3000));
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        long subject = newSubject("Relatório " + UUID.randomUUID());
        // 23:30 in São Paulo is already the next day in UTC: it must count on its Brazilian day.
        performed(subject, "CALL", day.atTime(23, 30).atZone(saoPaulo).toOffsetDateTime());
        performed(subject, "VISIT", day.plusDays(1).atTime(0, 30).atZone(saoPaulo).toOffsetDateTime());
        performed(subject, "CALL", day.plusDays(1).atTime(12, 0).atZone(saoPaulo).toOffsetDateTime());
        call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                activity("TASK", "não feita", day.atTime(10, 0).atZone(saoPaulo).toOffsetDateTime(), "ana"));

        String range = "from=" + day + "&to=" + day.plusDays(1) + "&user=ana";
        JsonObject byDay = Http.json(call("ana", "GET", "api/v1/reports/activities?" + range + "&by=KIND", null, null));
        assertThat(byDay.getJsonArray("periods").getString(0)).isEqualTo(day.toString());
        assertThat(counts(byDay, "CALL")).containsExactly(1L, 1L);
        assertThat(counts(byDay, "VISIT")).containsExactly(0L, 1L);
        assertThat(byDay.getJsonNumber("total").longValue()).as("the planned one is not performed").isEqualTo(3);

        JsonObject byOutcome = Http.json(call("ana", "GET", "api/v1/reports/activities?" + range
                + "&by=OUTCOME&period=MONTH", null, null));
        assertThat(byOutcome.getJsonArray("groups").getValuesAs(JsonObject.class))
                .extracting(g -> g.getString("key") + "=" + g.getJsonNumber("total")).containsExactly("OPEN=3");

        HttpResponse<String> csv = call("ana", "GET", "api/v1/reports/activities.csv?" + range + "&by=KIND", null,
                null);
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFPeriod;Call;Visit;Total");
        assertThat(lines[1]).endsWith(";1;0;1");
        assertThat(lines[2]).endsWith(";1;1;2");
        assertThat(lines[3]).isEqualTo("Total;2;1;3");
        assertThat(call("ana", "GET", "api/v1/reports/activities?from=" + day + "&to=" + day.minusDays(1), null, null)
                .statusCode()).isEqualTo(422);
    }

    @Test
    void theReportFollowsActivitiesReopenedEditedAndDeletedAndTheirSubjectsMovesAndDeletions() {
        LocalDate day = LocalDate.of(2001, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(3000));
        OffsetDateTime noon = day.atTime(12, 0).atZone(ZoneId.of("America/Sao_Paulo")).toOffsetDateTime();
        JsonArray stages = array(call("ana", "GET", "api/v1/stages", null, null));
        long first = stages.getJsonObject(0).getJsonNumber("id").longValue();
        long second = stages.getJsonObject(1).getJsonNumber("id").longValue();
        long closing = stages.getJsonObject(stages.size() - 1).getJsonNumber("id").longValue();
        long a = newSubject("Contagem A " + UUID.randomUUID());
        long b = newSubject("Contagem B " + UUID.randomUUID());
        JsonObject call = performed(a, "CALL", noon);
        JsonObject visit = performed(a, "VISIT", noon);
        JsonObject task = performed(a, "TASK", noon);
        performed(b, "CALL", noon);
        String range = "from=" + day + "&to=" + day + "&user=ana";
        assertThat(totals(range, "STAGE")).containsExactly(Map.entry(String.valueOf(first), 4L));

        move(a, "{\"stageId\":" + closing + ",\"outcome\":\"WON\"}");
        assertThat(totals(range, "OUTCOME")).as("activities count under their subject's outcome now")
                .containsOnly(Map.entry("WON", 3L), Map.entry("OPEN", 1L));

        assertThat(call("ana", "POST", "api/v1/activities/" + visit.getJsonNumber("id") + "/reopen",
                "\"" + visit.getJsonNumber("version") + "\"", null).statusCode()).isEqualTo(200);
        HttpResponse<String> edited = call("ana", "PUT", "api/v1/activities/" + call.getJsonNumber("id"),
                "\"" + call.getJsonNumber("version") + "\"", activity("MEETING", "virou reunião", noon, "ana"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(call("ana", "DELETE", "api/v1/activities/" + task.getJsonNumber("id"),
                "\"" + task.getJsonNumber("version") + "\"", null).statusCode()).isEqualTo(204);
        assertThat(totals(range, "KIND")).as("reopened, edited into a meeting, deleted")
                .containsOnly(Map.entry("MEETING", 1L), Map.entry("CALL", 1L));

        HttpResponse<String> bulk = call("ana", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"move\",\"stageId\":" + second + ",\"ids\":[" + b + "]}");
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(totals(range, "STAGE")).containsOnly(Map.entry(String.valueOf(closing), 1L),
                Map.entry(String.valueOf(second), 1L));

        String version = "\"" + Http.json(call("ana", "GET", "api/v1/subjects/" + a, null, null))
                .getJsonNumber("version") + "\"";
        assertThat(call("ana", "DELETE", "api/v1/subjects/" + a, version, null).statusCode()).isEqualTo(204);
        assertThat(totals(range, "STAGE")).containsOnly(Map.entry(String.valueOf(second), 1L));
        assertThat(call("ana", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"delete\",\"ids\":[" + b + "]}").statusCode()).isEqualTo(200);
        assertThat(totals(range, "STAGE")).as("deleted subjects take their activities along").isEmpty();
    }

    private Map<String, Long> totals(String range, String by) {
        JsonObject report = Http.json(call("ana", "GET", "api/v1/reports/activities?" + range + "&by=" + by, null,
                null));
        Map<String, Long> totals = new HashMap<>();
        report.getJsonArray("groups").getValuesAs(JsonObject.class)
                .forEach(g -> totals.put(g.getString("key"), g.getJsonNumber("total").longValue()));
        return totals;
    }

    @Test
    void theFunnelPartOfTheReportComesFromAKnownStageHistory() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long tag = Http.json(call("admin", "POST", "api/v1/tags", null, "{\"name\":\"Histórico " + unique + "\"}"))
                .getJsonNumber("id").longValue();
        JsonArray stages = array(call("ana", "GET", "api/v1/stages", null, null));
        long first = stages.getJsonObject(0).getJsonNumber("id").longValue();
        long second = stages.getJsonObject(1).getJsonNumber("id").longValue();
        long third = stages.getJsonObject(2).getJsonNumber("id").longValue();
        long closing = stages.getJsonObject(stages.size() - 1).getJsonNumber("id").longValue();
        long won = tagged(newSubject("Ganho " + unique), tag, 100);
        long lost = tagged(newSubject("Perdido " + unique), tag, 50);
        tagged(newSubject("Parado " + unique), tag, 10);
        move(won, "{\"stageId\":" + second + "}");
        move(won, "{\"stageId\":" + third + "}");
        move(won, "{\"stageId\":" + closing + ",\"outcome\":\"WON\"}");
        move(lost, "{\"stageId\":" + second + "}");
        move(lost, "{\"stageId\":" + closing + ",\"outcome\":\"LOST\",\"lostReasonId\":1}");

        String today = LocalDate.now(ZoneId.of("America/Sao_Paulo")).toString();
        JsonObject report = Http.json(call("ana", "GET", "api/v1/reports/stages?from=" + today + "&to=" + today
                + "&tag=" + tag, null, null));
        Map<Long, JsonObject> byStage = new HashMap<>();
        report.getJsonArray("stages").getValuesAs(JsonObject.class)
                .forEach(f -> byStage.put(f.getJsonNumber("stageId").longValue(), f));
        assertThat(figures(byStage.get(first))).isEqualTo("3/2");
        assertThat(byStage.get(first).getJsonNumber("conversion").doubleValue()).isCloseTo(66.67,
                Offset.offset(0.01));
        assertThat(figures(byStage.get(second))).as("lost went from 2nd straight to closing").isEqualTo("2/2");
        assertThat(figures(byStage.get(third))).isEqualTo("1/1");
        assertThat(figures(byStage.get(closing))).isEqualTo("2/0");
        assertThat(byStage.get(first).getJsonNumber("averageDays").doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(report.getJsonArray("closings").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("outcome") + ":" + c.getJsonNumber("count") + ":"
                        + c.getJsonNumber("amount").bigDecimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("WON:1:100", "LOST:1:50");
        assertThat(report.getJsonArray("lostReasons").getValuesAs(JsonObject.class))
                .extracting(r -> r.getJsonNumber("reasonId").longValue() + ":" + r.getJsonNumber("count"))
                .containsExactly("1:1");
    }

    private long tagged(long subject, long tag, int amount) {
        JsonObject current = Http.json(call("ana", "GET", "api/v1/subjects/" + subject, null, null));
        HttpResponse<String> edited = call("ana", "PUT", "api/v1/subjects/" + subject, "\"" + current.getJsonNumber("version")
                + "\"", Json.createObjectBuilder().add("title", current.getString("title"))
                .add("customerId", current.getJsonNumber("customerId")).add("responsible", "ana")
                .add("amount", amount).build().toString());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        HttpResponse<String> tagged = call("ana", "PUT", "api/v1/subjects/" + subject + "/tags",
                edited.headers().firstValue("ETag").orElseThrow(), "[" + tag + "]");
        assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(200);
        return subject;
    }

    private void move(long subject, String json) {
        String version = "\"" + Http.json(call("ana", "GET", "api/v1/subjects/" + subject, null, null))
                .getJsonNumber("version") + "\"";
        HttpResponse<String> moved = call("ana", "POST", "api/v1/subjects/" + subject + "/move", version, json);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }

    private static String figures(JsonObject stage) {
        return stage.getJsonNumber("entered") + "/" + stage.getJsonNumber("movedOn");
    }

    private JsonObject performed(long subject, String kind, OffsetDateTime at) {
        HttpResponse<String> planned = call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                activity(kind, kind, at, "ana"));
        HttpResponse<String> done = call("ana", "POST", "api/v1/activities/" + Http.json(planned).getJsonNumber("id")
                + "/done", planned.headers().firstValue("ETag").orElseThrow(), "{\"doneAt\":\"" + at + "\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return Http.json(done);
    }

    private static List<Long> counts(JsonObject report, String key) {
        return report.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("key").equals(key)).findFirst().orElseThrow()
                .getJsonArray("counts").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::longValue).toList();
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
