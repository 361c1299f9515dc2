package crm;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A sales floor: every virtual user logs in with the login form (a session of its own) as one of the data set's
 * sellers and then, for the run's duration, does what a sales person does, with a think time between steps: opens
 * the funnel, scrolls a column (its next page), opens a subject, adds an activity there and completes it, moves a
 * card on the funnel, filters the list, opens the report, and opens a small page (the floor). Every step goes
 * through the pages as a browser sends them (Faces GETs and PrimeFaces ajax postbacks, the view state and the CSP
 * nonce carried along), so the cost measured is that of the screens, not of the REST API.
 * <p>
 * System properties: {@code base} (http://localhost:8181/crm), {@code users} (50), {@code ramp} seconds (users
 * start evenly over it, 30), {@code duration} seconds each user keeps working after its login (120), {@code think}
 * milliseconds between steps, as min-max (500-1500), {@code sellers} (20: seller1 … seller20), {@code password}
 * (bench), {@code mode} ({@code floor}: the mix; {@code sessions}: each user logs in, opens the funnel, the list and
 * a subject once and then only keeps its session, for the memory run).
 */
public class SalesFloor extends Simulation {

    static final String BASE = System.getProperty("base", "http://localhost:8181/crm");
    static final int USERS = Integer.getInteger("users", 50);
    static final int RAMP = Integer.getInteger("ramp", 30);
    static final int DURATION = Integer.getInteger("duration", 120);
    static final int SELLERS = Integer.getInteger("sellers", 20);
    static final String PASSWORD = System.getProperty("password", "bench");
    static final String MODE = System.getProperty("mode", "floor");
    static final int THINK_MIN;
    static final int THINK_MAX;

    static {
        String[] think = System.getProperty("think", "500-1500").split("-");
        THINK_MIN = Integer.parseInt(think[0]);
        THINK_MAX = Integer.parseInt(think[think.length - 1]);
    }

    static final String VIEW_STATE = "input[name='jakarta.faces.ViewState']";
    static final String NONCE = "PrimeFaces\\.csp\\.init\\('([^']+)'\\)";
    /** A partial response's new view state, when Faces sends one. */
    static final String NEW_VIEW_STATE = "jakarta\\.faces\\.ViewState:\\d+\"><!\\[CDATA\\[([^\\]]+)\\]\\]>";
    /** OmniFaces' view scope of the page: the browser tells the server when it leaves the page (a beacon). */
    static final String UNLOAD = "OmniFaces\\.Unload\\.init\\('([^']+)'\\)";
    static final Pattern COLUMN = Pattern.compile("class=\"crm-column-body\"[^>]*data-stage=\"(\\d+)\"");
    static final Pattern CARD = Pattern.compile("data-subject=\"(\\d+)\" data-version=\"(\\d+)\"");
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("pt-BR,pt;q=0.9")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("crm-load (Gatling)")
            .disableCaching()
            .shareConnections();

    static ChainBuilder think() {
        return pause(Duration.ofMillis(THINK_MIN), Duration.ofMillis(THINK_MAX));
    }

    /** A PrimeFaces ajax postback of the page last opened, as its script sends it. */
    static HttpRequestActionBuilder ajax(String name, String page, String form, String source, String execute,
                                         String render) {
        return http(name).post(page)
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .formParam("jakarta.faces.partial.ajax", "true")
                .formParam("jakarta.faces.source", source)
                .formParam("jakarta.faces.partial.execute", execute)
                .formParam("jakarta.faces.partial.render", render)
                .formParam(source, source)
                .formParam(form, form)
                .formParam("jakarta.faces.ViewState", "#{viewState}")
                .formParam("primefaces.nonce", "#{nonce}")
                .check(status().is(200))
                .check(substring("<partial-response").exists())
                .check(substring("<error>").notExists())
                .check(regex(NEW_VIEW_STATE).optional().saveAs("viewState"));
    }

    /** A page of the module, opened as a browser opens it: first the beacon that says the last page was left. */
    static ChainBuilder open(String name, String path) {
        HttpRequestActionBuilder get = http(name).get(path)
                .check(status().is(200))
                .check(css(VIEW_STATE, "value").optional().saveAs("viewState"))
                .check(regex(NONCE).optional().saveAs("nonce"))
                .check(regex(UNLOAD).optional().saveAs("unload"));
        // The beacon goes to the page's form action: the page without its query.
        String here = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return exec(leave()).exec(session -> session.set("here", here)).exec(get);
    }

    /** The beacon a page with view-scoped beans sends when the browser leaves it (OmniFaces' unload). */
    static ChainBuilder leave() {
        return doIf(session -> session.contains("unload")).then(
                exec(http("leave a page (beacon)").post("#{here}")
                        .formParam("omnifaces.event", "unload")
                        .formParam("id", "#{unload}")
                        .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .check(status().is(200)))
                        .exec(session -> session.remove("unload")));
    }

    static ChainBuilder login() {
        return exec(session -> session.set("seller",
                        "seller" + (1 + (int) (session.userId() % SELLERS))))
                .exec(http("login page").get("/login.xhtml")
                        .check(status().is(200))
                        .check(css(VIEW_STATE, "value").saveAs("viewState"))
                        .check(regex(NONCE).saveAs("nonce")))
                .exec(http("login").post("/login.xhtml")
                        .formParam("login", "login")
                        .formParam("login:username", "#{seller}")
                        .formParam("login:password", PASSWORD)
                        .formParam("login:submit", "")
                        .formParam("next", "")
                        .formParam("jakarta.faces.ViewState", "#{viewState}")
                        .formParam("primefaces.nonce", "#{nonce}")
                        .check(status().is(200))
                        // The funnel after the redirect: the login worked.
                        .check(substring("crm-board").exists()));
    }

