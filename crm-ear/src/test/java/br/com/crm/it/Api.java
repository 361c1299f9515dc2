package br.com.crm.it;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The module's REST API as the tests use it to arrange their data: demo users, password = user name. */
public final class Api {

    private Api() {
    }

    /** One call as {@code user}, JSON in and out, English messages; {@code ifMatch} and {@code json} optional. */
    public static HttpResponse<String> call(URL base, String user, String method, String path, String ifMatch,
                                            String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.resolve(base, path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", Http.basic(user, user))
                .header("Accept-Language", "en")
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return Http.send(request.build());
    }

    /** A new subject titled {@code title}, of a new customer, in the first stage, ana's, worth R$ 250. */
    public static long newSubject(URL base, String title) {
        long customer = Http.json(call(base, "ana", "POST", "api/v1/customers", null,
                "{\"name\":\"Cliente " + UUID.randomUUID() + "\",\"kind\":\"PERSON\"}")).getJsonNumber("id").longValue();
        HttpResponse<String> created = call(base, "ana", "POST", "api/v1/subjects", null, "{\"title\":\"" + title
                + "\",\"customerId\":" + customer + ",\"responsible\":\"ana\",\"amount\":250}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).getJsonNumber("id").longValue();
    }
}
