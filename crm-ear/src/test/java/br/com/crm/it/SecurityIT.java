package br.com.crm.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or careless client meets at the door, on a real Payara Micro: the response headers, logins that
 * slow down, and anonymous visits that cost the server no session.
 */
@ExtendWith(MicroServer.class)
@MicroServer.Fresh // its throttled logins (bruno, from this address) would slow the next classes' logins down
class SecurityIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @Test
    void pagesCarryAPolicyWithANonceAndNoResponseNamesTheServer() {
        HttpResponse<String> page = api.get("login.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'")
                .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}'").doesNotContain("unsafe-eval");
        assertThat(page.body()).as("the page's scripts carry the nonce").containsPattern("<script[^>]* nonce=\"");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).isPresent();
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("plain HTTP here").isEmpty();
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> call = api.get("api/v1/ping", "ana", "ana");
        assertThat(call.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                p -> assertThat(p).contains("default-src 'none'"));
        assertThat(call.headers().firstValue("Cache-Control")).hasValue("no-store");
        for (HttpResponse<String> answer : List.of(page, call, api.get("api/v1/ping"), api.get("nothing-here"),
                api.root().get("health/ready"))) {
            assertThat(answer.headers().firstValue("Server")).as(answer.uri().toString()).isEmpty();
            assertThat(answer.headers().firstValue("X-Powered-By")).as(answer.uri().toString()).isEmpty();
        }
    }

    @Test
    void tenThousandAnonymousRequestsLeaveNoSession() {
        int before = sessions();
        List<String> paths = List.of("login.xhtml", "index.xhtml", "list.xhtml?q=x", "api/v1/ping",
                "jakarta.faces.resource/crm/css/crm.css.xhtml", "no-such-page.xhtml", "expired.xhtml");
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (int i = 0; i < 10_000; i++) {
            HttpResponse<String> answer = api.get(paths.get(i % paths.size()));
            byStatus.merge(answer.statusCode(), 1, Integer::sum);
            assertThat(answer.headers().firstValue("Set-Cookie")).as(answer.uri().toString()).isEmpty();
        }
        int after = sessions();
        System.out.printf("SecurityIT: 10,000 anonymous requests %s; sessions before %d, after %d%n", byStatus,
                before, after);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void failedLoginsSlowDownThatUserFromThisAddressAndNobodyElse() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("api/v1/ping", "bruno", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = api.get("api/v1/ping", "bruno", "wrong-5");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        int wait = Integer.parseInt(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).isBetween(1, 900);
        assertThat(api.get("api/v1/ping", "bruno", "bruno").statusCode())
                .as("while the pause lasts, the right password waits too").isEqualTo(429);
        assertThat(api.get("api/v1/ping", "ana", "ana").statusCode()).as("another user").isEqualTo(200);

        FacesForm form = FacesForm.anonymous(api);
        Map<String, String> fields = form.fields("login.xhtml", "login");
        fields.put("login:username", "bruno");
        fields.put("login:password", "bruno");
        HttpResponse<String> page = form.post("login.xhtml", fields, "login:submit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Too many failed attempts. Try again in");

        sleep(wait * 1_000L + 200);
        assertThat(api.get("api/v1/ping", "bruno", "bruno").statusCode()).as("after the pause").isEqualTo(200);
        assertThat(api.get("api/v1/ping", "bruno", "wrong-again").statusCode())
                .as("a success forgets the failures").isEqualTo(401);
    }

    @Test
    void aPostbackWithoutThePagesNonceIsRefusedAs400() {
        FacesForm form = FacesForm.anonymous(api);
        for (String nonce : new String[]{null, "", "garbage", "x".repeat(5_000)}) {
            Map<String, String> fields = form.fields("login.xhtml", "login");
            fields.put("login:username", "ana");
            fields.put("login:password", "ana");
            if (nonce == null) {
                fields.remove("primefaces.nonce");
            } else {
                fields.put("primefaces.nonce", nonce);
            }
            HttpResponse<String> answer = form.post("login.xhtml", fields, "login:submit");
            assertThat(answer.statusCode()).as("nonce %s", nonce).isEqualTo(400);
            assertThat(answer.body()).contains("did not come from its page");
        }
        // A multipart postback (as the import's upload posts) is read the same way.
        Map<String, String> multipart = form.fields("login.xhtml", "login");
        multipart.remove("primefaces.nonce");
        String boundary = "crm" + Api.token();
        StringBuilder body = new StringBuilder();
        multipart.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> uploaded = Api.send(api.request("login.xhtml")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        assertThat(uploaded.statusCode()).as("multipart: " + uploaded.body()).isEqualTo(400);

        Map<String, String> fields = form.fields("login.xhtml", "login");
        fields.put("login:username", "ana");
        fields.put("login:password", "ana");
        assertThat(form.post("login.xhtml", fields, "login:submit").statusCode()).as("with it").isEqualTo(302);
    }

    @Test
    void thePagesBeaconOnLeavingEndsItsViewThoughItCarriesNoNonce() {
        FacesForm session = FacesForm.loggedIn(api, "ana");
        String funnel = session.get("index.xhtml").body();
        Matcher unload = Pattern.compile("OmniFaces\\.Unload\\.init\\('([^']+)'\\)").matcher(funnel);
        assertThat(unload.find()).as("the funnel's beans live in a view scope that the browser ends").isTrue();
        Map<String, String> menu = FacesForm.fieldsOf(funnel, "shell");
        Map<String, String> beacon = new LinkedHashMap<>();
        beacon.put("omnifaces.event", "unload");
        beacon.put("id", unload.group(1));
        beacon.put("jakarta.faces.ViewState", menu.get("jakarta.faces.ViewState"));
        HttpResponse<String> left = session.send("index.xhtml", beacon);
        assertThat(left.statusCode()).as("the beacon, as navigator.sendBeacon posts it: " + left.body())
                .isEqualTo(200);
        // The view is gone with its beans: a postback from the page left (the user menu's language switch) finds
        // it expired.
        HttpResponse<String> after = session.post("index.xhtml", menu, "shell:langEn");
        assertThat(after.body()).contains("Session expired");
    }

    @Test
    void aQueryParameterWithANulIsRefusedBeforeItReachesTheDatabase() {
        // PostgreSQL refuses a NUL inside any query: the request must end before a search carries it there.
        HttpResponse<String> search = api.call("ana", "GET", "api/v1/subjects?q=a%00b", null, null);
        assertThat(search.statusCode()).isEqualTo(400);
        assertThat(Api.json(search).getString("detail")).contains("The parameter q holds control");
        FacesForm page = FacesForm.loggedIn(api, "ana");
        assertThat(page.get("list.xhtml?q=a%00b").statusCode()).isEqualTo(400);
        assertThat(page.get("list.xhtml?q=a%1Bb").statusCode()).isEqualTo(400);
        assertThat(page.get("list.xhtml?q=s%C3%A3o").statusCode()).isEqualTo(200);
    }

    private int sessions() {
        HttpResponse<String> health = api.get("api/v1/health", "admin", "admin");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonObject json = Api.json(health);
        return json.getInt("sessions");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
