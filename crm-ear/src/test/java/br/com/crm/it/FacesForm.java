package br.com.crm.it;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Faces form as a browser posts it, without the browser: a session of its own (form login), the page read with
 * its view state, every field the form renders sent back with the values a test chooses, and the button pressed
 * (a full postback, so an error reaches the error page with its status instead of an Ajax partial response).
 */
final class FacesForm {

    private static final Pattern FORM = Pattern.compile("<form id=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    private static final Pattern OPTION = Pattern.compile("<option[^>]*value=\"([^\"]*)\"");

    private final Api api;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private FacesForm(Api api) {
        this.api = api;
    }

    /** A browser-like session logged in through the login form as {@code user} (password = user name). */
    static FacesForm loggedIn(Api api, String user) {
        FacesForm session = new FacesForm(api);
        Map<String, String> login = session.fields("login.xhtml", "login");
        login.put("login:username", user);
        login.put("login:password", user);
        HttpResponse<String> answer = session.post("login.xhtml", login, "login:submit");
        assertThat(answer.statusCode()).as("login of %s: %s", user, answer.body()).isEqualTo(302);
        return session;
    }

    /** A session that has not logged in. */
    static FacesForm anonymous(Api api) {
        return new FacesForm(api);
    }

    HttpResponse<String> get(String page) {
        return Api.send(client, api.request(page).header("Accept-Language", "en").GET().build());
    }

    /**
     * The fields of form {@code formId} on {@code page} as the browser would post them untouched: hidden fields
     * (the view state among them) with their values, text fields empty or as filled, the first option of each
     * select, the checked radio button.
     */
    Map<String, String> fields(String page, String formId) {
        HttpResponse<String> answer = get(page);
        assertThat(answer.statusCode()).as("%s: %s", page, answer.body()).isEqualTo(200);
        return fieldsOf(answer.body(), formId);
    }

    /** The fields of form {@code formId} in a page already read, as {@link #fields(String, String)} gives them. */
    static Map<String, String> fieldsOf(String page, String formId) {
        Matcher form = FORM.matcher(page);
        while (form.find()) {
            if (form.group(1).equals(formId)) {
                Map<String, String> fields = parse(form.group(2));
                String nonce = nonce(page);
                if (nonce != null) {
                    fields.put("primefaces.nonce", nonce);
                }
                return fields;
            }
        }
        throw new AssertionError("no form " + formId + " in " + page);
    }

    /** What PrimeFaces' script adds to every postback: the page's Content-Security-Policy nonce (or null). */
    static String nonce(String page) {
        Matcher nonce = NONCE.matcher(page);
        return nonce.find() ? nonce.group(1) : null;
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(form);
        while (field.find()) {
            String attributes = field.group(2);
            String name = attribute(attributes, "name");
            if (name == null) {
                continue;
            }
            String type = attribute(attributes, "type");
            if ("radio".equals(type) || "checkbox".equals(type)) {
                if (attributes.contains("checked")) {
                    // A ticked box without a value sends "on", as browsers do (PrimeFaces' boolean checkbox).
                    String value = attribute(attributes, "value");
                    fields.put(name, value == null ? "on" : value);
                }
                continue;
            }
            if ("submit".equals(type) || "button".equals(type)) {
                continue;
            }
            if (field.group(1).equals("select")) {
                int end = form.indexOf("</select>", field.end());
                Matcher option = OPTION.matcher(form.substring(field.end(), end < 0 ? form.length() : end));
                fields.put(name, option.find() ? option.group(1) : "");
                continue;
            }
            String value = attribute(attributes, "value");
            fields.put(name, value == null ? "" : unescape(value));
        }
        return fields;
    }

    /** Posts {@code fields} back to {@code page} as if {@code button} was pressed. */
    HttpResponse<String> post(String page, Map<String, String> fields, String button) {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        sent.put(button, "");
        return send(page, sent);
    }

    /** Posts exactly {@code fields} to {@code page}, as a page's script may (a beacon, an ajax request). */
    HttpResponse<String> send(String page, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return Api.send(client, api.request(page).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The names of the fields a user types into (not the hidden ones, but for an autocomplete's chosen value). */
    static List<String> typed(Map<String, String> fields) {
        return fields.keySet().stream()
                .filter(name -> name.contains(":") && !name.endsWith("ViewState") && !name.endsWith("_focus"))
                .toList();
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
