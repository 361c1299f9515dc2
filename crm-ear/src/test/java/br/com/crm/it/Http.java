package br.com.crm.it;

import java.net.MalformedURLException;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP client for calling the module as integrators do. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    public static HttpResponse<String> get(URL base, String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(base, path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.GET().build());
    }

    public static HttpResponse<String> get(URL base, String path) {
        return get(base, path, null, null);
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return send(CLIENT, request);
    }

    /** With a client of the test's own, e.g. one that keeps a session cookie. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static URI resolve(URL base, String path) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root).resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The server root (where /health and /openapi live), from the application's URL. */
    public static URL serverRoot(URL applicationUrl) {
        try {
            return new URL(applicationUrl.getProtocol(), applicationUrl.getHost(), applicationUrl.getPort(), "/");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
