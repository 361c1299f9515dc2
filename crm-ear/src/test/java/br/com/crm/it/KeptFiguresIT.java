package br.com.crm.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept figures (each column's count and sum in {@code crm_stage_total}, the report's daily counts of done
 * activities in {@code crm_activity_day}, the forecast's subjects by day in {@code crm_forecast_day}, the stage
 * report's history entries by day in {@code crm_stage_day}) always equal a fresh count over the subjects, their
 * history and activities, whatever sequence of changes users make: seeded random sequences of creating, moving,
 * closing won and lost, editing (another responsible too), archiving, unarchiving and deleting subjects, bulk
 * operations, imports, and planning, completing, reopening, editing and deleting activities, all through the REST
 * API of the real Micro, compared after every sequence with a fresh {@code count}/{@code sum} read straight from
 * its database (H2, or PostgreSQL with -Ppostgresql), and the stage report read from the kept counts with the
 * history counted afresh. Refusals (a move of an archived subject, a stale version) are part of the game: they
 * must change nothing.
 */
@ExtendWith(MicroServer.class)
class KeptFiguresIT {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final int WRITERS = 4;
    private static final String[] KINDS = {"CALL", "EMAIL", "MEETING", "VISIT", "TASK"};


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    private final List<Long> open = new ArrayList<>();
    private final List<Long> closing = new ArrayList<>();
    private long lostReason;
    private long tag;
    private final List<Long> subjects = new ArrayList<>();
    private final List<Long> activities = new ArrayList<>();
    private final Map<String, Integer> tried = new HashMap<>();

    @BeforeEach
    void readTheFunnel() {
        for (JsonObject stage : api.stages()) {
            (stage.getBoolean("closing") ? closing : open).add(Api.id(stage));
        }
        lostReason = api.lostReason();
        tag = api.newTag("kept " + Api.token(), "#1f4e79");
        assertThat(closing).hasSize(1);
    }

    @Test
    void keptFiguresEqualAFreshCountAfterAnySequenceOfChanges() throws SQLException {
        for (long seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed);
            for (int step = 0; step < 30; step++) {
                randomChange(random);
            }
            assertKeptFiguresMatchAFreshCount("seed " + seed);
            assertStageReportMatchesTheHistory("seed " + seed);
        }
        // Every kind of change was made, so every write path was compared.
        assertThat(tried.keySet()).contains("create", "move", "won", "lost", "reopen", "edit", "edit responsible",
                "archive",
                "unarchive", "delete", "bulk archive", "bulk unarchive", "bulk move", "bulk delete", "bulk tags",
                "bulk assign",
                "import", "plan", "done", "reopen activity", "edit activity", "delete activity");
    }

    /**
     * Sellers at work at the same moment: new subjects and moves of the same responsible on the same day add to the
     * same counts' rows, a create in one order (its column's total, then its day) and a move in another (its days,
     * then its columns). Every write goes through, none ended by the database as a deadlock, and the figures still
     * equal a fresh count.
     */
    @Test
    void concurrentCreatesAndMovesAllGoThroughAndTheFiguresStillAdd() throws Exception {
        long customer = api.newCustomer();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<List<String>>> rounds = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                rounds.add(writers.submit(() -> createAndMove(customer)));
            }
            List<String> refused = new ArrayList<>();
            for (Future<List<String>> round : rounds) {
                refused.addAll(round.get(5, TimeUnit.MINUTES));
            }
            assertThat(refused).as("writes not answered 2xx").isEmpty();
        } finally {
            writers.shutdownNow();
        }
        assertKeptFiguresMatchAFreshCount("concurrent writers");
        assertStageReportMatchesTheHistory("concurrent writers");
    }

    private List<String> createAndMove(long customer) {
        List<String> refused = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            HttpResponse<String> created = api.call("ana", "POST", "api/v1/subjects", null, "{\"title\":\"Ao mesmo "
                    + "tempo " + Api.token() + "\",\"customerId\":" + customer + ",\"stageId\":" + open.get(0)
                    + ",\"responsible\":\"ana\",\"amount\":100}");
            if (created.statusCode() != 201) {
                refused.add("create " + created.statusCode() + " " + created.body());
                continue;
            }
            JsonObject subject = Api.json(created);
            HttpResponse<String> moved = api.call("ana", "POST", "api/v1/subjects/" + Api.id(subject) + "/move",
                    Api.ifMatch(subject), "{\"stageId\":" + open.get(1) + "}");
            if (moved.statusCode() != 200) {
                refused.add("move " + moved.statusCode() + " " + moved.body());
            }
        }
        return refused;
    }

    private void randomChange(Random random) {
        if (subjects.size() < 3) {
            create(random);
            return;
        }
        long subject = subjects.get(random.nextInt(subjects.size()));
        switch (random.nextInt(17)) {
            case 0, 1 -> create(random);
            case 2 -> subjectChange("move", subject, "move",
                    "{\"stageId\":" + open.get(random.nextInt(open.size())) + "}");
            case 3 -> subjectChange("won", subject, "move", "{\"stageId\":" + closing.get(0) + ",\"outcome\":\"WON\"}");
            case 4 -> subjectChange("lost", subject, "move", "{\"stageId\":" + closing.get(0)
                    + ",\"outcome\":\"LOST\",\"lostReasonId\":" + lostReason + "}");
            case 5 -> subjectChange("reopen", subject, "move", "{\"stageId\":" + open.get(0) + "}");
            case 6 -> edit(subject, random);
            case 7 -> subjectChange("archive", subject, "archive", null);
            case 8 -> subjectChange("unarchive", subject, "unarchive", null);
            case 9 -> delete(subject);
            case 10 -> bulk(random);
            case 11 -> importLines(random);
            case 12, 13 -> plan(subject, random);
            default -> activityChange(random);
        }
    }

    private void create(Random random) {
        long customerId = api.newCustomer();
        HttpResponse<String> created = api.call("ana", "POST", "api/v1/subjects", null, "{\"title\":\"Kept "
                + random.nextInt() + "\",\"customerId\":" + customerId + ",\"stageId\":"
                + open.get(random.nextInt(open.size()))
                + ",\"responsible\":\"" + (random.nextBoolean() ? "ana" : "bruno") + "\",\"amount\":" + amount(random)
                + ",\"expectedClose\":" + expectedClose(random) + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        subjects.add(Api.id(Api.json(created)));
        tried.merge("create", 1, Integer::sum);
    }

    private void subjectChange(String what, long subject, String action, String body) {
        answered(what, api.call("ana", "POST", "api/v1/subjects/" + subject + "/" + action,
                version("subjects", subject), body));
    }

    private void edit(long subject, Random random) {
        HttpResponse<String> current = api.call("ana", "GET", "api/v1/subjects/" + subject, null, null);
        if (current.statusCode() != 200) {
            return;
        }
        JsonObject s = Api.json(current);
        // The form moves the subject too when it names another stage (not the closing one), and may name another
        // responsible (the stage report's counts are by responsible).
        long stage = open.get(random.nextInt(open.size()));
        String was = s.getString("responsible");
        String responsible = random.nextInt(3) == 0 ? ("ana".equals(was) ? "bruno" : "ana") : was;
        HttpResponse<String> edited = api.call("ana", "PUT", "api/v1/subjects/" + subject,
                current.headers().firstValue("ETag").orElseThrow(), "{\"title\":\"" + s.getString("title")
                        + "\",\"customerId\":" + s.getJsonNumber("customerId") + ",\"stageId\":" + stage
                        + ",\"responsible\":\"" + responsible + "\",\"amount\":" + amount(random)
                        + ",\"expectedClose\":" + expectedClose(random) + "}");
        answered("edit", edited);
        if (edited.statusCode() < 300 && !responsible.equals(was)) {
            tried.merge("edit responsible", 1, Integer::sum);
        }
    }

    private void delete(long subject) {
        // By the subject's responsible: only they (or an administrator) may delete it.
        String responsible = Api.json(api.call("ana", "GET", "api/v1/subjects/" + subject, null, null))
                .getString("responsible");
        HttpResponse<String> deleted = api.call(responsible, "DELETE", "api/v1/subjects/" + subject,
                version("subjects", subject), null);
        answered("delete", deleted);
        if (deleted.statusCode() == 204) {
            subjects.remove(subject);
        }
    }

    private void bulk(Random random) {
        String[] actions = {"archive", "unarchive", "move", "delete", "addTags", "removeTags", "assign"};
        String action = actions[random.nextInt(actions.length)];
        // A move is refused whole when one of its subjects is archived: it takes a few, to be tried often enough.
        List<Long> chosen = subjects.stream().filter(id -> random.nextInt("move".equals(action) ? 8 : 3) == 0)
                .toList();
        if (chosen.isEmpty()) {
            chosen = List.of(subjects.get(random.nextInt(subjects.size())));
        }
        String ids = chosen.stream().map(String::valueOf).collect(Collectors.joining(","));
        String extra = switch (action) {
            case "move" -> ",\"stageId\":" + open.get(random.nextInt(open.size()));
            case "addTags", "removeTags" -> ",\"tagIds\":[" + tag + "]";
            case "assign" -> ",\"responsible\":\"" + (random.nextBoolean() ? "ana" : "bruno") + "\"";
            default -> "";
        };
        // Bulk deletion is an administrator's, naming how many subjects it expects.
        HttpResponse<String> done = api.call("delete".equals(action) ? "admin" : "ana", "POST", "api/v1/subjects/bulk",
                null, "{\"action\":\"" + action + "\",\"ids\":[" + ids + "]" + extra
                        + ("delete".equals(action) ? ",\"expectedCount\":" + chosen.size() + ",\"confirm\":true" : "")
                        + "}");
        answered("bulk " + (action.endsWith("Tags") ? "tags" : action), done);
        if ("delete".equals(action) && done.statusCode() == 200) {
            subjects.removeAll(chosen);
        }
    }

    private void importLines(Random random) {
        StringBuilder csv = new StringBuilder("chave,titulo,cliente,valor\n");
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
            csv.append("kept-").append(UUID.randomUUID()).append(",Importado ").append(i).append(",Cliente importado ")
                    .append(UUID.randomUUID()).append(",").append(random.nextInt(100_000)).append('\n');
        }
        HttpRequest request = api.request("api/v1/subjects/import", "ana", "ana")
                .header("Content-Type", "text/csv")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> imported = Api.send(request);
        answered("import", imported);
        assertThat(Api.json(imported).getJsonNumber("created").intValue()).as(imported.body()).isEqualTo(lines);
    }

    private void plan(long subject, Random random) {
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plusHours(random.nextInt(96) - 48).withNano(0);
        HttpResponse<String> planned = api.call("ana", "POST", "api/v1/subjects/" + subject + "/activities", null,
                "{\"kind\":\"" + KINDS[random.nextInt(KINDS.length)] + "\",\"description\":\"Ligar\",\"dueAt\":\""
                        + due + "\",\"responsible\":\"" + (random.nextBoolean() ? "ana" : "bruno") + "\"}");
        answered("plan", planned);
        if (planned.statusCode() == 201) {
            activities.add(Api.id(Api.json(planned)));
        }
    }

    private void activityChange(Random random) {
        if (activities.isEmpty()) {
            return;
        }
        long activity = activities.get(random.nextInt(activities.size()));
        String path = "api/v1/activities/" + activity;
        HttpResponse<String> current = api.call("ana", "GET", path, null, null);
        if (current.statusCode() == 404) {
            activities.remove(activity);
            return;
        }
        String version = current.headers().firstValue("ETag").orElseThrow();
        switch (random.nextInt(4)) {
            case 0 -> {
                // Done at a random hour of the last days: São Paulo days and UTC days differ around midnight.
                OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(random.nextInt(4 * 24 * 60))
                        .withNano(0);
                answered("done", api.call("ana", "POST", path + "/done", version,
                        "{\"doneAt\":\"" + at + "\",\"result\":\"ok\"}"));
            }
            case 1 -> answered("reopen activity", api.call("ana", "POST", path + "/reopen", version, null));
            case 2 -> answered("edit activity", api.call("ana", "PUT", path, version, "{\"kind\":\""
                    + KINDS[random.nextInt(KINDS.length)] + "\",\"description\":\"Reunião\",\"dueAt\":\""
                    + OffsetDateTime.now(ZoneOffset.UTC).withNano(0) + "\",\"responsible\":\""
                    + (random.nextBoolean() ? "ana" : "bruno") + "\"}"));
            default -> {
                HttpResponse<String> deleted = api.call("ana", "DELETE", path, version, null);
                answered("delete activity", deleted);
                if (deleted.statusCode() == 204) {
                    activities.remove(activity);
                }
            }
        }
    }

    /** A change is done or refused in plain words (a rule, a stale copy), never a server error. */
    private void answered(String what, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isBetween(200, 499);
        if (response.statusCode() < 300) {
            tried.merge(what, 1, Integer::sum);
        }
    }

    private String version(String collection, long id) {
        return api.call("ana", "GET", "api/v1/" + collection + "/" + id, null,
                null).headers().firstValue("ETag").orElse("\"0\"");
    }

    /** No date, or one from a month ago to three months ahead (overdue ones included). */
    private static String expectedClose(Random random) {
        return random.nextInt(4) == 0 ? "null"
                : "\"" + LocalDate.now(SAO_PAULO).plusDays(random.nextInt(120) - 30) + "\"";
    }

    private static String amount(Random random) {
        return random.nextInt(5) == 0 ? "null" : BigDecimal.valueOf(random.nextInt(10_000_000), 2).toPlainString();
    }

    private static void assertKeptFiguresMatchAFreshCount(String after) throws SQLException {
        try (Connection db = Database.connection()) {
            Map<String, String> keptTotals = rows(db, "select stage_id, outcome, subjects, amount from crm_stage_total "
                    + "where subjects <> 0 or amount <> 0", 2);
            Map<String, String> freshTotals = rows(db, "select stage_id, coalesce(outcome, 'OPEN'), count(*), "
                    + "coalesce(sum(amount), 0) from crm_subject where archived = false group by stage_id, "
                    + "coalesce(outcome, 'OPEN')", 2);
            assertThat(keptTotals).as("column totals after " + after).isEqualTo(freshTotals);

            Map<String, String> keptDays = rows(db, "select done_on, kind, responsible_id, stage_id, outcome, "
                    + "done_count from crm_activity_day where done_count <> 0", 5);
            Map<String, Long> fresh = new HashMap<>();
            try (ResultSet rs = db.createStatement().executeQuery("select a.done_at, a.kind, a.responsible_id, "
                    + "s.stage_id, coalesce(s.outcome, 'OPEN') from crm_activity a join crm_subject s "
                    + "on s.id = a.subject_id where a.done_at is not null")) {
                while (rs.next()) {
                    LocalDate day = rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(SAO_PAULO).toLocalDate();
                    fresh.merge(day + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getLong(4) + "|"
                            + rs.getString(5), 1L, Long::sum);
                }
            }
            Map<String, String> freshDays = fresh.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> String.valueOf(e.getValue())));
            assertThat(keptDays).as("daily activity counts after " + after).isEqualTo(freshDays);

            Map<String, String> keptDue = rows(db, "select due_on, responsible_id, open_count from crm_activity_due "
                    + "where open_count <> 0", 2);
            Map<String, Long> freshOpen = new HashMap<>();
            try (ResultSet rs = db.createStatement().executeQuery("select a.due_at, a.responsible_id "
                    + "from crm_activity a where a.done_at is null")) {
                while (rs.next()) {
                    LocalDate day = rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(SAO_PAULO).toLocalDate();
                    freshOpen.merge(day + "|" + rs.getLong(2), 1L, Long::sum);
                }
            }
            assertThat(keptDue).as("open activities by due day after " + after).isEqualTo(freshOpen.entrySet()
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))));

            Map<String, String> keptForecast = rows(db, "select close_on, stage_id, responsible_id, outcome, subjects, "
                    + "amount from crm_forecast_day where subjects <> 0 or amount <> 0", 4);
            Map<String, long[]> freshForecast = new HashMap<>();
            Map<String, BigDecimal> freshValues = new HashMap<>();
            try (ResultSet rs = db.createStatement().executeQuery("select outcome, expected_close, closed_at, "
                    + "stage_id, responsible_id, coalesce(amount, 0) from crm_subject where archived = false")) {
                while (rs.next()) {
                    String outcome = rs.getString(1);
                    Date expected = rs.getDate(2);
                    String day = outcome != null ? rs.getObject(3, OffsetDateTime.class)
                            .atZoneSameInstant(SAO_PAULO).toLocalDate().toString()
                            : expected == null ? "9999-12-31" : expected.toLocalDate().toString();
                    String key = day + "|" + rs.getLong(4) + "|" + rs.getLong(5) + "|"
                            + (outcome == null ? "OPEN" : outcome);
                    freshForecast.computeIfAbsent(key, k -> new long[1])[0]++;
                    freshValues.merge(key, rs.getBigDecimal(6), BigDecimal::add);
                }
            }
            assertThat(keptForecast).as("forecast by day after " + after).isEqualTo(freshForecast.keySet().stream()
                    .collect(Collectors.toMap(k -> k, k -> freshForecast.get(k)[0] + "|"
                            + freshValues.get(k).stripTrailingZeros().toPlainString())));

            Map<String, String> keptHistory = rows(db, "select id, left_at, advanced from crm_stage_change", 1);
            Map<String, String> freshHistory = rows(db, "select c.id, lead(c.changed_at) over (partition by "
                    + "c.subject_id order by c.changed_at, c.id), case when max(later.position) over (partition by "
                    + "c.subject_id order by c.changed_at, c.id rows between 1 following and unbounded following) "
                    + "> here.position then true else false end from crm_stage_change c "
                    + "left join crm_stage later on later.id = c.to_stage_id "
                    + "left join crm_stage here on here.id = c.to_stage_id", 1);
            assertThat(keptHistory).as("stage history facts after " + after).isEqualTo(freshHistory);

            Map<String, String> keptStageDays = new HashMap<>();
            try (ResultSet rs = db.createStatement().executeQuery("select entered_on, stage_id, responsible_id, "
                    + "entered, advanced, left_stage, stay_seconds from crm_stage_day "
                    + "where entered <> 0 or advanced <> 0 or left_stage <> 0 or stay_seconds <> 0")) {
                while (rs.next()) {
                    keptStageDays.put(rs.getDate(1).toLocalDate() + "|" + rs.getLong(2) + "|" + rs.getLong(3),
                            new StageCount(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7))
                                    .toString());
                }
            }
            Map<String, StageCount> freshStageDays = new HashMap<>();
            for (Entry entry : entries(db)) {
                freshStageDays.merge(entry.day() + "|" + entry.stage() + "|" + entry.responsible(), entry.count(),
                        StageCount::plus);
            }
            assertThat(keptStageDays).as("stage report's counts by day after " + after).isEqualTo(freshStageDays
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString())));
        }
    }

    /**
     * The stage report as the API answers it (from the kept counts: no tag), for everyone and for one responsible,
     * equals the stage history and the subjects' closings counted afresh over the same São Paulo days.
     */
    private void assertStageReportMatchesTheHistory(String after) throws SQLException {
        LocalDate today = LocalDate.now(SAO_PAULO);
        LocalDate from = today.minusDays(1);
        for (String user : new String[]{null, "ana"}) {
            JsonObject report = Api.json(api.call("ana", "GET", "api/v1/reports/stages?from=" + from + "&to=" + today
                    + (user == null ? "" : "&user=" + user), null, null));
            Map<Long, String> shown = new HashMap<>();
            for (JsonObject stage : report.getJsonArray("stages").getValuesAs(JsonObject.class)) {
                shown.put(stage.getJsonNumber("stageId").longValue(), stage.getJsonNumber("entered") + "/"
                        + stage.getJsonNumber("movedOn") + "/" + days(stage.containsKey("averageDays")
                        && !stage.isNull("averageDays") ? stage.getJsonNumber("averageDays").doubleValue() : null));
            }
            Map<String, String> closings = new HashMap<>();
            for (JsonObject closing : report.getJsonArray("closings").getValuesAs(JsonObject.class)) {
                closings.put(closing.getString("outcome"), closing.getJsonNumber("count") + "|"
                        + closing.getJsonNumber("amount").bigDecimalValue().stripTrailingZeros().toPlainString());
            }

            Map<Long, StageCount> counted = new HashMap<>();
            Map<String, long[]> closed = new HashMap<>();
            Map<String, BigDecimal> closedValues = new HashMap<>();
            try (Connection db = Database.connection()) {
                for (Entry entry : entries(db)) {
                    if (!entry.day().isBefore(from) && !entry.day().isAfter(today)
                            && (user == null || user.equals(entry.username()))) {
                        counted.merge(entry.stage(), entry.count(), StageCount::plus);
                    }
                }
                try (ResultSet rs = db.createStatement().executeQuery("select s.outcome, s.closed_at, "
                        + "coalesce(s.amount, 0), u.username from crm_subject s join crm_user u "
                        + "on u.id = s.responsible_id where s.outcome is not null")) {
                    while (rs.next()) {
                        LocalDate day = rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(SAO_PAULO)
                                .toLocalDate();
                        if (!day.isBefore(from) && !day.isAfter(today) && (user == null || user.equals(rs.getString(4)))) {
                            closed.computeIfAbsent(rs.getString(1), k -> new long[1])[0]++;
                            closedValues.merge(rs.getString(1), rs.getBigDecimal(3), BigDecimal::add);
                        }
                    }
                }
            }
            Map<Long, String> fresh = new HashMap<>();
            for (long stage : shown.keySet()) {
                StageCount count = counted.getOrDefault(stage, new StageCount(0, 0, 0, BigDecimal.ZERO));
                fresh.put(stage, count.entered() + "/" + count.advanced() + "/" + days(count.left() == 0 ? null
                        : count.stay().doubleValue() / 86_400 / count.left()));
            }
            assertThat(counted.keySet()).as("every stage entered is shown").isSubsetOf(shown.keySet());
            assertThat(shown).as("stage report" + (user == null ? "" : " of " + user) + " after " + after)
                    .isEqualTo(fresh);
            assertThat(closings).as("closings" + (user == null ? "" : " of " + user) + " after " + after)
                    .isEqualTo(closed.keySet().stream().collect(Collectors.toMap(k -> k, k -> closed.get(k)[0] + "|"
                            + closedValues.get(k).stripTrailingZeros().toPlainString())));
        }
    }

    /** Average days as the test compares them: to a millionth of a day (the report divides in floating point). */
    private static String days(Double days) {
        return days == null ? "-" : String.format(Locale.ROOT, "%.6f", days);
    }

    /** A stage history entry as the stage report counts it: by São Paulo day, stage, its subject's responsible. */
    private record Entry(LocalDate day, long stage, long responsible, String username, StageCount count) {
    }

    /** Entries, how many advanced, how many were left, the seconds those stayed. */
    private record StageCount(long entered, long advanced, long left, BigDecimal stay) {

        StageCount plus(StageCount other) {
            return new StageCount(entered + other.entered, advanced + other.advanced, left + other.left,
                    stay.add(other.stay));
        }

        /** The seconds to a thousandth: the two databases keep the sums at different scales. */
        @Override
        public String toString() {
            return entered + "|" + advanced + "|" + left + "|"
                    + stay.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
    }

    /** Every history entry into a stage that still exists, read afresh. */
    private static List<Entry> entries(Connection db) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("select c.changed_at, c.to_stage_id, s.responsible_id, "
                + "u.username, c.advanced, c.left_at from crm_stage_change c join crm_subject s on s.id = c.subject_id "
                + "join crm_user u on u.id = s.responsible_id where c.to_stage_id is not null")) {
            while (rs.next()) {
                OffsetDateTime entered = rs.getObject(1, OffsetDateTime.class);
                OffsetDateTime left = rs.getObject(6, OffsetDateTime.class);
                BigDecimal stay = left == null ? BigDecimal.ZERO : new BigDecimal(Duration.between(entered, left)
                        .toNanos()).movePointLeft(9);
                entries.add(new Entry(entered.atZoneSameInstant(SAO_PAULO).toLocalDate(), rs.getLong(2),
                        rs.getLong(3), rs.getString(4), new StageCount(1, rs.getBoolean(5) ? 1 : 0,
                        left == null ? 0 : 1, stay)));
            }
        }
        return entries;
    }

    /** The rows as key (the first {@code keyColumns} columns) → the rest, numbers written without scale. */
    private static Map<String, String> rows(Connection db, String sql, int keyColumns) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                List<String> value = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object v = rs.getObject(i);
                    String text = v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                            : v instanceof Date d ? d.toLocalDate().toString() : String.valueOf(v);
                    (i <= keyColumns ? key : value).add(text);
                }
                rows.put(String.join("|", key), String.join("|", value));
            }
        }
        return rows;
    }
}
