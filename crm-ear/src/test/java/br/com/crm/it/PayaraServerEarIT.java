package br.com.crm.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system test of the EAR: a fresh domain of the real Payara Server 6 distribution, then exactly the documented
 * installation ({@code src/payara-server/install.sh}) with the real {@code crm.ear}, then the page, the REST ping, health
 * and the database.
 * The database is a fresh H2 file, or a fresh PostgreSQL schema with {@code -Ppostgresql}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraServerEarIT {

    private static final int PORT_BASE = 28000;
    private static final int ADMIN_PORT = PORT_BASE + 48;
    private static final int HTTP_PORT = PORT_BASE + 80;
    private static final String DOMAIN = "crm-it";
    private static final String FIRST_ADMIN = "chief";
    private static final int SMTP_PORT = 2525;

    private final Path home = Path.of(System.getProperty("crm.payaraServerHome"));
    private final Path domains = home.resolve("../it-domains").normalize();
    private final String firstAdminPassword = "pw-" + UUID.randomUUID();
    private final String dbPassword = "db-" + UUID.randomUUID();
    private final boolean postgresql = "postgresql".equals(System.getProperty("crm.it.db"));
    private final String schema = "crm_ear_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private String dbUrl;
    private String dbUser;
    private URL base;
    private final Api http = new Api(() -> base);

    @BeforeAll
    void installIntoAFreshDomain() throws Exception {
        prepareDatabase();
        asadmin("delete-domain", "--domaindir", domains.toString(), DOMAIN); // a leftover of an aborted run
        assertThat(asadmin("create-domain", "--nopassword=true", "--checkports=true",
                "--portbase", String.valueOf(PORT_BASE), "--domaindir", domains.toString(), DOMAIN)).isZero();
        assertThat(asadmin("start-domain", "--domaindir", domains.toString(), DOMAIN)).isZero();

        Map<String, String> env = Map.ofEntries(
                Map.entry("ASADMIN", home.resolve("bin/asadmin").toString()),
                Map.entry("ASADMIN_OPTS", "--port " + ADMIN_PORT),
                Map.entry("CRM_DB_CLASS",
                        postgresql ? "org.postgresql.ds.PGSimpleDataSource" : "org.h2.jdbcx.JdbcDataSource"),
                Map.entry("CRM_DB_URL", dbUrl),
                Map.entry("CRM_DB_USER", dbUser),
                Map.entry("CRM_DB_PASSWORD", dbPassword),
                Map.entry("CRM_ADMIN_USERNAME", FIRST_ADMIN),
                Map.entry("CRM_ADMIN_PASSWORD", firstAdminPassword),
                Map.entry("CRM_MAIL_HOST", "127.0.0.1"),
                Map.entry("CRM_MAIL_PORT", String.valueOf(SMTP_PORT)),
                Map.entry("CRM_MAIL_PASSWORD", "mail-" + UUID.randomUUID()));
        int installed = run(List.of("bash", System.getProperty("crm.installScript"),
                System.getProperty("crm.ear")), env, Duration.ofMinutes(5));
        assertThat(installed).as("install.sh exit code").isZero();

        base = new URL("http://127.0.0.1:" + HTTP_PORT + "/crm/");
        awaitReadiness();
        reportMemory();
    }

    /**
     * The server answers its readiness check before any test runs; when it does not, the failure carries the end of
     * the domain's log (a CI run once found the HTTP port closed after a successful install, with nothing to read).
     */
    private void awaitReadiness() throws IOException {
        try {
            await("readiness after the install").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> http.root().get("health/ready").statusCode() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Path log = domains.resolve(DOMAIN).resolve("logs/server.log");
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no " + log + ")");
            throw new AssertionError("Payara Server did not become ready; the end of its log:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size())), e);
        }
    }

    /** For the README's figures: the resident memory of the server with the module deployed. */
    private void reportMemory() {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(DOMAIN) && c.contains("java")).orElse(false))
                .forEach(p -> {
                    try {
                        String rss = Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream()
                                .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?");
                        System.out.println("Payara Server with crm.ear: " + rss.replaceAll("\\s+", " "));
                    } catch (IOException e) {
                        System.out.println("Payara Server memory unknown: " + e.getMessage());
                    }
                });
    }

    @AfterAll
    void stopAndRemoveTheDomain() throws Exception {
        asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        asadmin("delete-domain", "--domaindir", domains.toString(), DOMAIN);
        if (postgresql) {
            try (Connection c = DriverManager.getConnection(System.getProperty("crm.it.pg.url"),
                    System.getProperty("crm.it.pg.user"), System.getProperty("crm.it.pg.password"))) {
                c.createStatement().execute("drop schema if exists " + schema + " cascade");
                c.createStatement().execute("drop role if exists " + schema);
            }
        }
    }

    @Test
    void servesTheLoginPage() {
        HttpResponse<String> page = http.get("login.xhtml");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"login:username\"").contains("Senha");
        assertThat(http.get("index.xhtml").statusCode()).as("pages need a login").isEqualTo(302);
    }

    @Test
    void theFirstAdministratorCanCallTheApiAndThereAreNoDemoUsers() {
        HttpResponse<String> ping = http.get("api/v1/ping", FIRST_ADMIN, firstAdminPassword);

        assertThat(ping.statusCode()).isEqualTo(200);
        JsonObject pong = Api.json(ping);
        assertThat(pong.getString("user")).isEqualTo(FIRST_ADMIN);
        assertThat(pong.getString("version")).isNotBlank();
        assertThat(http.get("api/v1/ping", "admin", "admin").statusCode())
                .as("outside demo mode there is no default password").isEqualTo(401);
    }

    @Test
    void theFunnelWorksInTheEar() {
        HttpResponse<String> funnel = http.get("api/v1/funnel", FIRST_ADMIN, firstAdminPassword);
        assertThat(funnel.statusCode()).isEqualTo(200);
        assertThat(funnel.body()).contains("Prospecção").contains("Encerrado");

        // The board page after a form login: web module, EJB module and CDI across both in one EAR.
        HttpClient browser = loggedIn();
        HttpResponse<String> board = Api.send(browser,
                HttpRequest.newBuilder(http.uri("index.xhtml")).build());
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("crm-column").contains("Negociação").doesNotContain("Algo deu errado");
    }

    /**
     * The outbox is in the database: an e-mail queued while the mail server is down survives a restart of the
     * server and is delivered once, after it, when the mail server is up.
     */
    @Test
    void anEmailQueuedBeforeARestartIsDeliveredOnceAfterIt() throws Exception {
        String address = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "@cliente.test";
        long customer = Api.json(api("POST", "api/v1/customers", "{\"name\":\"Cliente reinício\",\"kind\":\"PERSON\"}"))
                .getJsonNumber("id").longValue();
        long subject = Api.json(api("POST", "api/v1/subjects", "{\"title\":\"Reinício\",\"customerId\":" + customer
                + ",\"responsible\":\"" + FIRST_ADMIN + "\"}")).getJsonNumber("id").longValue();
        HttpResponse<String> queued = api("POST", "api/v1/subjects/" + subject + "/emails", "{\"to\":\"" + address
                + "\",\"subject\":\"Antes do reinício\",\"body\":\"Olá\"}");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api("GET", "api/v1/subjects/" + subject + "/emails", null).body())
                        .as("no mail server yet").contains("\"QUEUED\"").doesNotContain("\"SENT\""));

        // Faster rounds after the restart, set the way an administrator sets any configuration of the module.
        asadmin("set-config-property", "--source=domain", "--propertyName=crm.mail.poll-seconds", "--propertyValue=1");
        asadmin("set-config-property", "--source=domain", "--propertyName=crm.mail.retry-seconds", "--propertyValue=1");
        // The administrator's hardening, which waits for a restart anyway: this one.
        assertThat(run(List.of("bash", Path.of(System.getProperty("crm.installScript")).resolveSibling("harden.sh")
                .toString()), Map.of("ASADMIN", home.resolve("bin/asadmin").toString(),
                "ASADMIN_OPTS", "--port " + ADMIN_PORT), Duration.ofMinutes(3))).as("harden.sh exit code").isZero();
        assertThat(asadmin("restart-domain", "--domaindir", domains.toString(), DOMAIN)).isZero();
        HttpResponse<String> afterRestart = api("GET", "api/v1/ping", null);
        assertThat(afterRestart.headers().firstValue("Server")).as("hardened: no Server header").isEmpty();
        assertThat(afterRestart.headers().firstValue("X-Powered-By")).isEmpty();
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            await("delivered after the restart").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(smtp, address) > 0);
            assertThat(count(smtp, address)).as("delivered after the restart").isEqualTo(1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(count(smtp, address)).as("exactly once").isEqualTo(1));
            assertThat(api("GET", "api/v1/subjects/" + subject + "/emails", null).body()).contains("\"SENT\"");
        } finally {
            smtp.stop();
        }
    }

    private static long count(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.toString(m.getAllRecipients()).contains(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    /** A call as the first administrator, waiting through a restart (the server answers 503 or not at all). */
    private HttpResponse<String> api(String method, String path, String json) {
        return await("the server answers " + method + " " + path).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Api.send(http.request(path, FIRST_ADMIN, firstAdminPassword)
                                .header("Content-Type", "application/json")
                                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json)).build()),
                        response -> response.statusCode() != 503 && response.statusCode() != 404);
    }

    /**
     * The documented way to point the module at the company's directory: the install script again, with the
     * directory's settings (the service account's password as an alias). Last, since from then on the directory
     * says who logs in.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void pointedAtTheCompanysDirectoryItsPeopleLogInWithTheRolesTheirGroupsGive() throws Exception {
        try (CompanyDirectory directory = new CompanyDirectory()) {
            String password = "Diretorio-" + UUID.randomUUID();
            directory.person("marta", "Marta Alves", password, CompanyDirectory.ADMINS);
            directory.person("nuno", "Nuno Costa", password, CompanyDirectory.SELLERS);
            Map<String, String> env = new HashMap<>(CompanyDirectory.asEnvironment(directory.settings()));
            env.put("ASADMIN", home.resolve("bin/asadmin").toString());
            env.put("ASADMIN_OPTS", "--port " + ADMIN_PORT);
            int installed = run(List.of("bash", System.getProperty("crm.installScript"),
                    System.getProperty("crm.ear")), env, Duration.ofMinutes(5));
            assertThat(installed).as("install.sh exit code").isZero();
            awaitReadiness();

            HttpResponse<String> users = await("the redeployed module").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> http.get("api/v1/users?q=nuno", "marta", password),
                            response -> response.statusCode() != 503 && response.statusCode() != 404);
            assertThat(users.statusCode()).as("CRM-Admins: crm-admin").isEqualTo(200);
            assertThat(http.get("api/v1/users", "nuno", password).statusCode()).isEqualTo(403);
            assertThat(http.get("api/v1/funnel", "nuno", password).statusCode()).as("CRM-Vendas").isEqualTo(200);
            JsonObject nuno = Api.array(http.get("api/v1/users?q=nuno", "marta", password)).getJsonObject(0);
            assertThat(nuno.getString("displayName")).isEqualTo("Nuno Costa");
            assertThat(nuno.getString("role")).isEqualTo("crm-user");
            assertThat(http.get("api/v1/ping", FIRST_ADMIN, firstAdminPassword).statusCode())
                    .as("the module's own passwords no longer open it").isEqualTo(401);

            directory.leave("nuno", CompanyDirectory.SELLERS);
            assertThat(http.get("api/v1/funnel", "nuno", password).statusCode()).as("out of the group")
                    .isEqualTo(401);
        }
    }

    /** No demo here, so the ERP's views are missing: the ERP is "down", and the CRM goes on without it. */
    @Test
    void withoutItsErpTheModuleSaysSoInPlainWordsAndKeepsWorking() {
        long customer = Api.json(api("POST", "api/v1/customers", "{\"name\":\"Sem ERP\",\"kind\":\"COMPANY\","
                + "\"taxId\":\"11.222.333/0001-81\"}")).getJsonNumber("id").longValue();
        long subject = Api.json(api("POST", "api/v1/subjects", "{\"title\":\"Sem ERP\",\"customerId\":" + customer
                + ",\"responsible\":\"" + FIRST_ADMIN + "\"}")).getJsonNumber("id").longValue();

        HttpResponse<String> sales = http.get("api/v1/customers/" + customer + "/sales", FIRST_ADMIN,
                firstAdminPassword);
        assertThat(sales.statusCode()).isEqualTo(503);
        assertThat(sales.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(Api.json(sales).getString("detail")).contains("ERP");
        assertThat(api("GET", "api/v1/funnel", null).statusCode()).as("the CRM works").isEqualTo(200);

        HttpResponse<String> health = http.root().get("health/ready");
        assertThat(health.statusCode()).as("the module stays up").isEqualTo(200);
        assertThat(health.body()).as("public readiness says UP or DOWN only").contains("crm-erp")
                .doesNotContain("reason", "\"erp\"");
        HttpResponse<String> details = api("GET", "api/v1/health", null);
        assertThat(details.statusCode()).as(details.body()).isEqualTo(200);
        assertThat(details.body()).as("administrators see why").contains("crm-erp")
                .containsPattern("\"erp\"\\s*:\\s*\"DOWN\"").contains("reason");

        HttpClient browser = loggedIn();
        HttpResponse<String> board = Api.send(browser,
                HttpRequest.newBuilder(http.uri("index.xhtml")).build());
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("O ERP não respondeu");
        HttpResponse<String> page = Api.send(browser, HttpRequest.newBuilder(
                http.uri("subject/view.xhtml?id=" + subject)).build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("erpUnavailable").contains("Sem ERP").doesNotContain("Algo deu errado");
    }

    /** A browser-like client after the form login of the first administrator. */
    private HttpClient loggedIn() {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager()).build();
        String form = Api.send(browser, HttpRequest.newBuilder(http.uri("login.xhtml")).build())
                .body();
        Matcher viewState = Pattern
                .compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertThat(viewState.find()).isTrue();
        String body = "login=login&login%3Ausername=" + FIRST_ADMIN + "&login%3Apassword=" + firstAdminPassword
                + "&login%3Asubmit=&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8)
                + "&primefaces.nonce=" + URLEncoder.encode(FacesForm.nonce(form), StandardCharsets.UTF_8);
        HttpResponse<String> login = Api.send(browser, HttpRequest.newBuilder(http.uri("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(login.statusCode()).isEqualTo(302);
        return browser;
    }

    @Test
    void healthReportsTheDatabaseUp() {
        HttpResponse<String> health = http.root().get("health/ready");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("crm-database").contains("UP");
    }

    @Test
    void theSchemaWasMigratedAndTheFirstAdministratorStored() throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select count(*) from \"crm_schema_history\" where \"success\" = true and \"version\" is not null")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThan(0);
            }
            try (ResultSet rs = c.createStatement().executeQuery("select r.role, u.password_hash from crm_user u "
                    + "join crm_user_role r on r.user_id = u.id where u.username = '" + FIRST_ADMIN + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("crm-admin");
                assertThat(rs.getString(2)).startsWith("PBKDF2WithHmacSHA256:").doesNotContain(firstAdminPassword);
            }
        }
    }

    /**
     * The database exists before the install with a password only the install script is given, so a running
     * module proves that the password travelled through the domain's password alias.
     */
    private void prepareDatabase() throws SQLException, IOException {
        if (postgresql) {
            String pgUrl = System.getProperty("crm.it.pg.url");
            String pgUser = System.getProperty("crm.it.pg.user");
            try (Connection c = DriverManager.getConnection(pgUrl, pgUser, System.getProperty("crm.it.pg.password"))) {
                c.createStatement().execute("create schema " + schema);
                // The module's role for this test, with its own password: proves the password alias.
                c.createStatement().execute("drop role if exists " + schema);
                c.createStatement().execute("create role " + schema + " login password '" + dbPassword + "'");
                c.createStatement().execute("grant all on schema " + schema + " to " + schema);
            }
            dbUrl = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            dbUser = schema;
        } else {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("crm.it.dataDir")).getParent(), "ear-h2-");
            // AUTO_SERVER: the test reads the file while the server holds it open.
            dbUrl = "jdbc:h2:file:" + dir.resolve("crm") + ";AUTO_SERVER=TRUE";
            dbUser = "crm";
            DriverManager.getConnection(dbUrl, dbUser, dbPassword).close();
        }
    }

    private int asadmin(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        command.add("--port");
        command.add(String.valueOf(ADMIN_PORT));
        command.addAll(List.of(args));
        return run(command, Map.of(), Duration.ofMinutes(3));
    }

    private static int run(List<String> command, Map<String, String> env, Duration timeout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The server must see only what the installation gives it, not the CRM_* settings of the Micro tests.
        builder.environment().keySet().removeIf(name -> name.startsWith("CRM_"));
        builder.environment().putAll(env);
        File log = Files.createTempFile("asadmin-", ".log").toFile();
        builder.redirectOutput(log);
        Process process = builder.start();
        Instant deadline = Instant.now().plus(timeout);
        if (!process.waitFor(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + command);
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        System.out.println(String.join(" ", command) + " (" + Duration.between(deadline.minus(timeout), Instant.now())
                .toMillis() + " ms)\n" + output);
        return process.exitValue();
    }
}