    /** The funnel page: its view state, and the ids the moves and the scroll need. */
    static ChainBuilder funnel() {
        return exec(leave()).exec(session -> session.set("here", "/index.xhtml"))
                .exec(http("funnel").get("/index.xhtml")
                .check(status().is(200))
                .check(css(VIEW_STATE, "value").saveAs("viewState"))
                .check(regex(NONCE).saveAs("nonce"))
                .check(regex(UNLOAD).optional().saveAs("unload"))
                .check(regex("crmDrop = function\\(\\) \\{return PrimeFaces\\.ab\\(\\{s:\"([^\"]+)\"").saveAs("drop"))
                .check(bodyString().saveAs("board")))
                .exec(SalesFloor::pickMove);
    }

    /** A card of a column that is not the last (closing) one, and the next column's stage. */
    static Session pickMove(Session session) {
        String board = session.getString("board");
        Matcher columns = COLUMN.matcher(board);
        List<int[]> bounds = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        while (columns.find()) {
            bounds.add(new int[]{columns.end()});
            stages.add(columns.group(1));
        }
        session = session.remove("board");
        if (stages.size() < 3) {
            return session.markAsFailed();
        }
        // From one of the open columns but the one before the closing stage, to the next one: never into closing.
        int from = ThreadLocalRandom.current().nextInt(stages.size() - 2);
        Matcher cards = CARD.matcher(board).region(bounds.get(from)[0], bounds.get(from + 1)[0]);
        List<String[]> found = new ArrayList<>();
        while (cards.find()) {
            found.add(new String[]{cards.group(1), cards.group(2)});
        }
        if (found.isEmpty()) {
            return session.markAsFailed();
        }
        String[] card = found.get(ThreadLocalRandom.current().nextInt(found.size()));
        return session.set("column", from).set("next", from + 1).set("subject", card[0]).set("version", card[1])
                .set("to", stages.get(from + 1));
    }

    static ChainBuilder scroll() {
        return exec(ajax("column next page", "/index.xhtml", "board", "board:columns:#{column}:more",
                "board:columns:#{column}:more", "board:columns:#{column}:column"));
    }

    static ChainBuilder move() {
        // What the page's script asks to draw anew: the two columns, the figures and the dialog's form.
        return exec(ajax("move", "/index.xhtml", "board", "#{drop}", "#{drop}",
                "board:columns:#{column}:column board:columns:#{next}:column board:figures moveForm")
                .formParam("subject", "#{subject}")
                .formParam("version", "#{version}")
                .formParam("stage", "#{to}"));
    }

    static ChainBuilder subject() {
        return open("subject", "/subject/view.xhtml?id=#{subject}");
    }

    static ChainBuilder addAndCompleteActivity() {
        return exec(session -> session.set("due", LocalDateTime.now().plusDays(1).withHour(10).withMinute(0)
                        .format(DUE)))
                .exec(ajax("add activity", "/subject/view.xhtml?id=#{subject}", "activities",
                        "activities:saveActivity", "activities:activityForm", "activities timeline")
                        .formParam("activities:kind_input", "CALL")
                        .formParam("activities:description", "Retornar a ligação (carga)")
                        .formParam("activities:dueAt_input", "#{due}")
                        .formParam("activities:activityResponsible_input", "#{seller}")
                        .check(regex("data-activity=\"(\\d+)\"").saveAs("doneActivity"))
                        .check(regex("data-activity=\"\\d+\"[^>]*data-version=\"(\\d+)\"").saveAs("doneVersion")))
                .exec(think())
                // The "done" button opens its dialog in the page; the confirmation posts the row's activity.
                .exec(ajax("complete", "/subject/view.xhtml?id=#{subject}", "doneForm", "doneForm:confirmDone",
                        "doneForm", "activities timeline")
                        .formParam("doneForm:activity", "#{doneActivity}")
                        .formParam("doneForm:version", "#{doneVersion}")
                        .formParam("doneForm:result", "Feito"));
    }

    static ChainBuilder list() {
        return exec(session -> session.set("filter", "benchmark+" + ThreadLocalRandom.current().nextInt(1, 100))
                        .set("tag", 1 + ThreadLocalRandom.current().nextInt(3)))
                .exec(open("list, filtered", "/list.xhtml?q=#{filter}&tag=#{tag}"));
    }

    static ChainBuilder report() {
        return open("report", "/report.xhtml");
    }

    /** The floor: a small authenticated Faces page (the layout and a form of three fields). */
    static ChainBuilder smallPage() {
        return open("floor: small page", "/account/password.xhtml");
    }

    ScenarioBuilder floor = scenario("sales floor").exec(login()).during(Duration.ofSeconds(DURATION)).on(
            exec(think(), funnel(), think(), scroll(), think(), subject(), think(), addAndCompleteActivity(),
                    think(), funnel(), think(), move(), think(), list(), think(), report(), think(), smallPage()));

    /** Logged in, three screens opened, then only the session kept until the run ends. */
    ScenarioBuilder sessions = scenario("sessions").exec(login(), funnel(), list(), subject(),
            pause(Duration.ofSeconds(DURATION)));

    {
        setUp(("sessions".equals(MODE) ? sessions : floor).injectOpen(rampUsers(USERS).during(RAMP)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
