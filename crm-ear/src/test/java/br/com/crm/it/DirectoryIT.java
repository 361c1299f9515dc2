package br.com.crm.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The company's directory instead of the module's own users ({@code crm.identity=ldap}, configuration only): the
 * real WAR in a Payara Micro of its own, started with the directory settings in its environment, against a real
 * LDAP server ({@link CompanyDirectory}) and a database of its own (an H2 file, or a PostgreSQL schema with
 * {@code -Ppostgresql}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryIT {

    private static final String PASSWORD = "Diretorio-" + UUID.randomUUID();

    private CompanyDirectory directory;
    private Process micro;
    private String base;
    private Path log;

    @BeforeAll
    void start() throws Exception {
        directory = new CompanyDirectory();
        directory.person("carla", "Carla Souza", PASSWORD, CompanyDirectory.ADMINS);
        directory.person("bruno", "Bruno Lima", PASSWORD, CompanyDirectory.SELLERS, "Financeiro");
        directory.person("davi", "Davi Rocha", PASSWORD, CompanyDirectory.VIEWERS);
        directory.person("eva", "Eva Prado", PASSWORD, "Financeiro");
        directory.person("fabio", "Fábio Nunes", PASSWORD, CompanyDirectory.SELLERS);
        directory.person("gabi", "Gabriela Reis", PASSWORD, CompanyDirectory.VIEWERS);
        directory.person("helena", "Helena Dias", PASSWORD, CompanyDirectory.SELLERS);

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/crm/";
        Path target = Path.of(System.getProperty("crm.it.logDir"));
        log = target.resolve("directory-micro.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", System.getProperty("payara.microJar"), "--nohazelcast", "--port", String.valueOf(port),
                "--contextroot", "crm", "--deploy", System.getProperty("crm.microWar"),
                "--prebootcommandfile", target.resolve("../../src/payara/pre-boot-commands.asadmin").normalize()
                        .toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only what this test gives it: not the demo and database settings of the other Micro tests.
        builder.environment().keySet().removeIf(name -> name.startsWith("CRM_"));
        builder.environment().putAll(database(target));
        builder.environment().putAll(CompanyDirectory.asEnvironment(directory.settings()));
        builder.environment().put("CRM_MAIL_HOST", "127.0.0.1");
        micro = builder.start();
        await("the module on the directory").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    assertThat(micro.isAlive()).as("Micro ended; see " + log).isTrue();
                    return ready();
                });
    }

    @AfterAll
    void stop() throws Exception {
        if (micro != null) {
            micro.destroy();
            micro.waitFor();
        }
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void aPersonOfTheDirectoryLogsInWithTheRoleTheirGroupsGive() {
        assertThat(get("api/v1/users", "carla", PASSWORD).statusCode()).as("CRM-Admins: crm-admin").isEqualTo(200);
        assertThat(get("api/v1/users", "bruno", PASSWORD).statusCode()).as("CRM-Vendas: not an admin").isEqualTo(403);
        assertThat(post("api/v1/customers", "bruno", customer()).statusCode()).as("CRM-Vendas: crm-user")
                .isEqualTo(201);
        assertThat(get("api/v1/funnel", "davi", PASSWORD).statusCode()).as("CRM-Consulta reads").isEqualTo(200);
        assertThat(post("api/v1/customers", "davi", customer()).statusCode()).as("crm-viewer writes nothing")
                .isEqualTo(403);

        assertThat(get("api/v1/ping", "eva", PASSWORD).statusCode()).as("in no group of the CRM").isEqualTo(401);
        assertThat(get("api/v1/ping", "carla", "wrong-" + PASSWORD).statusCode()).isEqualTo(401);
        assertThat(get("api/v1/ping", "carla", "").statusCode()).as("an empty password is no anonymous bind")
                .isEqualTo(401);
        assertThat(get("api/v1/ping", "nobody", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(get("api/v1/ping", "*", PASSWORD).statusCode()).as("a filter in the name").isEqualTo(401);
        assertThat(get("api/v1/ping", "carla)(uid=*", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void aPersonGetsAUserRowAtTheFirstLoginAndCanBeResponsibleForSubjects() {
        assertThat(get("api/v1/ping", "bruno", PASSWORD).statusCode()).isEqualTo(200);

        JsonArray found = Api.array(get("api/v1/users?q=bruno", "carla", PASSWORD));
        assertThat(found).hasSize(1);
        JsonObject bruno = found.getJsonObject(0);
        assertThat(bruno.getString("username")).isEqualTo("bruno");
        assertThat(bruno.getString("displayName")).isEqualTo("Bruno Lima");
        assertThat(bruno.getString("email")).isEqualTo("bruno@empresa.test");
        assertThat(bruno.getString("role")).isEqualTo("crm-user");
        assertThat(bruno.getBoolean("mustChangePassword")).isFalse();

        long customer = Api.id(Api.json(post("api/v1/customers", "carla", customer())));
        HttpResponse<String> subject = post("api/v1/subjects", "carla", "{\"title\":\"Do diretório\",\"customerId\":"
                + customer + ",\"responsible\":\"bruno\"}");
        assertThat(subject.statusCode()).as(subject.body()).isEqualTo(201);
        assertThat(Api.json(subject).getString("responsible")).isEqualTo("bruno");
    }

    @Test
    void someoneTakenOutOfTheGroupOrTheDirectoryLosesAccessAtTheNextRequest() throws Exception {
        assertThat(get("api/v1/ping", "fabio", PASSWORD).statusCode()).isEqualTo(200);
        directory.leave("fabio", CompanyDirectory.SELLERS);
        assertThat(get("api/v1/ping", "fabio", PASSWORD).statusCode()).as("out of CRM-Vendas").isEqualTo(401);
        directory.join("fabio", CompanyDirectory.SELLERS);
        assertThat(get("api/v1/ping", "fabio", PASSWORD).statusCode()).as("back in").isEqualTo(200);

        assertThat(get("api/v1/ping", "helena", PASSWORD).statusCode()).isEqualTo(200);
        directory.remove("helena");
        assertThat(get("api/v1/ping", "helena", PASSWORD).statusCode()).as("out of the directory").isEqualTo(401);
    }

    @Test
    void anotherGroupGivesAnotherRoleAtTheNextRequest() throws Exception {
        assertThat(post("api/v1/customers", "gabi", customer()).statusCode()).isEqualTo(403);
        directory.leave("gabi", CompanyDirectory.VIEWERS);
        directory.join("gabi", CompanyDirectory.SELLERS);

        assertThat(post("api/v1/customers", "gabi", customer()).statusCode()).as("now in CRM-Vendas").isEqualTo(201);
        JsonObject gabi = Api.array(get("api/v1/users?q=gabi", "carla", PASSWORD)).getJsonObject(0);
        assertThat(gabi.getString("role")).isEqualTo("crm-user");
        assertThat(gabi.getString("displayName")).isEqualTo("Gabriela Reis");
    }

    @Test
    void newUsersRolesAndPasswordsAreTheDirectorysBusiness() {
        HttpResponse<String> created = post("api/v1/users", "carla", "{\"username\":\"local\",\"displayName\":"
                + "\"Local\",\"role\":\"crm-user\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(created.statusCode()).isEqualTo(409);
        assertThat(created.body()).contains("diretório");

        HttpResponse<String> own = post("api/v1/me/password", "carla", "{\"current\":\"" + PASSWORD
                + "\",\"password\":\"Outra-" + PASSWORD + "\"}");
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(get("api/v1/ping", "carla", PASSWORD).statusCode()).as("the directory's password still")
                .isEqualTo(200);
    }

    private Map<String, String> database(Path target) throws Exception {
        if ("postgresql".equals(System.getProperty("crm.it.db"))) {
            String url = System.getProperty("crm.it.pg.url");
            String user = System.getProperty("crm.it.pg.user");
            String password = System.getProperty("crm.it.pg.password");
            String schema = "crm_directory_" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("create schema " + schema);
            }
            return Map.of("CRM_DB_CLASS", "org.postgresql.ds.PGSimpleDataSource",
                    "CRM_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    "CRM_DB_USER", user, "CRM_DB_PASSWORD", password);
        }
        Path dir = Files.createTempDirectory(target, "directory-h2-");
        return Map.of("CRM_DATA_DIR", dir.toString());
    }

    private boolean ready() {
        try {
            // MicroProfile Health answers at the server's root, not the module's.
            return Api.send(HttpRequest.newBuilder(URI.create(base).resolve("/health/ready")).build())
                    .statusCode() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private HttpResponse<String> get(String path, String user, String password) {
        return Api.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", Api.basic(user, password)).build());
    }

    private HttpResponse<String> post(String path, String user, String json) {
        return Api.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", Api.basic(user, PASSWORD)).header("Content-Type", "application/json")
                .header("Accept-Language", "pt-BR")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static String customer() {
        return "{\"name\":\"Cliente do diretório " + Api.token() + "\",\"kind\":\"PERSON\"}";
    }
}
