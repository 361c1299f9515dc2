package br.com.crm.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of subjects and stages through the REST API, on the real Micro WAR and its database (H2, or PostgreSQL
 * with -Ppostgresql): optimistic locking (412/428), invalid input (400/422, nothing saved), permissions (403),
 * the stage history, the five-stage limit, archive and delete. Each test makes its own customer and subjects.
 */
@ExtendWith(MicroServer.class)
class SubjectsApiIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @Test
    void createsASubjectWithLocationAndETagInTheFirstStage() {
        long customer = api.newCustomer();
        HttpResponse<String> created = api.call("ana", "POST", "api/v1/subjects", null,
                "{\"title\":\"Licenças\",\"customerId\":" + customer + ",\"responsible\":\"bruno\",\"amount\":1500.5}");

        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonObject subject = Api.json(created);
        assertThat(location).endsWith("/api/v1/subjects/" + subject.getJsonNumber("id").longValue());
        assertThat(subject.getJsonNumber("stageId").longValue()).isEqualTo(Api.id(api.firstStage()));
        assertThat(subject.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("1500.50");
        assertThat(subject.getString("responsible")).isEqualTo("bruno");
        assertThat(subject.getString("createdBy")).isEqualTo("ana");
    }

    @Test
    void invalidInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        HttpResponse<String> missing = api.call("ana", "POST", "api/v1/subjects", null, "{\"title\":\"\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"title\"").contains("\"field\":\"customerId\"");

        String name = "Inválida " + UUID.randomUUID();
        HttpResponse<String> badCnpj = api.call("ana", "POST", "api/v1/customers", null,
                "{\"name\":\"" + name + "\",\"kind\":\"COMPANY\",\"taxId\":\"11.222.333/0001-00\"}");
        assertThat(badCnpj.statusCode()).isEqualTo(422);
        assertThat(badCnpj.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(badCnpj.body()).contains("\"field\":\"taxId\"").contains("Invalid CNPJ");
        assertThat(api.call("ana", "GET", "api/v1/customers?q=" + name.replace(" ", "%20"), null, null).body())
                .isEqualTo("[]");

        // "value" for "amount": refused naming the field, not a subject saved without its value.
        String title = "Sem valor " + UUID.randomUUID();
        HttpResponse<String> unknown = api.call("ana", "POST", "api/v1/subjects", null, "{\"title\":\"" + title
                + "\",\"customerId\":" + api.newCustomer() + ",\"value\":1500}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"value\"");
        assertThat(api.call("ana", "GET", "api/v1/subjects?q=" + title.replace(" ", "%20"), null, null).body())
                .doesNotContain(title);
        HttpResponse<String> nested = api.call("admin", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"archive\",\"filter\":{\"q\":\"" + title + "\",\"tag\":1}}");
        assertThat(nested.statusCode()).as(nested.body()).isEqualTo(400);
        assertThat(nested.body()).contains("\"field\":\"filter.tag\"");
    }

    @Test
    void changesNeedTheCurrentVersion() {
        JsonObject subject = api.createSubject("Assunto " + UUID.randomUUID());
        String path = "api/v1/subjects/" + subject.getJsonNumber("id").longValue();
        String move = "{\"stageId\":" + Api.id(api.openStage(2)) + "}";

        assertThat(api.call("ana", "POST", path + "/move", null, move).statusCode()).as("no If-Match").isEqualTo(428);

        HttpResponse<String> first = api.call("ana", "POST", path + "/move", "\"1\"", move);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"2\"");

        HttpResponse<String> second = api.call("bruno", "PUT", path, "\"1\"", "{\"title\":\"Outro\",\"customerId\":"
                + subject.getJsonNumber("customerId") + ",\"responsible\":\"bruno\"}");
        assertThat(second.statusCode()).as("a colleague's stale copy").isEqualTo(412);
        assertThat(Api.json(api.call("ana", "GET", path, null, null)).getString("title"))
                .as("not overwritten").isEqualTo(subject.getString("title"));
    }

    @Test
    void closingNeedsAnOutcomeAndALostReasonAndIsRecordedInTheHistory() {
        JsonObject subject = api.createSubject("Assunto " + UUID.randomUUID());
        long id = subject.getJsonNumber("id").longValue();
        String path = "api/v1/subjects/" + id + "/move";
        long closing = Api.id(api.closingStage());

        HttpResponse<String> noOutcome = api.call("ana", "POST", path, "\"1\"", "{\"stageId\":" + closing + "}");
        assertThat(noOutcome.statusCode()).isEqualTo(422);
        assertThat(noOutcome.body()).contains("\"field\":\"outcome\"");

        HttpResponse<String> noReason = api.call("ana", "POST", path, "\"1\"",
                "{\"stageId\":" + closing + ",\"outcome\":\"LOST\"}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("\"field\":\"lostReason\"");

        long reason = api.lostReason();
        HttpResponse<String> lost = api.call("ana", "POST", path, "\"1\"",
                "{\"stageId\":" + closing + ",\"outcome\":\"LOST\",\"lostReasonId\":" + reason + "}");
        assertThat(lost.statusCode()).isEqualTo(200);
        JsonObject closed = Api.json(lost);
        assertThat(closed.getString("outcome")).isEqualTo("LOST");
        assertThat(closed.getJsonNumber("lostReasonId").longValue()).isEqualTo(reason);
        assertThat(closed.getString("updatedBy")).isEqualTo("ana");

        JsonArray board = Json.createReader(new StringReader(api.call("ana", "GET", "api/v1/funnel?limit=100", null,
                null)
                .body())).readArray();
        JsonObject closingColumn = board.getValuesAs(JsonObject.class).stream()
                .filter(column -> column.getJsonObject("stage").getJsonNumber("id").longValue() == closing)
                .findFirst().orElseThrow();
        assertThat(closingColumn.getJsonObject("lost").getJsonNumber("count").longValue()).isPositive();
    }

    @Test
    void viewersReadButCannotChange() {
        JsonObject subject = api.createSubject("Assunto " + UUID.randomUUID());
        String path = "api/v1/subjects/" + subject.getJsonNumber("id").longValue();

        assertThat(api.call("vera", "GET", path, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> forged = api.call("vera", "POST", path + "/move", "\"1\"",
                "{\"stageId\":" + Api.id(api.openStage(2)) + "}");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Api.json(api.call("vera", "GET", path, null, null)).getJsonNumber("version").longValue())
                .as("nothing changed").isEqualTo(1);
        assertThat(api.call("vera", "POST", "api/v1/subjects", null, "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void onlyAdministratorsChangeStagesAndNeverBeyondFive() {
        assertThat(api.call("ana", "POST", "api/v1/stages", null, "{\"description\":\"Extra\"}").statusCode())
                .isEqualTo(403);
        List<JsonObject> before = api.stages();
        assertThat(before).hasSizeLessThanOrEqualTo(5);
        try {
            api.addStagesUpTo(5);
            HttpResponse<String> sixth = api.call("admin", "POST", "api/v1/stages", null,
                    "{\"description\":\"Extra\"}");
            assertThat(sixth.statusCode()).isEqualTo(409);
            assertThat(sixth.body()).contains("at most 5 stages");
            assertThat(api.stages()).hasSize(5);
        } finally {
            api.removeStagesBut(before);
        }
        assertThat(api.stages()).extracting(Api::id).containsExactlyElementsOf(before.stream().map(Api::id).toList());
    }

    @Test
    void aStageWithSubjectsCannotBeRemoved() {
        JsonObject subject = api.createSubject("Assunto " + UUID.randomUUID());
        JsonObject first = api.firstStage();
        HttpResponse<String> refused = api.call("admin", "DELETE", "api/v1/stages/" + first.getJsonNumber("id"),
                "\"" + first.getJsonNumber("version") + "\"", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("still holds");
        assertThat(api.call("ana", "GET", "api/v1/subjects/" + subject.getJsonNumber("id"), null, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void archiveUnarchiveAndDeleteForEver() {
        JsonObject subject = api.createSubject("Assunto " + UUID.randomUUID());
        String path = "api/v1/subjects/" + subject.getJsonNumber("id").longValue();

        HttpResponse<String> archived = api.call("ana", "POST", path + "/archive", "\"1\"", null);
        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(Api.json(archived).getBoolean("archived")).isTrue();
        HttpResponse<String> unarchived = api.call("ana", "POST", path + "/unarchive", "\"2\"", null);
        assertThat(Api.json(unarchived).getBoolean("archived")).isFalse();

        assertThat(api.call("ana", "DELETE", path, "\"3\"", null).statusCode()).isEqualTo(204);
        assertThat(api.call("ana", "GET", path, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void customersAreFoundIgnoringAccentsAndCase() {
        // Letters only: digits in a search also look for CPF/CNPJ fragments, which other customers may hold.
        String unique = UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "x");
        api.call("ana", "POST", "api/v1/customers", null,
                "{\"name\":\"Padaria São João " + unique + "\",\"kind\":\"COMPANY\"}");

        JsonArray found = Json.createReader(new StringReader(
                api.call("ana", "GET", "api/v1/customers?q=sao%20joao%20" + unique, null, null).body())).readArray();
        assertThat(found).hasSize(1);
        assertThat(found.getJsonObject(0).getString("name")).isEqualTo("Padaria São João " + unique);
    }

    @Test
    void columnsPageByKeysetWithoutGapsOrRepeats() {
        long customer = api.newCustomer();
        long stageId = Api.id(api.openStage(2));
        for (int i = 0; i < 7; i++) {
            api.call("ana", "POST", "api/v1/subjects", null,
                    "{\"title\":\"Página " + i + "\",\"customerId\":" + customer
                    + ",\"stageId\":" + stageId + ",\"responsible\":\"ana\"}");
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = Api.json(api.call("ana", "GET", "api/v1/subjects?stage=" + stageId + "&limit=3"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor,
                    StandardCharsets.UTF_8)), null, null));
            page.getJsonArray("items").getValuesAs(JsonObject.class)
                    .forEach(card -> seen.add(card.getJsonNumber("id").longValue()));
            cursor = page.containsKey("next") && !page.isNull("next") ? page.getString("next") : null;
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void tagsAreUniqueIgnoringCaseAndAccentsAndGoOnAndOffSubjects() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = api.call("admin", "POST", "api/v1/tags", null,
                "{\"name\":\"Atenção " + unique + "\",\"color\":\"#B91C1C\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long tag = Api.json(created).getJsonNumber("id").longValue();
        assertThat(Api.json(created).getString("color")).isEqualTo("#b91c1c");

        HttpResponse<String> duplicate = api.call("admin", "POST", "api/v1/tags", null,
                "{\"name\":\"ATENCAO " + unique + "\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(api.call("ana", "POST", "api/v1/tags", null, "{\"name\":\"Outro\"}").statusCode())
                .as("only administrators create tags").isEqualTo(403);
        assertThat(api.call("admin", "POST", "api/v1/tags", null, "{\"name\":\"x\",\"color\":\"red\"}").statusCode())
                .isEqualTo(422);

        JsonObject subject = api.createSubject("Assunto " + UUID.randomUUID());
        String path = "api/v1/subjects/" + subject.getJsonNumber("id").longValue();
        HttpResponse<String> tagged = api.call("ana", "PUT", path + "/tags", "\"1\"", "[" + tag + "]");
        assertThat(tagged.statusCode()).isEqualTo(200);
        assertThat(Api.json(tagged).getJsonArray("tags").getJsonObject(0).getString("name"))
                .isEqualTo("Atenção " + unique);
        assertThat(tagged.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(api.call("ana", "GET", "api/v1/subjects?stage=" + subject.getJsonNumber("stageId") + "&limit=100",
                null, null).body()).contains("Atenção " + unique);

        assertThat(api.call("admin", "DELETE", "api/v1/tags?id=" + tag, null, null).statusCode()).isEqualTo(200);
        assertThat(Api.json(api.call("ana", "GET", path, null, null)).getJsonArray("tags")).isEmpty();
    }

    @Test
    void theFunnelFiltersByTextIgnoringAccentsByTagAndValueAndShowsArchivedApart() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> customer = api.call("ana", "POST", "api/v1/customers", null,
                "{\"name\":\"João Conceição " + unique + "\",\"kind\":\"PERSON\"}");
        long customerId = Api.json(customer).getJsonNumber("id").longValue();
        long tag = Api.json(api.call("admin", "POST", "api/v1/tags", null, "{\"name\":\"Filtro " + unique + "\"}"))
                .getJsonNumber("id").longValue();
        long cheap = Api.json(api.call("ana", "POST", "api/v1/subjects", null, "{\"title\":\"Barato\",\"customerId\":"
                + customerId + ",\"responsible\":\"ana\",\"amount\":100}")).getJsonNumber("id").longValue();
        long dear = Api.json(api.call("ana", "POST", "api/v1/subjects", null, "{\"title\":\"Caro\",\"customerId\":"
                + customerId + ",\"responsible\":\"bruno\",\"amount\":90000}")).getJsonNumber("id").longValue();
        api.call("ana", "PUT", "api/v1/subjects/" + dear + "/tags", "\"1\"", "[" + tag + "]");

        assertThat(countOnBoard("q=joao%20conceicao%20" + unique)).isEqualTo(2);
        assertThat(countOnBoard("q=" + URLEncoder.encode("JOÃO CONCEIÇÃO " + unique, StandardCharsets.UTF_8)
                + "&responsible=bruno")).isEqualTo(1);
        assertThat(countOnBoard("tag=" + tag)).isEqualTo(1);
        assertThat(countOnBoard("q=" + unique + "&min=1000")).isEqualTo(1);
        assertThat(countOnBoard("q=" + unique + "&max=1000")).isEqualTo(1);

        api.call("ana", "POST", "api/v1/subjects/" + cheap + "/archive", "\"1\"", null);
        assertThat(countOnBoard("q=" + unique)).as("active tab").isEqualTo(1);
        assertThat(countOnBoard("q=" + unique + "&archived=true")).as("archived tab").isEqualTo(1);

        HttpResponse<String> bad = api.call("ana", "GET", "api/v1/funnel?min=abc", null, null);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"min\"");
    }

    @Test
    void exportsTheFilteredSubjectsAsCsvForExcel() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long customer = Api.json(api.call("ana", "POST", "api/v1/customers", null,
                "{\"name\":\"Exporta " + unique + "\",\"kind\":\"PERSON\"}")).getJsonNumber("id").longValue();
        api.call("ana", "POST", "api/v1/subjects", null, "{\"title\":\"Plano; \\\"ouro\\\"\",\"customerId\":" + customer
                + ",\"responsible\":\"ana\",\"amount\":1234.5}");
        api.call("ana", "POST", "api/v1/subjects", null, "{\"title\":\"Plano prata\",\"customerId\":" + customer
                + ",\"responsible\":\"bruno\"}");

        HttpResponse<String> csv = api.call("ana", "GET", "api/v1/subjects/export.csv?q=exporta%20" + unique, null,
                null);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFId;Title;Customer;");
        assertThat(lines).hasSize(3);
        assertThat(csv.body()).contains("\"Plano; \"\"ouro\"\"\";Exporta " + unique)
                .contains(";1234,50;").contains("Plano prata;Exporta " + unique);
    }

    @Test
    void bulkOperationsChangeOnlyWhatIsNotSoYetAndKeepTheColumnTotals() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long customer = Api.json(api.call("ana", "POST", "api/v1/customers", null,
                "{\"name\":\"Lote " + unique + "\",\"kind\":\"PERSON\"}")).getJsonNumber("id").longValue();
        List<Long> ids = new ArrayList<>();
        for (int amount : new int[]{100, 200, 300}) {
            ids.add(Api.json(api.call("ana", "POST", "api/v1/subjects", null, "{\"title\":\"Lote " + unique
                    + "\",\"customerId\":" + customer + ",\"responsible\":\"ana\",\"amount\":" + amount + "}"))
                    .getJsonNumber("id").longValue());
        }
        long a = ids.get(0);
        long b = ids.get(1);
        long board = countOnBoard("");
        String byText = "\"filter\":{\"q\":\"LOTE " + unique + "\"}";

        assertThat(bulk("{\"action\":\"archive\",\"ids\":[" + a + "," + b + "]}")).isEqualTo("2/2");
        assertThat(version(a)).isEqualTo(2);
        assertThat(bulk("{\"action\":\"archive\",\"ids\":[" + a + "," + b + "]}")).as("again").isEqualTo("2/0");
        assertThat(version(a)).as("a repeat changes nothing").isEqualTo(2);
        assertThat(countOnBoard("")).as("kept totals").isEqualTo(board - 2);
        assertThat(countOnBoard("q=lote%20" + unique + "&archived=true")).isEqualTo(2);

        assertThat(bulk("{\"action\":\"unarchive\",\"filter\":{\"q\":\"lote " + unique + "\",\"archived\":true}}"))
                .isEqualTo("2/2");
        assertThat(countOnBoard("")).isEqualTo(board);

        long second = Api.id(api.openStage(2));
        assertThat(bulk("{\"action\":\"move\",\"stageId\":" + second + "," + byText + "}")).isEqualTo("3/3");
        assertThat(bulk("{\"action\":\"move\",\"stageId\":" + second + "," + byText + "}")).isEqualTo("3/0");
        assertThat(Api.json(api.call("ana", "GET", "api/v1/subjects/" + a, null, null)).getJsonNumber("stageId")
                .longValue()).isEqualTo(second);
        JsonArray column = Json.createReader(new StringReader(api.call("ana", "GET", "api/v1/funnel?q=lote%20" + unique,
                null, null).body())).readArray();
        assertThat(column.getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getJsonObject("stage").getJsonNumber("id").longValue() == second)
                .findFirst().orElseThrow().getJsonObject("all").getJsonNumber("total").bigDecimalValue())
                .isEqualByComparingTo("600");

        assertThat(bulk("{\"action\":\"assign\",\"responsible\":\"bruno\"," + byText + "}")).isEqualTo("3/3");
        assertThat(countOnBoard("q=lote%20" + unique + "&responsible=bruno")).isEqualTo(3);

        long tag = Api.json(api.call("admin", "POST", "api/v1/tags", null, "{\"name\":\"Lote " + unique + "\"}"))
                .getJsonNumber("id").longValue();
        assertThat(bulk("{\"action\":\"addTags\",\"tagIds\":[" + tag + "]," + byText + "}")).isEqualTo("3/3");
        assertThat(bulk("{\"action\":\"addTags\",\"tagIds\":[" + tag + "]," + byText + "}")).isEqualTo("3/0");
        assertThat(bulk("{\"action\":\"removeTags\",\"tagIds\":[" + tag + "],\"ids\":[" + a + "]}"))
                .isEqualTo("1/1");
        assertThat(countOnBoard("tag=" + tag)).isEqualTo(2);

        assertThat(bulk("admin", "{\"action\":\"delete\",\"expectedCount\":3," + byText + "}")).isEqualTo("3/3");
        assertThat(api.call("ana", "GET", "api/v1/subjects/" + a, null, null).statusCode()).isEqualTo(404);
        assertThat(bulk("admin", "{\"action\":\"delete\",\"expectedCount\":0,\"ids\":[" + a + "]}"))
                .as("gone already").isEqualTo("0/0");
        assertThat(countOnBoard("")).isEqualTo(board - 3);
    }

    @Test
    void onlyTheResponsibleOrAnAdministratorDeletesAndWhatWasSentIsArchivedInstead() {
        long anas = api.newSubject("Excluir " + Api.token());
        long brunos = api.newSubject("Excluir " + Api.token());
        bulk("{\"action\":\"assign\",\"responsible\":\"bruno\",\"ids\":[" + brunos + "]}");

        assertProblem(delete("ana", brunos, ""), 403, "Only the subject's responsible or an administrator");
        assertProblem(delete("vera", anas, ""), 403, null);
        assertThat(delete("ana", anas, "").statusCode()).isEqualTo(204);
        assertThat(delete("admin", brunos, "").statusCode()).as("an administrator's").isEqualTo(204);

        long mailed = api.newSubject("Excluir " + Api.token());
        HttpResponse<String> mail = api.call("ana", "POST", "api/v1/subjects/" + mailed + "/emails", null,
                "{\"to\":\"cliente@cliente.test\",\"subject\":\"Retorno\",\"body\":\"Olá\"}");
        assertThat(mail.statusCode()).as(mail.body()).isEqualTo(202);
        assertProblem(delete("ana", mailed, ""), 409, "archive it instead.");
        assertProblem(delete("admin", mailed, ""), 409, "or confirm the deletion");
        assertProblem(delete("ana", mailed, "?confirm=true"), 409, "archive it instead.");
        assertThat(api.call("ana", "GET", "api/v1/subjects/" + mailed, null, null).statusCode()).isEqualTo(200);
        assertThat(delete("admin", mailed, "?confirm=true").statusCode()).as("confirmed").isEqualTo(204);
    }

    @Test
    void bulkDeletionIsForAdministratorsAndNamesTheCountItExpects() {
        String unique = Api.token();
        long a = api.newSubject("Apagar " + unique);
        long b = api.newSubject("Apagar " + unique);
        String byText = "\"filter\":{\"q\":\"apagar " + unique + "\"}";

        HttpResponse<String> asUser = api.call("ana", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"delete\",\"expectedCount\":2," + byText + "}");
        assertThat(asUser.statusCode()).as("a crm-user: " + asUser.body()).isEqualTo(403);
        HttpResponse<String> everything = api.call("ana", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"delete\",\"filter\":{}}");
        assertThat(everything.statusCode()).as("the call that wiped everything").isIn(403, 422);
        HttpResponse<String> uncounted = api.call("admin", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"delete\"," + byText + "}");
        assertProblem(uncounted, 422, "expectedCount");
        HttpResponse<String> miscounted = api.call("admin", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"delete\",\"expectedCount\":3," + byText + "}");
        assertProblem(miscounted, 409, "3 subjects expected, 2 now");
        assertThat(api.call("ana", "GET", "api/v1/subjects/" + a, null, null).statusCode()).isEqualTo(200);

        api.call("ana", "POST", "api/v1/subjects/" + b + "/emails", null,
                "{\"to\":\"cliente@cliente.test\",\"subject\":\"Retorno\",\"body\":\"Olá\"}");
        assertProblem(api.call("admin", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"delete\",\"expectedCount\":2," + byText + "}"), 409, "1 of the subjects");
        assertThat(bulk("admin", "{\"action\":\"delete\",\"expectedCount\":2,\"confirm\":true," + byText + "}"))
                .isEqualTo("2/2");
        assertThat(api.call("ana", "GET", "api/v1/subjects/" + b, null, null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> delete(String user, long subject, String query) {
        return api.call(user, "DELETE", "api/v1/subjects/" + subject + query, "\"" + version(subject) + "\"", null);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        if (detail != null) {
            assertThat(Api.json(response).getString("detail")).contains(detail);
        }
    }

    @Test
    void aBulkOperationThatFailsMidwayChangesNothing() {
        JsonObject a = api.createSubject("Assunto " + UUID.randomUUID());
        JsonObject b = api.createSubject("Assunto " + UUID.randomUUID());
        JsonObject archived = api.createSubject("Assunto " + UUID.randomUUID());
        long archivedId = archived.getJsonNumber("id").longValue();
        api.call("ana", "POST", "api/v1/subjects/" + archivedId + "/archive", "\"1\"", null);
        long second = Api.id(api.openStage(2));
        String ids = a.getJsonNumber("id") + "," + b.getJsonNumber("id") + "," + archivedId;

        HttpResponse<String> refused = api.call("ana", "POST", "api/v1/subjects/bulk", null,
                "{\"action\":\"move\",\"stageId\":" + second + ",\"ids\":[" + ids + "]}");

        assertThat(refused.statusCode()).isEqualTo(409);
        for (JsonObject subject : List.of(a, b)) {
            JsonObject now = Api.json(api.call("ana", "GET", "api/v1/subjects/" + subject.getJsonNumber("id"), null,
                    null));
            assertThat(now.getJsonNumber("stageId").longValue()).isEqualTo(subject.getJsonNumber("stageId").longValue());
            assertThat(now.getJsonNumber("version").longValue()).isEqualTo(1);
        }
        assertThat(api.call("ana", "POST", "api/v1/subjects/bulk", null, "{\"action\":\"assign\",\"responsible\":"
                + "\"nobody\",\"ids\":[" + ids + "]}").statusCode()).isEqualTo(422);
        assertThat(api.call("ana", "POST", "api/v1/subjects/bulk", null, "{\"action\":\"archive\",\"ids\":[1],"
                + "\"filter\":{}}").statusCode()).as("ids or a filter, not both").isEqualTo(422);
        assertThat(api.call("vera", "POST", "api/v1/subjects/bulk", null, "{\"action\":\"archive\",\"ids\":["
                + ids + "]}").statusCode()).as("viewers").isEqualTo(403);
    }

    @Test
    void anImportReportsRejectedLinesByNumberSavesNothingWhenDryAndNeverDuplicates() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String stage = api.openStage(2).getString("description");
        String file = "key,title,customer,stage,responsible,amount,expected_close\n"
                + unique + "-1,Importado " + unique + " A,Firma " + unique + "," + stage + ",bruno,\"1,500.75\",2027-03-01\n"
                + unique + "-2,Importado " + unique + " B,Firma " + unique + ",Nenhuma,,,\n"
                + unique + "-3,Importado " + unique + " C,Firma " + unique + ",,ninguem,,\n"
                + unique + "-1,Importado " + unique + " D,Firma " + unique + ",,,,\n"
                + unique + "-5,Importado " + unique + " E,Firma " + unique + ",,,,31/02/2027\n"
                + unique + "-6,Importado " + unique + " F,Firma " + unique + ",,,,\n";

        JsonObject dry = Api.json(importCsv(file, true));
        assertThat(dry.getBoolean("imported")).isFalse();
        assertThat(dry.getJsonNumber("created").longValue()).isEqualTo(2);
        assertThat(dry.getJsonNumber("rejected").longValue()).isEqualTo(4);
        assertThat(dry.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("status").equals("REJECTED"))
                .map(l -> l.getJsonNumber("line").longValue() + ":" + l.getJsonArray("problems").getJsonObject(0)
                        .getString("field"))).containsExactly("3:STAGE", "4:RESPONSIBLE", "5:KEY", "6:EXPECTED_CLOSE");
        assertThat(countOnBoard("q=importado%20" + unique)).as("a dry run saves nothing").isZero();

        JsonObject done = Api.json(importCsv(file, false));
        assertThat(done.getBoolean("imported")).isTrue();
        assertThat(done.getJsonNumber("created").longValue()).isEqualTo(2);
        assertThat(countOnBoard("q=importado%20" + unique)).isEqualTo(2);
        assertThat(countOnBoard("q=importado%20" + unique + "&responsible=bruno&min=1500.75&max=1500.75")).isEqualTo(1);

        JsonObject again = Api.json(importCsv(file, false));
        assertThat(again.getJsonNumber("created").longValue()).isZero();
        assertThat(again.getJsonNumber("existing").longValue()).isEqualTo(2);
        assertThat(countOnBoard("q=importado%20" + unique)).isEqualTo(2);

        HttpResponse<String> noColumn = importCsv("title,customer\nA,B\n", false);
        assertThat(noColumn.statusCode()).isEqualTo(422);
        assertThat(noColumn.body()).contains("chave");
    }

    @Test
    void theListOfAllStagesPagesByCursorAndFindsTextIgnoringAccents() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long customer = Api.json(api.call("ana", "POST", "api/v1/customers", null,
                "{\"name\":\"Conceição Ávila " + unique + "\",\"kind\":\"PERSON\"}")).getJsonNumber("id").longValue();
        for (int i = 0; i < 3; i++) {
            api.call("ana", "POST", "api/v1/subjects", null,
                    "{\"title\":\"Pedido " + i + "\",\"customerId\":" + customer
                    + ",\"responsible\":\"ana\"}");
        }
        JsonObject first = Api.json(api.call("ana", "GET", "api/v1/subjects?limit=2&q=conceicao%20avila%20" + unique,
                null, null));
        assertThat(first.getJsonArray("items")).hasSize(2);
        JsonObject second = Api.json(api.call("ana", "GET", "api/v1/subjects?limit=2&q=CONCEICAO%20AVILA%20" + unique
                + "&cursor=" + first.getString("next"), null, null));
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.containsKey("next")).isFalse();
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("title")).isEqualTo("Pedido 0");
    }

    private String bulk(String json) {
        return bulk("ana", json);
    }

    private String bulk(String user, String json) {
        HttpResponse<String> response = api.call(user, "POST", "api/v1/subjects/bulk", null, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject result = Api.json(response);
        return result.getInt("selected") + "/" + result.getInt("changed");
    }

    private long version(long id) {
        return Api.json(api.call("ana", "GET", "api/v1/subjects/" + id, null,
                null)).getJsonNumber("version").longValue();
    }

    private HttpResponse<String> importCsv(String file, boolean dryRun) {
        return Api.send(api.request("api/v1/subjects/import?dryRun=" + dryRun, "ana", "ana")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(file)).build());
    }

    /**
     * Subjects on the board (all columns, count from the figures) with a filter's query string. A narrowed board's
     * cards (read by another query than its figures) must be the same subjects, column by column.
     */
    private long countOnBoard(String query) {
        int limit = query.isEmpty() ? 1 : 100;
        JsonArray board = Json.createReader(new StringReader(api.call("ana", "GET", "api/v1/funnel?limit=" + limit
                + "&" + query, null, null).body())).readArray();
        for (JsonObject column : board.getValuesAs(JsonObject.class)) {
            long count = column.getJsonObject("all").getJsonNumber("count").longValue();
            if (limit > 1) {
                assertThat(column.getJsonArray("cards")).as(query).hasSize((int) count);
                assertThat(column.get("next")).as(query).isIn(null, JsonValue.NULL);
            }
        }
        return board.getValuesAs(JsonObject.class).stream()
                .mapToLong(column -> column.getJsonObject("all").getJsonNumber("count").longValue()).sum();
    }
}
