package br.com.crm.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User administration through the REST API, on the real Micro WAR and its database: an administrator adds a
 * seller with a first password, who must choose their own before anything else; deactivation ends the seller's
 * API access at once (also a remembered login) and reactivation restores it; a reset forces a new choice; the
 * password rules; the last administrator; every refusal for those who are not administrators; all audited.
 */
@ExtendWith(MicroServer.class)
class UsersApiIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    private final String username = "seller" + UUID.randomUUID().toString().substring(0, 8);
    private final String first = "primeira senha " + UUID.randomUUID();

    @Test
    void aNewSellerMustChooseTheirPasswordThenWorksUntilDeactivated() {
        long id = create(username, "crm-user", first);

        HttpResponse<String> before = api.call(username, first, "GET", "api/v1/funnel", null, null);
        assertThat(before.statusCode()).as("the first password opens nothing but its own change").isEqualTo(403);
        assertThat(before.body()).contains("/api/v1/me/password");

        HttpResponse<String> wrong = change(username, first, "not-the-current-one", "uma frase bem comprida 1");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("\"field\":\"current\"");
        String own = "minha frase de acesso " + UUID.randomUUID();
        assertThat(change(username, first, first, own).statusCode()).isEqualTo(204);
        assertThat(api.call(username, first, "GET", "api/v1/funnel", null, null).statusCode())
                .as("the old password no longer opens anything").isEqualTo(401);
        assertThat(api.call(username, own, "GET", "api/v1/funnel", null, null).statusCode()).isEqualTo(200);

        HttpResponse<String> deactivated = api.call("admin", "POST", "api/v1/users/" + id + "/deactivate", null, null);
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(Api.json(deactivated).getBoolean("active")).isFalse();
        assertThat(api.call(username, own, "GET", "api/v1/funnel", null, null).statusCode())
                .as("refused at once, although the login was remembered a moment ago").isEqualTo(401);
        assertThat(listed("false")).contains(username);
        assertThat(listed("true")).doesNotContain(username);

        assertThat(api.call("admin", "POST", "api/v1/users/" + id + "/reactivate", null, null).statusCode())
                .isEqualTo(200);
        assertThat(api.call(username, own, "GET", "api/v1/funnel", null, null).statusCode()).isEqualTo(200);

        String reset = "redefinida pelo admin " + UUID.randomUUID();
        assertThat(api.call("admin", "POST", "api/v1/users/" + id + "/password", null,
                "{\"password\":\"" + reset + "\"}").statusCode()).isEqualTo(200);
        assertThat(api.call(username, own, "GET", "api/v1/funnel", null, null).statusCode()).isEqualTo(401);
        assertThat(api.call(username, reset, "GET", "api/v1/funnel", null, null).statusCode())
                .as("a reset password must be replaced too").isEqualTo(403);

        List<String> audited = Api.json(api.call("admin", "GET", "api/v1/audit?entity=USER&id=" + id, null, null))
                .getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("action") + " by " + e.getString("actor")).toList();
        assertThat(audited).containsExactly("PASSWORD_RESET by admin", "REACTIVATE by admin", "DEACTIVATE by admin",
                "PASSWORD_CHANGE by " + username, "CREATE by admin");
        assertThat(api.call("admin", "GET", "api/v1/audit?entity=USER&id=" + id, null, null).body())
                .as("never a password").doesNotContain(first).doesNotContain(own).doesNotContain(reset);
    }

    @Test
    void passwordsFollowTheRulesAndTheAnswerNamesTheRule() {
        assertThat(refusal(username, "curtinha")).contains("at least 12");
        assertThat(refusal(username, "xx" + username + "xx-longa")).contains("user name");
        assertThat(refusal(username, "123qweasdzxc")).as("among the 10,000 most common").contains("most used");
        assertThat(api.call("admin", "GET", "api/v1/users?q=" + username, null, null).body())
                .as("nothing saved").isEqualTo("[]");
        HttpResponse<String> badRole = api.call("admin", "POST", "api/v1/users", null, user(username, "root", first));
        assertThat(badRole.statusCode()).isEqualTo(422);
        assertThat(badRole.body()).contains("\"field\":\"role\"");
        create(username, "crm-viewer", first);
        HttpResponse<String> taken = api.call("admin", "POST", "api/v1/users", null, user(username, "crm-user", first));
        assertThat(taken.statusCode()).isEqualTo(409);
    }

    @Test
    void onlyAdministratorsManageUsersAndTheLastOneStays() {
        long id = create(username, "crm-user", first);
        for (String who : List.of("ana", "vera")) {
            assertThat(api.call(who, "GET", "api/v1/users", null, null).statusCode()).as(who).isEqualTo(403);
            assertThat(api.call(who, "POST", "api/v1/users", null, user("x" + username, "crm-admin", first))
                    .statusCode()).as(who).isEqualTo(403);
            assertThat(api.call(who, "POST", "api/v1/users/" + id + "/deactivate", null, null).statusCode())
                    .as(who).isEqualTo(403);
            assertThat(api.call(who, "POST", "api/v1/users/" + id + "/password", null,
                    "{\"password\":\"" + first + "x\"}").statusCode()).as(who).isEqualTo(403);
            assertThat(api.call(who, "GET", "api/v1/audit", null, null).statusCode()).as(who).isEqualTo(403);
        }

        // A second administrator, alone for a moment (the others deactivated, then restored), can neither
        // deactivate nor demote themself; with the others back, the demotion is allowed.
        String chief = "chief" + UUID.randomUUID().toString().substring(0, 8);
        long chiefId = create(chief, "crm-admin", first);
        String chiefOwn = "a senha do chefe " + UUID.randomUUID();
        assertThat(change(chief, first, first, chiefOwn).statusCode()).isEqualTo(204);
        List<Long> others = Api.array(api.call(chief, chiefOwn, "GET", "api/v1/users?active=true", null, null))
                .getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("role").equals("crm-admin") && Api.id(u) != chiefId).map(Api::id).toList();
        assertThat(others).as("the demo administrator at least").isNotEmpty();
        try {
            others.forEach(other -> assertThat(api.call(chief, chiefOwn, "POST", "api/v1/users/" + other
                    + "/deactivate", null, null).statusCode()).isEqualTo(200));
            HttpResponse<String> alone = api.call(chief, chiefOwn, "POST", "api/v1/users/" + chiefId + "/deactivate",
                    null, null);
            assertThat(alone.statusCode()).isEqualTo(409);
            assertThat(alone.body()).contains("last active administrator");
            HttpResponse<String> self = api.call(chief, chiefOwn, "GET", "api/v1/users/" + chiefId, null, null);
            HttpResponse<String> demote = api.call(chief, chiefOwn, "PUT", "api/v1/users/" + chiefId,
                    self.headers().firstValue("ETag").orElseThrow(), "{\"displayName\":\"Chefe\",\"role\":\"crm-user\"}");
            assertThat(demote.statusCode()).isEqualTo(409);
        } finally {
            others.forEach(other -> api.call(chief, chiefOwn, "POST", "api/v1/users/" + other + "/reactivate", null,
                    null));
        }
        HttpResponse<String> self = api.call(chief, chiefOwn, "GET", "api/v1/users/" + chiefId, null, null);
        HttpResponse<String> demoted = api.call(chief, chiefOwn, "PUT", "api/v1/users/" + chiefId,
                self.headers().firstValue("ETag").orElseThrow(), "{\"displayName\":\"Chefe\",\"role\":\"crm-user\"}");
        assertThat(demoted.statusCode()).as("not the last administrator: allowed").isEqualTo(200);
        assertThat(Api.json(demoted).getString("role")).isEqualTo("crm-user");
        assertThat(api.call(chief, chiefOwn, "GET", "api/v1/users", null, null).statusCode())
                .as("the new role counts at the next request").isEqualTo(403);
    }

    private long create(String name, String role, String password) {
        HttpResponse<String> created = api.call("admin", "POST", "api/v1/users", null, user(name, role, password));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject user = Api.json(created);
        assertThat(user.getBoolean("mustChangePassword")).isTrue();
        assertThat(created.body()).doesNotContain(password).doesNotContain("PBKDF2");
        return Api.id(user);
    }

    private String refusal(String name, String password) {
        HttpResponse<String> refused = api.call("admin", "POST", "api/v1/users", null, user(name, "crm-user", password));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"password\"");
        return refused.body();
    }

    private HttpResponse<String> change(String name, String password, String current, String chosen) {
        return api.call(name, password, "POST", "api/v1/me/password", null, Json.createObjectBuilder()
                .add("current", current).add("password", chosen).build().toString());
    }

    private List<String> listed(String active) {
        return Api.array(api.call("admin", "GET", "api/v1/users?active=" + active + "&q=" + username, null, null))
                .getValuesAs(JsonObject.class).stream().map(u -> u.getString("username")).toList();
    }

    private static String user(String name, String role, String password) {
        return Json.createObjectBuilder().add("username", name).add("displayName", "Pessoa " + name)
                .add("email", name + "@empresa.test").add("role", role).add("password", password).build().toString();
    }
}
