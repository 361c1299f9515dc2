package br.com.crm.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Micro WAR on a real Payara Micro: REST basics, health, OpenAPI and the login wall. */
@ExtendWith(MicroServer.class)
class FoundationApiIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @ParameterizedTest
    @CsvSource({"admin,admin", "ana,ana", "bruno,bruno", "vera,vera", "ANA ,ana"})
    void pingAnswersEveryDemoUserWithTheVersion(String user, String password) {
        HttpResponse<String> response = api.get("api/v1/ping", user, password);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonObject pong = Api.json(response);
        assertThat(pong.getString("status")).isEqualTo("ok");
        assertThat(pong.getString("user")).isEqualTo(user.trim().toLowerCase());
        assertThat(pong.getString("version")).isNotBlank().isNotEqualTo("unknown");
        assertThat(response.headers().firstValue("Set-Cookie"))
                .as("Basic authentication creates no session").isEmpty();
    }

    @Test
    void apiWithoutCredentialsIs401AsProblemJson() {
        HttpResponse<String> response = api.get("api/v1/ping");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Basic"));
        assertProblem(response, 401);
    }

    @Test
    void apiWithWrongPasswordIs401AsProblemJson() {
        HttpResponse<String> response = api.get("api/v1/ping", "admin", "not-the-password");

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, 401);
    }

    @Test
    void unknownApiPathIs404AsProblemJson() {
        HttpResponse<String> response = api.get("api/v1/no-such-thing", "ana", "ana");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, 404);
    }

    @Test
    void healthReportsTheDatabase() {
        HttpResponse<String> response = api.root().get("health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = Api.json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class))
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("crm-database");
                    assertThat(check.getString("status")).isEqualTo("UP");
                });
    }

    @Test
    void openApiDescribesTheApi() {
        HttpResponse<String> response = api.root().get("openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/ping").contains("basic");
    }

    @Test
    void pagesNeedALogin() {
        HttpResponse<String> response = api.get("index.xhtml");

        assertThat(response.statusCode()).isEqualTo(302);
        // Where the user was going travels in the login URL, not in a session: an anonymous visit creates none.
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/crm/login.xhtml?next=%2Fcrm%2Findex.xhtml"));
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        assertThat(api.get("login.xhtml").headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    @Test
    void loginPageIsPublicAndSpeaksPortugueseByDefault() {
        HttpResponse<String> response = api.get("login.xhtml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Usuário").contains("Senha").contains("lang=\"pt-BR\"");
    }

    /**
     * A database restart kills every pooled connection; the pool validates connections before handing them out,
     * so the next calls get fresh ones instead of errors. (Only with a database server to restart: PostgreSQL.)
     */
    @Test
    @EnabledIfSystemProperty(named = "crm.it.db", matches = "postgresql")
    void connectionsKilledByADatabaseRestartAreReplaced() throws Exception {
        assertThat(api.get("api/v1/stages", "ana", "ana").statusCode()).isEqualTo(200);

        try (Connection admin = DriverManager.getConnection(System.getProperty("crm.it.pg.url"),
                System.getProperty("crm.it.pg.user"), System.getProperty("crm.it.pg.password"))) {
            ResultSet killed = admin.createStatement().executeQuery("select count(pg_terminate_backend(pid)) "
                    + "from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
            killed.next();
            assertThat(killed.getInt(1)).as("the module's pooled connections").isPositive();
        }

        for (int i = 0; i < 5; i++) {
            assertThat(api.get("api/v1/stages", "bruno", "bruno").statusCode()).isEqualTo(200);
        }
        assertThat(api.root().get("health/ready").statusCode()).isEqualTo(200);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = Api.json(response);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at br.com");
    }

    @Test
    void theDemoDataFillsEveryScreenOnTheFirstStart() throws Exception {
        // The demo's subjects are titled "<title> — <customer>"; the tests' own are not.
        String demo = " from crm_subject s where s.title like '% — %' and s.created_by in ('ana', 'bruno', 'admin')";
        try (Connection db = Database.connection()) {
            assertThat(strings(db, "select distinct a.kind from crm_activity a join crm_subject s on s.id = "
                    + "a.subject_id where s.title like '% — %' and a.done_at > current_timestamp - interval '90' day"))
                    .as("done activities of every kind in the last 90 days")
                    .containsExactlyInAnyOrder("CALL", "EMAIL", "MEETING", "VISIT", "TASK", "PROPOSAL", "WHATSAPP",
                            "OTHER");
            assertThat(strings(db, "select count(*) from crm_activity a join crm_subject s on s.id = a.subject_id "
                    + "where s.title like '% — %' and a.done_at > current_timestamp - interval '30' day"))
                    .as("the report's default range is not empty").isNotEqualTo(List.of("0"));
            assertThat(strings(db, "select distinct p.status from crm_proposal p join crm_subject s on s.id = "
                    + "p.subject_id where s.title like '% — %'")).as("proposals in every state")
                    .containsExactlyInAnyOrder("DRAFT", "SENT", "ACCEPTED", "REJECTED", "EXPIRED");
            assertThat(strings(db, "select distinct m.status from crm_mail m join crm_subject s on s.id = "
                    + "m.subject_id where s.title like '% — %'")).as("the proposals' e-mails, sent")
                    .containsExactly("SENT");
            assertThat(strings(db, "select count(*) from crm_note n join crm_subject s on s.id = n.subject_id "
                    + "where s.title like '% — %'")).isNotEqualTo(List.of("0"));
            assertThat(strings(db, "select count(*)" + demo + " and s.outcome is null and s.last_activity_at < "
                    + "current_timestamp - interval '10' day")).as("a few stale subjects").isNotEqualTo(List.of("0"));
            assertThat(strings(db, "select count(*)" + demo + " and s.outcome is null and s.expected_close < "
                    + "current_date")).as("a few overdue subjects").isNotEqualTo(List.of("0"));
            assertThat(strings(db, "select distinct s.outcome" + demo + " and s.outcome is not null"))
                    .containsExactlyInAnyOrder("WON", "LOST");
        }
        JsonObject forecast = Api.json(api.get("api/v1/reports/forecast?from="
                + YearMonth.now().minusMonths(5) + "&to=" + YearMonth.now().plusMonths(4),
                "ana", "ana"));
        assertThat(forecast.getJsonObject("total").getJsonNumber("weightedValue").doubleValue()).isPositive();
        assertThat(forecast.getJsonObject("total").getJsonNumber("won").longValue()).isPositive();
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
