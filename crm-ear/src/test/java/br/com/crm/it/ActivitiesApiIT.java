package br.com.crm.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activities, notes and the timeline through the REST API on the real Micro WAR (H2, or PostgreSQL with
 * -Ppostgresql): versions, refusals, the next activity on funnel cards, authors' notes, the paged timeline.
 */
@ExtendWith(MicroServer.class)
class ActivitiesApiIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @Test
    void anActivityIsPlannedDoneOnceAndReopenedWithItsVersion() {
        long subject = api.newSubject("Ligar " + UUID.randomUUID());
        HttpResponse<String> planned = api.call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                Api.activity("CALL", "Ligar para o comprador", OffsetDateTime.now().plusDays(1), "bruno"));
        assertThat(planned.statusCode()).isEqualTo(201);
        JsonObject activity = Api.json(planned);
        long id = activity.getJsonNumber("id").longValue();
        String etag = planned.headers().firstValue("ETag").orElseThrow();
        assertThat(planned.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/activities/" + id);
        assertThat(activity.getString("responsible")).isEqualTo("bruno");
        assertThat(activity.containsKey("doneAt")).isFalse();

        String path = "api/v1/activities/" + id;
        assertThat(api.call("ana", "POST", path + "/done", null, "{}").statusCode()).as("no If-Match").isEqualTo(428);
        assertThat(api.call("ana", "POST", path + "/done", "\"99\"", "{}").statusCode()).as("stale").isEqualTo(412);
        HttpResponse<String> done = api.call("ana", "POST", path + "/done", etag, "{\"result\":\"Pediu proposta\"}");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Api.json(done).getString("result")).isEqualTo("Pediu proposta");
        assertThat(Api.json(done).containsKey("doneAt")).isTrue();
        String doneTag = done.headers().firstValue("ETag").orElseThrow();
        assertThat(api.call("ana", "POST", path + "/done", doneTag, "{}").statusCode()).as("done twice").isEqualTo(409);

        HttpResponse<String> reopened = api.call("ana", "POST", path + "/reopen", doneTag, null);
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(Api.json(reopened).containsKey("doneAt")).isFalse();
        assertThat(Api.array(api.call("ana", "GET", "api/v1/activities?user=bruno&done=false&limit=500", null, null))
                .getValuesAs(JsonObject.class)).anyMatch(a -> a.getJsonNumber("id").longValue() == id);
    }

    @Test
    void badActivitiesAreRefusedNamingTheFieldAndViewersCannotPlan() {
        long subject = api.newSubject("Recusa " + UUID.randomUUID());
        HttpResponse<String> empty = api.call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null, "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"field\":\"kind\"").contains("\"field\":\"description\"")
                .contains("\"field\":\"dueAt\"");
        assertThat(api.call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                Api.activity("CALL", "x", OffsetDateTime.now(), "ninguem")).statusCode()).isEqualTo(422);
        assertThat(api.call("vera", "POST", "api/v1/subjects/" + subject + "/activities", null,
                Api.activity("CALL", "x", OffsetDateTime.now(), "ana")).statusCode()).isEqualTo(403);
        assertThat(api.call("ana", "POST", "api/v1/subjects/999999999/activities", null,
                Api.activity("CALL", "x", OffsetDateTime.now(), "ana")).statusCode()).isEqualTo(404);
        assertThat(Api.array(api.call("ana", "GET", "api/v1/subjects/" + subject + "/activities", null,
                null))).isEmpty();
    }

    @Test
    void aFunnelCardShowsItsEarliestOpenActivityAndACardWithoutOneShowsNone() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long subject = api.newSubject("Próxima " + unique);
        long idle = api.newSubject("Parado " + unique);
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0);
        api.call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                Api.activity("MEETING", "Reunião", soon.plusDays(3), "ana"));
        JsonObject first = Api.json(api.call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                Api.activity("VISIT", "Visita", soon, "bruno")));

        JsonObject card = card(unique, subject);
        assertThat(card.getJsonObject("next").getString("kind")).isEqualTo("VISIT");
        assertThat(OffsetDateTime.parse(card.getJsonObject("next").getString("dueAt"))).isEqualTo(soon);
        assertThat(card(unique, idle).containsKey("next")).isFalse();

        api.call("ana", "POST", "api/v1/activities/" + first.getJsonNumber("id") + "/done",
                "\"" + first.getJsonNumber("version") + "\"", "{}");
        assertThat(card(unique, subject).getJsonObject("next").getString("kind")).isEqualTo("MEETING");
    }

    @Test
    void notesAreKeptAsWrittenAndChangedOnlyByTheirAuthor() {
        long subject = api.newSubject("Nota " + UUID.randomUUID());
        String text = "<script>alert('x')</script>\nsegunda linha";
        HttpResponse<String> added = api.call("ana", "POST", "api/v1/subjects/" + subject + "/notes", null,
                Json.createObjectBuilder().add("text", text).build().toString());
        assertThat(added.statusCode()).isEqualTo(201);
        JsonObject note = Api.json(added);
        assertThat(note.getString("text")).isEqualTo(text);
        String path = "api/v1/notes/" + note.getJsonNumber("id");
        String etag = added.headers().firstValue("ETag").orElseThrow();

        assertThat(api.call("bruno", "PUT", path, etag, "{\"text\":\"outro\"}").statusCode()).as("not the author")
                .isEqualTo(409);
        assertThat(api.call("bruno", "DELETE", path, etag, null).statusCode()).isEqualTo(409);
        assertThat(api.call("ana", "PUT", path, etag, "{\"text\":\"\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> edited = api.call("ana", "PUT", path, etag, "{\"text\":\"revisto\"}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(api.call("ana", "DELETE", path, etag, null).statusCode()).as("stale copy").isEqualTo(412);
        assertThat(api.call("ana", "DELETE", path, edited.headers().firstValue("ETag").orElseThrow(), null)
                .statusCode()).isEqualTo(204);
        assertThat(Api.array(api.call("ana", "GET", "api/v1/subjects/" + subject + "/notes", null, null))).isEmpty();
    }

    @Test
    void theTimelineMergesActivitiesNotesAndStageChangesNewestFirstAPageAtATime() {
        long subject = api.newSubject("Linha " + UUID.randomUUID());
        for (int i = 0; i < 23; i++) {
            api.call("ana", "POST", "api/v1/subjects/" + subject + "/notes", null, "{\"text\":\"nota " + i + "\"}");
        }
        api.call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                Api.activity("TASK", "tarefa", OffsetDateTime.now().plusYears(1), "ana"));

        JsonObject first = Api.json(api.call("ana", "GET", "api/v1/subjects/" + subject + "/timeline", null, null));
        List<JsonObject> items = first.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).hasSize(20);
        assertThat(items.get(0).getString("kind")).as("planned a year ahead: newest").isEqualTo("ACTIVITY");
        assertThat(items.get(1).getString("text")).isEqualTo("nota 22");
        JsonObject second = Api.json(api.call("ana", "GET", "api/v1/subjects/" + subject + "/timeline?cursor="
                + URLEncoder.encode(first.getString("next"), StandardCharsets.UTF_8),
                null, null));
        List<JsonObject> rest = second.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(rest).extracting(i -> i.getString("kind")).containsExactly("NOTE", "NOTE", "NOTE", "NOTE",
                "STAGE_CHANGE");
        assertThat(rest.get(3).getString("text")).isEqualTo("nota 0");
        assertThat(second.containsKey("next")).isFalse();

        JsonObject notesOnly = Api.json(api.call("ana", "GET", "api/v1/subjects/" + subject
                + "/timeline?kind=STAGE_CHANGE", null, null));
        assertThat(notesOnly.getJsonArray("items")).hasSize(1);
    }

    @Test
    void subjectsWithoutActivityForTheirStagesLimitAreFlaggedStale() {
        String unique = Api.token();
        long fresh = api.newSubject("Fresco " + unique);
        long old = api.newSubject("Antigo " + unique);
        // No API makes a month without activity (the last activity only moves forward, from the creation on):
        // the test ages its own subject in the database.
        assertThat(Database.update("update crm_subject set last_activity_at = ? where id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(40), old)).isEqualTo(1);
        JsonObject first = api.firstStage();
        String path = "api/v1/stages/" + Api.id(first);
        HttpResponse<String> limited = api.call("admin", "PUT", path, Api.ifMatch(first), stage(first, 5));
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(200);
        try {
            assertThat(card(unique, fresh).containsKey("staleDays")).as("just created").isFalse();
            api.call("ana", "POST", "api/v1/subjects/" + fresh + "/notes", null, "{\"text\":\"ainda ativo\"}");
            assertThat(card(unique, fresh).containsKey("staleDays")).isFalse();
            assertThat(card(unique, old).getJsonNumber("staleDays").longValue()).isGreaterThanOrEqualTo(30);

            HttpResponse<String> unlimited = api.call("admin", "PUT", path,
                    limited.headers().firstValue("ETag").orElseThrow(), stage(first, null));
            assertThat(unlimited.statusCode()).as(unlimited.body()).isEqualTo(200);
            assertThat(card(unique, old).containsKey("staleDays")).as("a stage without a limit flags none").isFalse();
        } finally {
            // Back to the limit the stage had (the demo sets one): other tests see the funnel as it was.
            JsonObject now = api.stages().stream().filter(stage -> Api.id(stage) == Api.id(first)).findFirst()
                    .orElseThrow();
            HttpResponse<String> restored = api.call("admin", "PUT", path, Api.ifMatch(now),
                    stage(first, first.containsKey("staleDays") && !first.isNull("staleDays")
                            ? first.getInt("staleDays") : null));
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        }
    }

    @Test
    void theReportCountsPerformedActivitiesByBrazilianDayAndItsCsvHoldsTheSameNumbers() {
        // A day of its own, years back: no other test performs activities there.
        LocalDate day = LocalDate.of(2001, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(3000));
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        long subject = api.newSubject("Relatório " + UUID.randomUUID());
        // 23:30 in São Paulo is already the next day in UTC: it must count on its Brazilian day.
        api.performed(subject, "CALL", day.atTime(23, 30).atZone(saoPaulo).toOffsetDateTime());
        api.performed(subject, "VISIT", day.plusDays(1).atTime(0, 30).atZone(saoPaulo).toOffsetDateTime());
        api.performed(subject, "CALL", day.plusDays(1).atTime(12, 0).atZone(saoPaulo).toOffsetDateTime());
        api.call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                Api.activity("TASK", "não feita", day.atTime(10, 0).atZone(saoPaulo).toOffsetDateTime(), "ana"));

        String range = "from=" + day + "&to=" + day.plusDays(1) + "&user=ana";
        JsonObject byDay = Api.json(api.call("ana", "GET", "api/v1/reports/activities?" + range + "&by=KIND", null,
                null));
        assertThat(byDay.getJsonArray("periods").getString(0)).isEqualTo(day.toString());
        assertThat(counts(byDay, "CALL")).containsExactly(1L, 1L);
        assertThat(counts(byDay, "VISIT")).containsExactly(0L, 1L);
        assertThat(byDay.getJsonNumber("total").longValue()).as("the planned one is not performed").isEqualTo(3);

        JsonObject byOutcome = Api.json(api.call("ana", "GET", "api/v1/reports/activities?" + range
                + "&by=OUTCOME&period=MONTH", null, null));
        assertThat(byOutcome.getJsonArray("groups").getValuesAs(JsonObject.class))
                .extracting(g -> g.getString("key") + "=" + g.getJsonNumber("total")).containsExactly("OPEN=3");

        HttpResponse<String> csv = api.call("ana", "GET", "api/v1/reports/activities.csv?" + range + "&by=KIND", null,
                null);
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFPeriod;Call;Visit;Total");
        assertThat(lines[1]).endsWith(";1;0;1");
        assertThat(lines[2]).endsWith(";1;1;2");
        assertThat(lines[3]).isEqualTo("Total;2;1;3");
        assertThat(api.call("ana", "GET", "api/v1/reports/activities?from=" + day + "&to=" + day.minusDays(1), null,
                null)
                .statusCode()).isEqualTo(422);
    }

    @Test
    void theReportFollowsActivitiesReopenedEditedAndDeletedAndTheirSubjectsMovesAndDeletions() {
        LocalDate day = LocalDate.of(2001, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(3000));
        OffsetDateTime noon = day.atTime(12, 0).atZone(ZoneId.of("America/Sao_Paulo")).toOffsetDateTime();
        long first = Api.id(api.firstStage());
        long second = Api.id(api.openStage(2));
        long closing = Api.id(api.closingStage());
        long a = api.newSubject("Contagem A " + UUID.randomUUID());
        long b = api.newSubject("Contagem B " + UUID.randomUUID());
        JsonObject call = api.performed(a, "CALL", noon);
        JsonObject visit = api.performed(a, "VISIT", noon);
        JsonObject task = api.performed(a, "TASK", noon);
        api.performed(b, "CALL", noon);
        String range = "from=" + day + "&to=" + day + "&user=ana";
        assertThat(totals(range, "STAGE")).containsExactly(Map.entry(String.valueOf(first), 4L));

        api.move(a, "{\"stageId\":" + closing + ",\"outcome\":\"WON\"}");
        assertThat(totals(range, "OUTCOME")).as("activities count under their subject's outcome now")
                .containsOnly(Map.entry("WON", 3L), Map.entry("OPEN", 1L));

        assertThat(api.call("ana", "POST", "api/v1/activities/" + visit.getJsonNumber("id") + "/reopen",
                "\"" + visit.getJsonNumber("version") + "\"", null).statusCode()).isEqualTo(200);
        HttpResponse<String> edited = api.call("ana", "PUT", "api/v1/activities/" + call.getJsonNumber("id"),
                "\"" + call.getJsonNumber("version") + "\"", Api.activity("MEETING", "virou reunião", noon, "ana"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(api.call("ana", "DELETE", "api/v1/activities/" + task.getJsonNumber("id"),
                "\"" + task.getJsonNumber("version") + "\"", null).statusCode()).isEqualTo(204);
        assertThat(totals(range, "KIND")).as("reopened, edited into a meeting, deleted")
                .containsOnly(Map.entry("MEETING", 1L), Map.entry("CALL", 1L));

        HttpResponse<String> bulk = api.call("ana", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"move\",\"stageId\":" + second + ",\"ids\":[" + b + "]}");
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(totals(range, "STAGE")).containsOnly(Map.entry(String.valueOf(closing), 1L),
                Map.entry(String.valueOf(second), 1L));

        String version = "\"" + Api.json(api.call("ana", "GET", "api/v1/subjects/" + a, null, null))
                .getJsonNumber("version") + "\"";
        assertThat(api.call("ana", "DELETE", "api/v1/subjects/" + a, version, null).statusCode()).isEqualTo(204);
        assertThat(totals(range, "STAGE")).containsOnly(Map.entry(String.valueOf(second), 1L));
        assertThat(api.call("admin", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"delete\",\"expectedCount\":1,\"ids\":[" + b + "]}").statusCode()).isEqualTo(200);
        assertThat(totals(range, "STAGE")).as("deleted subjects take their activities along").isEmpty();
    }

    private Map<String, Long> totals(String range, String by) {
        JsonObject report = Api.json(api.call("ana", "GET", "api/v1/reports/activities?" + range + "&by=" + by, null,
                null));
        Map<String, Long> totals = new HashMap<>();
        report.getJsonArray("groups").getValuesAs(JsonObject.class)
                .forEach(g -> totals.put(g.getString("key"), g.getJsonNumber("total").longValue()));
        return totals;
    }

    @Test
    void theFunnelPartOfTheReportComesFromAKnownStageHistory() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long tag = Api.json(api.call("admin", "POST", "api/v1/tags", null, "{\"name\":\"Histórico " + unique + "\"}"))
                .getJsonNumber("id").longValue();
        long first = Api.id(api.firstStage());
        long second = Api.id(api.openStage(2));
        long third = Api.id(api.openStage(3));
        long closing = Api.id(api.closingStage());
        long reason = api.lostReason();
        long won = tagged(api.newSubject("Ganho " + unique), tag, 100);
        long lost = tagged(api.newSubject("Perdido " + unique), tag, 50);
        tagged(api.newSubject("Parado " + unique), tag, 10);
        api.move(won, "{\"stageId\":" + second + "}");
        api.move(won, "{\"stageId\":" + third + "}");
        api.move(won, "{\"stageId\":" + closing + ",\"outcome\":\"WON\"}");
        api.move(lost, "{\"stageId\":" + second + "}");
        api.move(lost, "{\"stageId\":" + closing + ",\"outcome\":\"LOST\",\"lostReasonId\":" + reason + "}");

        String today = LocalDate.now(ZoneId.of("America/Sao_Paulo")).toString();
        JsonObject report = Api.json(api.call("ana", "GET", "api/v1/reports/stages?from=" + today + "&to=" + today
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
                .containsExactly(reason + ":1");
    }

    private long tagged(long subject, long tag, int amount) {
        JsonObject current = Api.json(api.call("ana", "GET", "api/v1/subjects/" + subject, null, null));
        HttpResponse<String> edited = api.call("ana", "PUT", "api/v1/subjects/" + subject,
                "\"" + current.getJsonNumber("version")
                + "\"", Json.createObjectBuilder().add("title", current.getString("title"))
                .add("customerId", current.getJsonNumber("customerId")).add("responsible", "ana")
                .add("amount", amount).build().toString());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        HttpResponse<String> tagged = api.call("ana", "PUT", "api/v1/subjects/" + subject + "/tags",
                edited.headers().firstValue("ETag").orElseThrow(), "[" + tag + "]");
        assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(200);
        return subject;
    }

    private static String figures(JsonObject stage) {
        return stage.getJsonNumber("entered") + "/" + stage.getJsonNumber("movedOn");
    }

    private static List<Long> counts(JsonObject report, String key) {
        return report.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("key").equals(key)).findFirst().orElseThrow()
                .getJsonArray("counts").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::longValue).toList();
    }

    /** The stage as it is, with another limit of days without activity ({@code null}: none). */
    private static String stage(JsonObject stage, Integer staleDays) {
        var json = Json.createObjectBuilder().add("description", stage.getString("description"))
                .add("position", stage.getInt("position"));
        if (stage.containsKey("descriptionEn")) {
            json.add("descriptionEn", stage.getString("descriptionEn"));
        }
        if (staleDays != null) {
            json.add("staleDays", staleDays);
        }
        if (stage.containsKey("proposalRule") && !stage.isNull("proposalRule")) {
            // Absent, the update takes the rule away.
            json.add("proposalRule", stage.getString("proposalRule"));
        }
        return json.build().toString();
    }

    private JsonObject card(String unique, long subject) {
        JsonArray board = Api.array(api.call("ana", "GET", "api/v1/funnel?q=" + unique, null, null));
        return board.getValuesAs(JsonObject.class).stream()
                .flatMap(column -> column.getJsonArray("cards").getValuesAs(JsonObject.class).stream())
                .filter(c -> c.getJsonNumber("id").longValue() == subject)
                .findFirst().orElseThrow();
    }

    @Test
    void theForecastWeighsOpenValuesByStageProbabilityAndCountsClosingsByTheirMonth() {
        // A responsible of its own: the report filtered on them holds this test's subjects only.
        String seller = "fc" + Api.token();
        HttpResponse<String> user = api.call("admin", "POST", "api/v1/users", null, Json.createObjectBuilder()
                .add("username", seller).add("displayName", "Previsão " + seller).add("email", seller + "@empresa.test")
                .add("role", "crm-user").add("password", "Senha-forte-" + UUID.randomUUID()).build().toString());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        JsonObject first = api.openStage(1);
        JsonObject second = api.openStage(2);
        int original = first.getInt("probability");
        HttpResponse<String> set = api.call("admin", "PUT", "api/v1/stages/" + Api.id(first), Api.ifMatch(first),
                "{\"description\":" + Json.createValue(first.getString("description")) + ",\"probability\":30}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(Api.json(set).getInt("probability")).isEqualTo(30);
        try {
            assertThat(api.call("admin", "PUT", "api/v1/stages/" + Api.id(first), Api.ifMatch(Api.json(set)),
                    "{\"description\":\"x\",\"probability\":101}").statusCode()).isEqualTo(422);
            JsonObject closing = api.closingStage();
            assertThat(closing.containsKey("probability") && !closing.isNull("probability"))
                    .as("no probability on the closing stage").isFalse();
            assertThat(api.call("admin", "PUT", "api/v1/stages/" + Api.id(closing), Api.ifMatch(closing),
                    "{\"description\":" + Json.createValue(closing.getString("description"))
                            + ",\"probability\":50}").statusCode()).isEqualTo(422);

            ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
            LocalDate today = LocalDate.now(saoPaulo);
            YearMonth month = YearMonth.from(today);
            int p2 = second.getInt("probability");
            long a = forecastSubject(seller, first, "1000.00", month.plusMonths(1).atDay(10));
            long b = forecastSubject(seller, second, "500.50", month.plusMonths(1).atEndOfMonth());
            forecastSubject(seller, first, "80.00", today.minusDays(3));
            forecastSubject(seller, second, "100.00", null);
            long won = forecastSubject(seller, second, "2000.00", month.plusMonths(2).atDay(1));
            long lost = forecastSubject(seller, first, "300.00", month.plusMonths(1).atDay(1));
            long closingId = Api.id(api.closingStage());
            api.move(won, "{\"stageId\":" + closingId + ",\"outcome\":\"WON\"}");
            api.move(lost, "{\"stageId\":" + closingId + ",\"outcome\":\"LOST\",\"lostReasonId\":"
                    + api.lostReason() + "}");

            String query = "api/v1/reports/forecast?from=" + month + "&to=" + month.plusMonths(1) + "&user=" + seller;
            JsonObject byMonth = Api.json(api.call("ana", "GET", query + "&by=MONTH", null, null));
            Map<String, String> rows = forecastRows(byMonth);
            BigDecimal weightedB = new BigDecimal("500.50").multiply(BigDecimal.valueOf(p2))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
            assertThat(rows).containsExactly(
                    Map.entry("OVERDUE", "1 80 24 0 0 0 0"),
                    Map.entry(month.toString(), "0 0 0 1 2000 1 300"),
                    Map.entry(month.plusMonths(1).toString(), "2 1500.5 " + new BigDecimal("300.00").add(weightedB)
                            .stripTrailingZeros().toPlainString() + " 0 0 0 0"),
                    Map.entry("UNDATED", "1 100 " + BigDecimal.valueOf(p2).stripTrailingZeros().toPlainString()
                            + " 0 0 0 0"));
            JsonObject total = byMonth.getJsonObject("total");
            assertThat(total.getJsonNumber("open").longValue()).isEqualTo(4);
            assertThat(byMonth.getJsonArray("rows").getJsonObject(0).getString("label")).isEqualTo("Overdue");

            // By stage or responsible: the same subjects, so the same total.
            JsonObject byStage = Api.json(api.call("ana", "GET", query + "&by=STAGE", null, null));
            assertThat(byStage.getJsonObject("total")).isEqualTo(total);
            assertThat(forecastRows(byStage)).containsEntry(String.valueOf(Api.id(first)), "2 1080 324 0 0 0 0");
            JsonObject byUser = Api.json(api.call("ana", "GET", query + "&by=USER", null, null));
            assertThat(byUser.getJsonArray("rows")).hasSize(1);
            assertThat(byUser.getJsonArray("rows").getJsonObject(0).getString("label")).isEqualTo("Previsão " + seller);
            assertThat(byUser.getJsonObject("total")).isEqualTo(total);

            // Moving and re-dating follow at once: the kept counts change with the subject.
            api.move(a, "{\"stageId\":" + Api.id(second) + "}");
            JsonObject moved = Api.json(api.call("ana", "GET", query + "&by=STAGE", null, null));
            assertThat(forecastRows(moved)).containsEntry(String.valueOf(Api.id(first)), "1 80 24 0 0 0 0");

            HttpResponse<String> csv = api.call("ana", "GET", query.replace("forecast?", "forecast.csv?") + "&by=MONTH",
                    null, null);
            assertThat(csv.statusCode()).isEqualTo(200);
            String[] lines = csv.body().split("\r\n");
            assertThat(lines[0]).startsWith("\uFEFFMonth;Open;Open value;Weighted value;Won");
            assertThat(lines[1]).startsWith("Overdue;1;80,00;24,00;0;");
            assertThat(lines).hasSize(6);
            assertThat(api.call("ana", "GET", "api/v1/reports/forecast?from=2026-13", null, null).statusCode())
                    .isEqualTo(422);
            assertThat(api.call("ana", "GET", "api/v1/reports/forecast?from=2020-01&to=2023-01", null, null)
                    .statusCode()).isEqualTo(422);

            // The board weighs each column's value by its stage's probability; the closing stage counts the won.
            JsonArray board = Api.array(api.call("ana", "GET", "api/v1/funnel?responsible=" + seller, null, null));
            Map<Long, String> weighted = new HashMap<>();
            board.getValuesAs(JsonObject.class).forEach(column -> weighted.put(Api.id(column.getJsonObject("stage")),
                    column.getJsonNumber("weightedTotal").bigDecimalValue().stripTrailingZeros().toPlainString()));
            assertThat(weighted).containsEntry(Api.id(first), "24").containsEntry(closingId, "2000");
        } finally {
            JsonObject now = api.openStage(1);
            api.call("admin", "PUT", "api/v1/stages/" + Api.id(now), Api.ifMatch(now),
                    "{\"description\":" + Json.createValue(now.getString("description")) + ",\"probability\":"
                            + original + "}");
        }
    }

    /** A subject of {@code seller} in {@code stage}, worth {@code amount}, expected to close on {@code expected}. */
    private long forecastSubject(String seller, JsonObject stage, String amount, LocalDate expected) {
        var body = Json.createObjectBuilder().add("title", "Previsão " + UUID.randomUUID())
                .add("customerId", api.newCustomer()).add("stageId", Api.id(stage)).add("responsible", seller)
                .add("amount", new BigDecimal(amount));
        if (expected != null) {
            body.add("expectedClose", expected.toString());
        }
        HttpResponse<String> created = api.call("ana", "POST", "api/v1/subjects", null, body.build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.id(Api.json(created));
    }

    /** Each row's key → open count, open value, weighted, won count, won value, lost count, lost value. */
    private static Map<String, String> forecastRows(JsonObject report) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (JsonObject row : report.getJsonArray("rows").getValuesAs(JsonObject.class)) {
            rows.put(row.getString("key"), String.join(" ", row.getJsonNumber("open").toString(),
                    plain(row, "openValue"), plain(row, "weightedValue"), row.getJsonNumber("won").toString(),
                    plain(row, "wonValue"), row.getJsonNumber("lost").toString(), plain(row, "lostValue")));
        }
        return rows;
    }

    private static String plain(JsonObject row, String field) {
        return row.getJsonNumber(field).bigDecimalValue().stripTrailingZeros().toPlainString();
    }

    @Test
    void eachUserHasAPrivateCalendarFeedThatCalendarProgramsReadWithoutASession() throws Exception {
        // A user of their own: their feed holds this test's activities only.
        String seller = "cal" + Api.token();
        String first = "Senha-forte-" + UUID.randomUUID();
        HttpResponse<String> user = api.call("admin", "POST", "api/v1/users", null, Json.createObjectBuilder()
                .add("username", seller).add("displayName", "Agenda " + seller).add("email", seller + "@empresa.test")
                .add("role", "crm-user").add("password", first).build().toString());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        String password = "Outra-senha-" + UUID.randomUUID();
        assertThat(api.call(seller, first, "POST", "api/v1/me/password", null, Json.createObjectBuilder()
                .add("current", first).add("password", password).build().toString()).statusCode()).isEqualTo(204);
        long subject = api.newSubject("Calendário; com, vírgulas " + UUID.randomUUID());
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0);
        long open = Api.id(Api.json(api.call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                Api.activity("MEETING", "Apresentar a proposta\nlevar o contrato", due, seller))));
        long done = Api.id(Api.json(api.call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                Api.activity("CALL", "Ligar para confirmar", due.minusDays(5), seller))));
        HttpResponse<String> completed = api.call("ana", "POST", "api/v1/activities/" + done + "/done",
                api.call("ana", "GET", "api/v1/activities/" + done, null, null).headers().firstValue("ETag")
                        .orElseThrow(), "{\"result\":\"Confirmado\"}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

        // The user (who must still change their password, and may) reads and makes their own address only.
        assertThat(Api.json(api.call(seller, password, "GET", "api/v1/me/calendar", null, null)))
                .as("no address until one is made").doesNotContainKey("url");
        HttpResponse<String> made = api.call(seller, password, "POST", "api/v1/me/calendar", null, null);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        String url = Api.json(made).getString("url");
        assertThat(url).matches(".*/crm/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(Api.json(api.call(seller, password, "GET", "api/v1/me/calendar", null, null)).getString("url"))
                .isEqualTo(url);

        HttpResponse<String> feed = Api.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(feed.headers().firstValue("Set-Cookie")).as("no session for a calendar program").isEmpty();
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        Map<String, VEvent> events = new HashMap<>();
        for (Object component : calendar.getComponents()) {
            if (component instanceof VEvent event) {
                events.put(value(event, Property.UID), event);
            }
        }
        assertThat(events).hasSize(2);
        VEvent meeting = events.values().stream().filter(e -> value(e, Property.UID).startsWith("activity-" + open + "@"))
                .findFirst().orElseThrow();
        assertThat(value(meeting, Property.SUMMARY)).startsWith("Reunião: Apresentar a proposta\nlevar o contrato · "
                + "Calendário; com, vírgulas");
        assertThat(value(meeting, Property.DTSTART)).isEqualTo(due.format(DateTimeFormatter.ofPattern(
                "yyyyMMdd'T'HHmmss'Z'")));
        assertThat(value(meeting, Property.DESCRIPTION)).contains("Cliente ").contains("/subject/view.xhtml?id=" + subject);
        assertThat(value(meeting, Property.URL)).endsWith("/crm/subject/view.xhtml?id=" + subject);
        VEvent call = events.values().stream().filter(e -> value(e, Property.UID).startsWith("activity-" + done + "@"))
                .findFirst().orElseThrow();
        assertThat(value(call, Property.SUMMARY)).as("a done one is marked").startsWith("✓ Ligação: ");
        assertThat(value(call, Property.DESCRIPTION)).contains("Confirmado");
        assertThat(value(call, Property.TRANSP)).isEqualTo("TRANSPARENT");

        // One activity as a file, for whoever may read it.
        HttpResponse<String> ics = api.call("ana", "GET", "api/v1/activities/" + open + ".ics", null, null);
        assertThat(ics.statusCode()).isEqualTo(200);
        Calendar single = new CalendarBuilder().build(new StringReader(ics.body()));
        assertThat(single.getComponents()).hasSize(1);
        assertThat(api.call("ana", "GET", "api/v1/activities/999999999.ics", null, null).statusCode()).isEqualTo(404);

        // A new address: the old one stops working; a made-up one never did.
        String renewed = Api.json(api.call(seller, password, "POST", "api/v1/me/calendar", null, null)).getString("url");
        assertThat(renewed).isNotEqualTo(url);
        assertThat(Api.send(HttpRequest.newBuilder(URI.create(url)).GET().build()).statusCode()).isEqualTo(404);
        assertThat(Api.send(HttpRequest.newBuilder(URI.create(renewed)).GET().build()).statusCode()).isEqualTo(200);
        for (String wrong : List.of("x.ics", "a".repeat(43) + ".ics", "")) {
            assertThat(Api.send(HttpRequest.newBuilder(api.uri("calendar/" + wrong)).GET().build()).statusCode())
                    .as(wrong).isEqualTo(404);
        }
        assertThat(Api.send(HttpRequest.newBuilder(api.uri("calendar/%00.ics")).GET().build()).statusCode())
                .as("a control character is refused before anything reads it").isEqualTo(400);
        // Nobody else's: an address is the holder's own business, and the API asks for a login.
        assertThat(Api.send(HttpRequest.newBuilder(api.uri("api/v1/me/calendar")).GET().build()).statusCode())
                .isEqualTo(401);
    }

    private static String value(VEvent event, String property) {
        return event.getPropertyList().getProperty(property).map(Property::getValue).orElse(null);
    }
}
