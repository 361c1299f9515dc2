package br.com.crm.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster as {@code src/cluster.sh} starts it: two Payara Micro instances clustered by Payara's data grid, on one
 * PostgreSQL, behind HAProxy. Both start at the same moment on an empty database; then a change on one holds on the
 * other, and when the instance holding a user's session is killed ({@code kill -9}) under a load of writes, the user
 * goes on and no answered write is lost or made twice. Only with {@code -Ppostgresql} (an H2 file is one server's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Process cluster;
    private Path dir;
    private int port;
    private GreenMail smtp;
    private Api balancer;
    private Api first;
    private Api second;
    private long startedAt;
    private long readyAt;

    @BeforeAll
    void start() throws Exception {
        emptyTheDatabase();
        port = freePorts(3);
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        dir = Path.of(System.getProperty("crm.it.logDir"), "cluster");
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("crm.clusterScript"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("cluster.out").toFile());
        Map<String, String> env = builder.environment();
        env.put("CRM_PORT", String.valueOf(port));
        env.put("CRM_GRID_PORT", String.valueOf(freePorts(2)));
        env.put("CRM_CLUSTER_NAME", "crm-it-" + Api.token());
        env.put("CRM_CLUSTER_DIR", dir.toString());
        env.put("CRM_BUILD", "false");
        env.put("JAVA_OPTS", "-Xmx512m");
        env.put("CRM_DB_URL", System.getProperty("crm.it.cluster.url"));
        env.put("CRM_DB_USER", System.getProperty("crm.it.db.user"));
        env.put("CRM_DB_PASSWORD", System.getProperty("crm.it.db.password"));
        env.put("CRM_DEMO", "true");
        env.put("CRM_DEMO_FORCE", "true");
        env.put("CRM_MAIL_PORT", String.valueOf(smtpPort));
        env.remove("CRM_DATA_DIR");
        startedAt = System.nanoTime();
        cluster = builder.start();
        balancer = api(port);
        first = api(port + 1);
        second = api(port + 2);
        await("both instances and the balancer").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    assertThat(cluster.isAlive()).as("src/cluster.sh ended; see " + dir).isTrue();
                    return answers(first) && answers(second) && answers(balancer);
                });
        // HAProxy takes an instance in after two passed health checks: until then it sends everything elsewhere.
        Set<String> reached = new HashSet<>();
        await("the balancer sending to both").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> pong = balancer.get("api/v1/ping", "ana", "ana");
                    if (pong.statusCode() == 200) {
                        reached.add(Api.json(pong).getString("instance"));
                    }
                    return reached.size() == 2;
                });
        readyAt = System.nanoTime();
        System.out.printf("ClusterIT: two instances ready %.1f s after src/cluster.sh started%n",
                (readyAt - startedAt) / 1e9);
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            List<ProcessHandle> children = cluster.descendants().toList();
            cluster.destroy();
            cluster.waitFor(30, TimeUnit.SECONDS);
            children.forEach(ProcessHandle::destroyForcibly);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void bothInstancesStartedTogetherOnAnEmptyDatabaseAndMadeEverythingOnce() throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from crm_schema_history where not success")).isZero();
            assertThat(count(s, "select count(*) from crm_user")).as("the four demo users, once").isEqualTo(4);
            assertThat(count(s, "select count(*) from crm_customer")).as("the demo customers, once")
                    .isEqualTo(count(s, "select count(distinct name) from crm_customer"))
                    .isPositive();
        }
    }

    @Test
    @Order(2)
    void pingNamesTheInstanceThatAnsweredAndHealthListsTheMembers() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            seen.add(Api.json(balancer.get("api/v1/ping", "ana", "ana")).getString("instance"));
        }
        assertThat(seen).as("the balancer spreads calls without a session").containsExactlyInAnyOrder("crm-1",
                "crm-2");
        assertThat(Api.json(first.get("api/v1/ping", "ana", "ana")).getString("instance")).isEqualTo("crm-1");
        assertThat(balancer.root().get("metrics").statusCode()).as("the balancer does not route /metrics")
                .isEqualTo(403);

        JsonObject health = Api.json(second.get("api/v1/health", "admin", "admin"));
        JsonObject clusterCheck = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("cluster")).findFirst().orElseThrow()
                .getJsonObject("details");
        assertThat(clusterCheck.getString("instance")).isEqualTo("crm-2");
        assertThat(clusterCheck.getString("members").split(", ")).hasSize(2);
        assertThat(clusterCheck.getString("members")).startsWith("crm-2");
    }

    @Test
    @Order(3)
    void aStageRenamedATagDeletedAndAUserDeactivatedOnOneHoldOnTheOtherAtOnce() {
        JsonObject stage = second.openStage(2);
        long stageId = Api.id(stage);
        assertThat(stageDescription(second, stageId)).isEqualTo(stage.getString("description"));
        String renamed = "Qualificação " + Api.token();
        HttpResponse<String> rename = first.call("admin", "PUT", "api/v1/stages/" + stageId, Api.ifMatch(stage),
                "{\"description\":\"" + renamed + "\",\"descriptionEn\":\"Qualifying\"}");
        assertThat(rename.statusCode()).as(rename.body()).isEqualTo(200);
        await("the rename on the other instance").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> stageDescription(second, stageId).equals(renamed));

        String tagName = "Cluster " + Api.token();
        long tag = second.newTag(tagName, null);
        assertThat(second.get("api/v1/tags", "ana", "ana").body()).contains(tagName);
        assertThat(first.call("admin", "DELETE", "api/v1/tags?id=" + tag, null, null).statusCode()).isEqualTo(200);
        await("the tag gone on the other instance").atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !second.get("api/v1/tags", "ana", "ana").body().contains(tagName));

        String user = "cluster" + Api.token();
        String password = "Senha-do-cluster-" + Api.token();
        HttpResponse<String> created = first.call("admin", "POST", "api/v1/users", null,
                "{\"username\":\"" + user + "\",\"displayName\":\"Cluster\",\"email\":\"" + user
                        + "@empresa.test\",\"role\":\"crm-user\",\"password\":\"" + password + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> own = second.call(user, password, "POST", "api/v1/me/password", null,
                "{\"current\":\"" + password + "\",\"password\":\"" + password + "-nova\"}");
        assertThat(own.statusCode()).as(own.body()).isIn(200, 204);
        assertThat(second.get("api/v1/ping", user, password + "-nova").statusCode()).isEqualTo(200);
        long id = Api.id(Api.json(created));
        assertThat(first.call("admin", "POST", "api/v1/users/" + id + "/deactivate", null, null).statusCode())
                .isIn(200, 204);
        assertThat(second.get("api/v1/ping", user, password + "-nova").statusCode())
                .as("deactivated on crm-1: its remembered login on crm-2 is refused at once").isEqualTo(401);
    }

    @Test
    @Order(4)
    void failedLoginsCountOnTheWholeCluster() {
        String user = "ninguem" + Api.token();
        for (int i = 0; i < 5; i++) {
            assertThat((i % 2 == 0 ? first : second).get("api/v1/ping", user, "errada").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> sixth = first.get("api/v1/ping", user, "errada");
        assertThat(sixth.statusCode()).as("five failures spread on both instances: the sixth waits")
                .isEqualTo(429);
        assertThat(second.get("api/v1/ping", user, "errada").statusCode()).isEqualTo(429);
    }

    @Test
    @Order(5)
    void aMoveOnOneInstanceReachesABoardServedByTheOtherWithinTwoSeconds() {
        long id = first.newSubject("Ao vivo no cluster " + Api.token());
        long target = Api.id(first.openStage(3));
        Browser watcher = new Browser("pt-BR", () -> url(port + 2));
        try {
            watcher.login("bruno");
            watcher.until(d -> Browser.columnOf(d, id) != -1);
            long asked = System.nanoTime();
            first.move(id, "{\"stageId\":" + target + "}");
            watcher.waiting(Duration.ofSeconds(2)).until(d -> Browser.columnOf(d, id) == target);
            System.out.printf("ClusterIT: a move on crm-1 shown by a board on crm-2 after %d ms%n",
                    (System.nanoTime() - asked) / 1_000_000);
        } finally {
            watcher.quit();
        }
    }

    @Test
    @Order(6)
    void mailsQueuedOnBothInstancesAreEachSentOnce() throws Exception {
        int before = smtp.getReceivedMessages().length;
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api on = i % 2 == 0 ? first : second;
            long subject = on.newSubject("Mala direta " + Api.token());
            String title = "Cluster " + i + " " + Api.token();
            HttpResponse<String> queued = on.call("ana", "POST", "api/v1/subjects/" + subject + "/emails", null,
                    "{\"to\":\"cliente" + i + "@cliente.test\",\"subject\":\"" + title + "\",\"body\":\"Olá\"}");
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
            subjects.add(title);
        }
        await("ten mails").atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length - before >= 10);
        Thread.sleep(3_000); // both outboxes poll every second: a mail sent twice would have arrived by now
        MimeMessage[] received = smtp.getReceivedMessages();
        List<String> titles = new ArrayList<>();
        for (int i = before; i < received.length; i++) {
            titles.add(received[i].getSubject());
        }
        assertThat(titles).containsExactlyInAnyOrderElementsOf(subjects);
    }

    /** Last: it kills an instance. */
    @Test
    @Order(7)
    void whenTheInstanceHoldingTheSessionDiesTheUserGoesOnAndNoAnsweredWriteIsLostOrDoubled() throws Exception {
        String token = Api.token();
        balancer.newSubject("Sessão " + token + " um");
        balancer.newSubject("Sessão " + token + " dois");
        Browser user = new Browser("pt-BR", () -> url(port));
        Load load = new Load();
        try {
            user.login("ana");
            user.open("list.xhtml?q=sess%C3%A3o+" + token);
            user.until(ExpectedConditions.presenceOfElementLocated(By.id("list:selectAll")));
            String victim = user.driver().manage().getCookieNamed("CRM_SERVER").getValue();
            String page = user.driver().getCurrentUrl();

            load.start(3);
            Thread.sleep(3_000);
            long pid = Long.parseLong(Files.readString(dir.resolve(victim + ".pid")).strip());
            int answeredBefore = load.answered();
            long killedAt = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            // The next click on the open page: an Ajax postback of its view, now on the other instance.
            user.click(By.id("list:selectAll"));
            try {
                user.waiting(Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("selectionInfo"), "Todos os 2 assuntos"));
            } catch (TimeoutException e) {
                throw new AssertionError("the click after the kill was not answered; the browser shows "
                        + user.driver().getCurrentUrl() + ": " + user.script("return document.body.innerText")
                        + "\nthe balancer's last requests:\n" + lastLines(dir.resolve("haproxy.log"), 30), e);
            }
            long servedAgainAt = System.nanoTime();
            assertThat(user.driver().getCurrentUrl()).as("still on the same page").isEqualTo(page);
            assertThat(user.driver().manage().getCookieNamed("CRM_SERVER").getValue()).isNotEqualTo(victim);
            user.driver().navigate().refresh();
            user.until(ExpectedConditions.presenceOfElementLocated(By.id("shell:menu")));
            assertThat(user.driver().getCurrentUrl()).as("still logged in").isEqualTo(page);

            Thread.sleep(4_000);
            load.stop();
            System.out.printf("ClusterIT: %s killed; the user's next click was answered %d ms later, logged in, "
                    + "on the same page; load: %s%n", victim, (servedAgainAt - killedAt) / 1_000_000, load);
            assertThat(load.answered()).as("writes went on after the kill").isGreaterThan(answeredBefore + 5);
            load.check();
        } finally {
            load.stop();
            user.quit();
        }
    }

    private static String lastLines(Path file, int count) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** Writers through the balancer (no session: spread on both), each on subjects of its own. */
    private final class Load {
        private final AtomicBoolean running = new AtomicBoolean();
        private final ExecutorService workers = Executors.newCachedThreadPool();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final Map<String, Long> created = new ConcurrentHashMap<>();
        private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        private final Map<Long, Long> movedTo = new ConcurrentHashMap<>();
        private final List<String> planned = new CopyOnWriteArrayList<>();
        private final Set<String> unansweredPlans = ConcurrentHashMap.newKeySet();
        private final List<String> statuses = Collections.synchronizedList(new ArrayList<>());

        void start(int writers) {
            running.set(true);
            long customer = balancer.newCustomer();
            long target = Api.id(balancer.openStage(2));
            for (int w = 0; w < writers; w++) {
                int writer = w;
                workers.submit(() -> write(writer, customer, target));
            }
        }

        private void write(int writer, long customer, long target) {
            for (int n = 0; running.get(); n++) {
                String title = "Carga " + writer + "-" + n + " " + Api.token();
                HttpResponse<String> create = send("POST", "api/v1/subjects", null, "{\"title\":\"" + title
                        + "\",\"customerId\":" + customer + ",\"responsible\":\"ana\"}");
                if (create == null || create.statusCode() != 201) {
                    unanswered.add(title);
                    continue;
                }
                JsonObject subject = Api.json(create);
                long id = Api.id(subject);
                created.put(title, id);
                HttpResponse<String> move = send("POST", "api/v1/subjects/" + id + "/move", Api.ifMatch(subject),
                        "{\"stageId\":" + target + "}");
                if (move != null && move.statusCode() == 200) {
                    movedTo.put(id, target);
                }
                String description = "Ligar " + title;
                HttpResponse<String> plan = send("POST", "api/v1/subjects/" + id + "/activities", null,
                        Api.activity("CALL", description, OffsetDateTime.now().plusDays(1), "ana"));
                if (plan != null && plan.statusCode() == 201) {
                    planned.add(description);
                } else {
                    unansweredPlans.add(description);
                }
            }
        }

        private HttpResponse<String> send(String method, String path, String ifMatch, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(balancer.uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", Api.basic("ana", "ana")).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            try {
                HttpResponse<String> response = CLIENT.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() / 100 == 2) {
                    answered.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                    statuses.add(method + " " + path + " " + response.statusCode());
                }
                return response;
            } catch (Exception e) {
                refused.incrementAndGet();
                statuses.add(method + " " + path + " " + e.getClass().getSimpleName());
                return null;
            }
        }

        int answered() {
            return answered.get();
        }

        void stop() throws InterruptedException {
            running.set(false);
            workers.shutdown();
            workers.awaitTermination(60, TimeUnit.SECONDS);
        }

        /**
         * No write was answered with a server error (the killed instance's unanswered ones are the balancer's 502 or
         * a broken connection); every answered write is in the database once; an unanswered one at most once.
         */
        void check() throws SQLException {
            synchronized (statuses) {
                assertThat(statuses).as("writes answered with a server error").noneMatch(s -> s.endsWith(" 500"));
            }
            try (Connection c = connection()) {
                Map<String, Integer> subjects = counts(c, "select title, count(*) from crm_subject where title like "
                        + "'Carga %' group by title");
                created.keySet().forEach(title -> assertThat(subjects.get(title)).as(title).isEqualTo(1));
                unanswered.forEach(title -> assertThat(subjects.getOrDefault(title, 0)).as(title).isLessThanOrEqualTo(1));
                Map<String, Integer> activities = counts(c, "select description, count(*) from crm_activity where "
                        + "description like 'Ligar Carga %' group by description");
                planned.forEach(d -> assertThat(activities.get(d)).as(d).isEqualTo(1));
                unansweredPlans.forEach(d -> assertThat(activities.getOrDefault(d, 0)).as(d).isLessThanOrEqualTo(1));
                try (PreparedStatement stage = c.prepareStatement("select stage_id from crm_subject where id = ?")) {
                    for (Map.Entry<Long, Long> moved : movedTo.entrySet()) {
                        stage.setLong(1, moved.getKey());
                        try (ResultSet rs = stage.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getLong(1)).as("subject " + moved.getKey()).isEqualTo(moved.getValue());
                        }
                    }
                }
            }
        }

        @Override
        public String toString() {
            return answered + " writes answered 2xx, " + refused + " not (" + created.size() + " subjects, "
                    + movedTo.size() + " moves, " + planned.size() + " activities); refused: "
                    + summary(statuses);
        }
    }

    private static String summary(List<String> statuses) {
        Map<String, Integer> by = new HashMap<>();
        synchronized (statuses) {
            statuses.forEach(s -> by.merge(s.replaceAll("/\\d+", "/{id}"), 1, Integer::sum));
        }
        return by.toString();
    }

    private static String stageDescription(Api on, long id) {
        return Api.array(on.get("api/v1/stages", "ana", "ana")).getValuesAs(JsonObject.class).stream()
                .filter(stage -> Api.id(stage) == id).findFirst().orElseThrow().getString("description");
    }

    private static Map<String, Integer> counts(Connection c, String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }


    private static boolean answers(Api api) {
        try {
            return api.get("api/v1/ping", "ana", "ana").statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The cluster's own database, emptied: both instances then start on nothing. */
    private static void emptyTheDatabase() throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(System.getProperty("crm.it.cluster.url"),
                System.getProperty("crm.it.db.user"), System.getProperty("crm.it.db.password"));
    }

    private static Api api(int port) {
        return new Api(url(port));
    }

    private static URL url(int port) {
        return toUrl("http://127.0.0.1:" + port + "/crm/");
    }

    private static URL toUrl(String address) {
        try {
            return URI.create(address).toURL();
        } catch (Exception e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** The first of {@code n} consecutive free ports (the balancer and its instances, the grid's members). */
    private static int freePorts(int n) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = freePort();
            if (base + n > 65_535) {
                continue;
            }
            boolean all = true;
            for (int i = 1; i < n && all; i++) {
                try (ServerSocket next = new ServerSocket(base + i)) {
                    all = next.getLocalPort() == base + i;
                } catch (Exception e) {
                    all = false;
                }
            }
            if (all) {
                return base;
            }
        }
        throw new IllegalStateException("no " + n + " consecutive free ports");
    }
}
