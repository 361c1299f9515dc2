package br.com.crm.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail through the REST API, on the real Micro WAR and its database: every change of the test's own
 * subject is there with who, what, which record, the fields before and after, where from and the address; a
 * deleted subject's entry keeps what was lost; failed logins and exports are recorded; only administrators read
 * the trail, while whoever sees a subject reads its history.
 */
@ExtendWith(MicroServer.class)
class AuditApiIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @Test
    void everyChangeOfASubjectIsInItsHistoryWithWhoWhatAndWhereFrom() {
        String title = "Auditado " + UUID.randomUUID();
        JsonObject subject = api.createSubject(title);
        long id = Api.id(subject);
        String renamed = title + " (revisto)";
        HttpResponse<String> edited = api.call("ana", "PUT", "api/v1/subjects/" + id, Api.ifMatch(subject),
                Json.createObjectBuilder().add("title", renamed).add("customerId", subject.getJsonNumber("customerId"))
                        .add("responsible", "ana").add("amount", 900).build().toString());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        api.move(id, "{\"stageId\":" + Api.id(api.openStage(2)) + "}");
        HttpResponse<String> stale = api.call("bruno", "PUT", "api/v1/subjects/" + id, Api.ifMatch(subject),
                Json.createObjectBuilder().add("title", "Sobrescrito").add("customerId",
                        subject.getJsonNumber("customerId")).add("responsible", "bruno").build().toString());
        assertThat(stale.statusCode()).as("a refused change").isEqualTo(412);

        HttpResponse<String> history = api.call("bruno", "GET", "api/v1/subjects/" + id + "/history", null, null);
        assertThat(history.statusCode()).as("a colleague who sees the subject reads its history").isEqualTo(200);
        List<JsonObject> entries = entries(history);
        assertThat(entries).as("the refused change left no entry").extracting(e -> e.getString("action"))
                .containsExactly("MOVE", "EDIT", "CREATE");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getString("actor")).isEqualTo("ana");
            assertThat(e.getString("entity")).isEqualTo("SUBJECT");
            assertThat(e.getJsonNumber("id").longValue()).isEqualTo(id);
            assertThat(e.getString("origin")).isEqualTo("API");
            // The test's own address as the server sees it (the host's, not necessarily 127.0.0.1).
            assertThat(e.getString("address")).matches("[0-9a-fA-F.:]+")
                    .isEqualTo(entries.get(0).getString("address"));
            assertThat(e.getString("at")).isNotBlank();
        });
        JsonObject edit = entries.get(1);
        assertThat(edit.getJsonObject("changes").getJsonArray("title"))
                .containsExactly(Json.createValue(title), Json.createValue(renamed));
        assertThat(edit.getJsonObject("changes").getJsonArray("value"))
                .containsExactly(Json.createValue("250.00"), Json.createValue("900.00"));
        assertThat(edit.getJsonObject("changes").containsKey("responsible")).as("unchanged fields are left out")
                .isFalse();
        assertThat(entries.get(0).getJsonObject("changes").getJsonArray("stage").getString(1))
                .isEqualTo(api.openStage(2).getString("description"));
    }

    @Test
    void aDeletedSubjectsEntryKeepsWhatWasLostAndOnlyAdministratorsReadTheTrail() {
        String title = "Excluído " + UUID.randomUUID();
        JsonObject subject = api.createSubject(title);
        long id = Api.id(subject);
        HttpResponse<String> deleted = api.call("ana", "DELETE", "api/v1/subjects/" + id, Api.ifMatch(subject), null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

        HttpResponse<String> refused = api.call("ana", "GET", "api/v1/audit?entity=SUBJECT&id=" + id, null, null);
        assertThat(refused.statusCode()).as("the trail is for administrators").isEqualTo(403);
        assertThat(api.call("vera", "GET", "api/v1/audit", null, null).statusCode()).isEqualTo(403);

        List<JsonObject> entries = entries(api.call("admin", "GET", "api/v1/audit?entity=SUBJECT&id=" + id, null,
                null));
        assertThat(entries).extracting(e -> e.getString("action")).containsExactly("DELETE", "CREATE");
        assertThat(entries.get(0).getString("summary")).contains(title).contains("250.00")
                .contains(api.firstStage().getString("description"));
        assertThat(entries.get(0).getString("actor")).isEqualTo("ana");
    }

    @Test
    void failedLoginsAndExportsAreRecordedAndTheFilterIsStrict() {
        String stranger = "intruso" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.call(stranger, "wrong password", "GET", "api/v1/ping", null, null).statusCode())
                .isEqualTo(401);
        List<JsonObject> failed = entries(api.call("admin", "GET", "api/v1/audit?action=LOGIN_FAILED&actor="
                + stranger, null, null));
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getString("entity")).isEqualTo("USER");

        String marker = "Exportado" + UUID.randomUUID().toString().substring(0, 8);
        api.newSubject(marker);
        HttpResponse<String> export = api.call("bruno", "GET", "api/v1/subjects/export.csv?q=" + marker, null, null);
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        List<JsonObject> exports = entries(api.call("admin", "GET", "api/v1/audit?action=EXPORT&actor=bruno&limit=5",
                null, null));
        assertThat(exports).isNotEmpty();
        assertThat(exports.get(0).getString("summary")).startsWith("1 · ").contains(marker);

        HttpResponse<String> unknown = api.call("admin", "GET", "api/v1/audit?action=STEAL", null, null);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"action\"");
        assertThat(api.call("admin", "GET", "api/v1/audit?from=yesterday", null, null).statusCode()).isEqualTo(422);
        assertThat(api.call("admin", "GET", "api/v1/audit?cursor=x", null, null).statusCode()).isEqualTo(422);
    }

    @Test
    void pagesByCursorWithoutGapsOrRepeats() {
        long id = api.newSubject("Paginado " + UUID.randomUUID());
        for (int i = 0; i < 4; i++) {
            api.move(id, "{\"stageId\":" + Api.id(api.openStage(i % 2 == 0 ? 2 : 1)) + "}");
        }
        JsonObject first = Api.json(api.call("admin", "GET", "api/v1/audit?entity=SUBJECT&id=" + id + "&limit=2",
                null, null));
        JsonObject second = Api.json(api.call("admin", "GET", "api/v1/audit?entity=SUBJECT&id=" + id
                + "&limit=2&cursor=" + first.getJsonNumber("next"), null, null));
        JsonObject third = Api.json(api.call("admin", "GET", "api/v1/audit?entity=SUBJECT&id=" + id
                + "&limit=2&cursor=" + second.getJsonNumber("next"), null, null));
        assertThat(first.getJsonArray("entries")).hasSize(2);
        assertThat(second.getJsonArray("entries")).hasSize(2);
        assertThat(third.getJsonArray("entries")).hasSize(1);
        assertThat(third.containsKey("next") && !third.isNull("next")).as("the last page").isFalse();
        assertThat(third.getJsonArray("entries").getJsonObject(0).getString("action")).isEqualTo("CREATE");
    }

    private static List<JsonObject> entries(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonArray entries = Api.json(response).getJsonArray("entries");
        return entries.getValuesAs(JsonObject.class);
    }
}
