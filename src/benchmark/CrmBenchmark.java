import java.io.RandomAccessFile;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the module on the large data set (see run.sh), on localhost, p50/p95/p99: the funnel page (first render,
 * logged in), the funnel REST call, a column's next page and a move; the list page at page 1 and page 5,000,
 * unfiltered and with a tag and a text filter; the audit page and its filters over 5,000,000 entries; a bulk archive (and unarchive) of 10,000 subjects; the CSV and Excel
 * exports of 10,000 and 100,000 subjects with the server's heap sampled meanwhile (its /metrics). With a
 * PostgreSQL log whose role logs every statement, it also counts the SQL statements of one render of each page.
 *
 * java src/benchmark/CrmBenchmark.java BASE_URL USER PASSWORD [POSTGRESQL_LOG DB_USER]
 * <p>
 * With {@code --floor} first (load.sh), it measures only the funnel page and the floor under it: a small
 * authenticated Faces page, and writes the SQL statements of one funnel render, their parameters in place, to a
 * file for pgbench to run them straight.
 * <p>
 * java src/benchmark/CrmBenchmark.java --floor BASE_URL USER PASSWORD POSTGRESQL_LOG DB_USER SQL_FILE
 */
public class CrmBenchmark {

    // Steady state: on two cores the JIT's C2 compiler still works through the page code for some hundred renders
    // after start and takes a core while it does; "first" reports the cold call.
    static final int WARMUP = 300;
    static final int RUNS = 300;
    /**
     * The floor's warm-up, in rounds of its three calls. Its figures are a ratio of two renders: a few hundred
     * rounds after start the compilers still take one of the two cores, and slow the page measured first.
     */
    static final int FLOOR_WARMUP = 2_000;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--floor")) {
            floor(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        String user = args[1];
        String password = args[2];
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));

        login(client, base, user, password);

        Supplier<HttpResponse<String>> page = () -> send(client, HttpRequest.newBuilder(URI.create(base + "index.xhtml")).GET().build());
        check(page.get(), 200, "funnel page");
        Supplier<HttpResponse<String>> funnel = () -> send(client, HttpRequest.newBuilder(URI.create(base + "api/v1/funnel"))
                .header("Authorization", basic).GET().build());
        String board = check(funnel.get(), 200, "funnel REST").body();
        Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(board);
        if (!next.find()) {
            throw new IllegalStateException("no column with a next page: load the data set first");
        }
        String cursor = java.net.URLEncoder.encode(next.group(1), StandardCharsets.UTF_8);
        Matcher firstCard = Pattern.compile("\"id\":(\\d+),\"lastActivityAt\"").matcher(board);
        firstCard.find();
        long subject = Long.parseLong(firstCard.group(1));
        Supplier<HttpResponse<String>> nextPage = () -> send(client, HttpRequest.newBuilder(
                URI.create(base + "api/v1/subjects?stage=1&cursor=" + cursor)).header("Authorization", basic).GET().build());
        check(nextPage.get(), 200, "next page");

        Supplier<HttpResponse<String>> move = moves(client, base, basic, subject);

        System.out.println("operation                                 p50 ms   p95 ms   p99 ms  first ms   (" + RUNS
                + " runs after " + WARMUP + " warm-up; first: the very first call)");
        measure("funnel page (render)", page);
        measure("funnel REST", funnel);
        measure("column next page (REST)", nextPage);
        measure("move (REST)", move);

        // Activities: the CRM report over twelve months of 2,000,000 activities; a timeline of 1,000 items.
        String year = "from=" + java.time.LocalDate.now().minusDays(364) + "&to=" + java.time.LocalDate.now();
        for (String report : new String[]{"api/v1/reports/activities?" + year + "&period=MONTH&by=KIND",
                "api/v1/reports/activities?" + year + "&period=DAY&by=USER",
                "api/v1/subjects/10000001/timeline"}) {
            measure(report.replace("api/v1/", "").replaceAll("from=[^&]*&to=[^&]*", "12 months"),
                    () -> check(send(client, HttpRequest.newBuilder(URI.create(base + report))
                            .header("Authorization", basic).GET().build()), 200, report), 5, 40);
        }

        // The forecast over twelve months of 200,000 active subjects (their kept counts by day), REST and page.
        java.time.YearMonth month = java.time.YearMonth.now();
        String months = "from=" + month.minusMonths(2) + "&to=" + month.plusMonths(9);
        for (String forecast : new String[]{"api/v1/reports/forecast?" + months + "&by=MONTH",
                "api/v1/reports/forecast?" + months + "&by=USER", "api/v1/reports/forecast?" + months + "&by=STAGE",
                "api/v1/reports/forecast?" + months + "&by=MONTH&user=seller7"}) {
            measure(forecast.replace("api/v1/reports/", "").replace(months, "12 months"),
                    () -> check(send(client, HttpRequest.newBuilder(URI.create(base + forecast))
                            .header("Authorization", basic).GET().build()), 200, forecast));
        }
        measure("forecast page (render, 12 months)", () -> check(send(client, HttpRequest.newBuilder(
                URI.create(base + "forecast.xhtml?" + months)).GET().build()), 200, "forecast page"));

        // The list of subjects: the URL's page number renders that page (the table's first row).
        String[] lists = {"list.xhtml", "list.xhtml?page=5000", "list.xhtml?q=benchmark&tag=1",
                "list.xhtml?q=benchmark&tag=1&page=5000", "list.xhtml?q=benchmark+12&tag=2"};
        for (String list : lists) {
            Supplier<HttpResponse<String>> render = () -> send(client, HttpRequest.newBuilder(URI.create(base + list))
                    .GET().build());
            measure(list.replace("list.xhtml", "list"), render);
            if (!check(render.get(), 200, list).body().contains("data-rk=")) {
                throw new IllegalStateException(list + ": no rows");
            }
        }

        // The audit trail of 5,000,000 entries: the page as it opens, and the filters through the REST API.
        measure("audit page (render)", () -> check(send(client, HttpRequest.newBuilder(URI.create(base
                + "settings/audit.xhtml")).GET().build()), 200, "audit page"));
        String week = "from=" + java.time.LocalDate.now().minusDays(400) + "&to=" + java.time.LocalDate.now().minusDays(393);
        for (String audit : new String[]{"api/v1/audit", "api/v1/audit?actor=seller7", "api/v1/audit?action=LOGIN_FAILED",
                "api/v1/audit?entity=SUBJECT&id=10000123", "api/v1/audit?" + week,
                "api/v1/audit?actor=seller7&action=EXPORT&" + week, "api/v1/audit?cursor=2500000",
                "api/v1/subjects/10000123/history"}) {
            measure(audit.replace("api/v1/", "").replace(week, "a week"),
                    () -> check(send(client, HttpRequest.newBuilder(URI.create(base + audit))
                            .header("Authorization", basic).GET().build()), 200, audit));
        }

        if (args.length >= 5) {
            long[] counts = countStatements(args[3], args[4], page);
            System.out.println("SQL statements per funnel page render: " + counts[0]
                    + " (besides transaction BEGIN/COMMIT, and " + counts[1]
                    + " connection validation(s) of the pool)");
            long[] listCounts = countStatements(args[3], args[4], () -> send(client, HttpRequest.newBuilder(
                    URI.create(base + "list.xhtml?q=benchmark&tag=1&page=5000")).GET().build()));
            System.out.println("SQL statements per list page render (filtered, page 5,000): " + listCounts[0]
                    + " (and " + listCounts[1] + " connection validation(s))");
        }

        bulk(client, base, basic);
        String metrics = URI.create(base).resolve("/metrics").toString();
        export(client, base, basic, "api/v1/subjects/export.csv?archived=true&max=3300", metrics);
        export(client, base, basic, "api/v1/subjects/export.csv?archived=true&max=33000", metrics);
        export(client, base, basic, "api/v1/subjects/export.xlsx?archived=true&max=3300", metrics);
        export(client, base, basic, "api/v1/subjects/export.xlsx?archived=true&max=33000", metrics);
    }

    /** Archives 10,000 open subjects in one call and unarchives them again, three times; prints each duration. */
    static void bulk(HttpClient client, String base, String basic) {
        StringBuilder ids = new StringBuilder();
        for (long id = 10_000_001; id <= 10_020_000; id += 2) {
            ids.append(ids.length() == 0 ? "" : ",").append(id);
        }
        for (int round = 0; round < 3; round++) {
            for (String action : new String[]{"archive", "unarchive"}) {
                long start = System.nanoTime();
                HttpResponse<String> r = send(client, HttpRequest.newBuilder(URI.create(base + "api/v1/subjects/bulk"))
                        .header("Authorization", basic).header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\",\"ids\":[" + ids + "]}"))
                        .build());
                check(r, 200, "bulk " + action);
                System.out.printf("bulk %-9s of 10,000 subjects: %7.0f ms  %s%n", action,
                        (System.nanoTime() - start) / 1e6, r.body());
            }
        }
    }

    /**
     * Downloads an export to nowhere, timing it and sampling the server's used heap every 50 ms meanwhile (from the
     * server's MicroProfile metrics, which cost the server next to nothing).
     */
    static void export(HttpClient client, String base, String basic, String path, String metrics) throws Exception {
        List<Long> heap = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                heap.add(usedHeap(client, metrics));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long before = usedHeap(client, metrics);
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (java.io.InputStream in = r.body()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        running.set(false);
        sampler.join();
        long peak = heap.stream().mapToLong(Long::longValue).max().orElse(-1);
        System.out.printf("export %-50s HTTP %d, %,d bytes in %,.0f ms; server heap used before %,d MB, peak %,d MB "
                + "(%d samples)%n", path, r.statusCode(), bytes, millis, before >> 20, peak >> 20, heap.size());
    }

    /** The server's used heap in bytes, from its MicroProfile metrics ({@code memory_usedHeap_bytes}). */
    static long usedHeap(HttpClient client, String metrics) {
        String body = send(client, HttpRequest.newBuilder(URI.create(metrics)).GET().build()).body();
        Matcher used = Pattern.compile("(?m)^memory_usedHeap_bytes\\S* ([0-9.E]+)").matcher(body);
        return used.find() ? (long) Double.parseDouble(used.group(1)) : -1;
    }

    static void login(HttpClient client, String base, String user, String password) {
        String form = send(client, HttpRequest.newBuilder(URI.create(base + "login.xhtml")).GET().build()).body();
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form);
        if (!viewState.find()) {
            throw new IllegalStateException("no login form at " + base);
        }
        // A postback carries the page's CSP nonce, or the module refuses it (FacesPostbacks).
        Matcher nonce = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(form);
        if (!nonce.find()) {
            throw new IllegalStateException("no CSP nonce in the login page at " + base);
        }
        String body = "login=login&login%3Ausername=" + user + "&login%3Apassword=" + password
                + "&login%3Asubmit=&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8)
                + "&primefaces.nonce=" + java.net.URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = send(client, HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        check(r, 302, "login");
    }

    static void measure(String name, Supplier<HttpResponse<String>> call) {
        measure(name, call, WARMUP, RUNS);
    }

    static void measure(String name, Supplier<HttpResponse<String>> call, int warmup, int runs) {
        measureInTurn(Map.of(name, call), Map.of(name, call), warmup, runs);
    }

    /**
     * The calls in turn, round after round ({@code warm} for the warm-up, then {@code measured}, by the same names),
     * so that each is measured on the same machine at the same moment: a ratio of two of them is not skewed by what
     * the JIT compilers or the machine did while only one was measured.
     */
    static void measureInTurn(Map<String, Supplier<HttpResponse<String>>> warm,
                              Map<String, Supplier<HttpResponse<String>>> measured, int warmup, int runs) {
        Map<String, Double> first = new LinkedHashMap<>();
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (int round = -warmup; round < runs; round++) {
            for (Map.Entry<String, Supplier<HttpResponse<String>>> call : (round < 0 ? warm : measured).entrySet()) {
                long start = System.nanoTime();
                call.getValue().get();
                double took = (System.nanoTime() - start) / 1e6;
                first.putIfAbsent(call.getKey(), took);
                if (round >= 0) {
                    millis.computeIfAbsent(call.getKey(), k -> new ArrayList<>()).add(took);
                }
            }
        }
        millis.forEach((name, times) -> {
            Collections.sort(times);
            System.out.printf("%-40s %7.1f  %7.1f  %7.1f  %7.1f%n", name, pct(times, 50), pct(times, 95),
                    pct(times, 99), first.get(name));
        });
    }

    /** Moves one subject back and forth between stages 1 and 2 through the REST API, one call per get(). */
    static Supplier<HttpResponse<String>> moves(HttpClient client, String base, String basic, long subject) {
        long[] version = {Long.parseLong(check(send(client, HttpRequest.newBuilder(URI.create(base + "api/v1/subjects/" + subject))
                .header("Authorization", basic).GET().build()), 200, "subject").headers().firstValue("ETag").orElseThrow().replace("\"", ""))};
        int[] flip = {0};
        return () -> {
            long stage = 1 + (flip[0]++ % 2); // between stages 1 and 2
            HttpResponse<String> r = send(client, HttpRequest.newBuilder(URI.create(base + "api/v1/subjects/" + subject + "/move"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .header("If-Match", "\"" + version[0] + "\"")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"stageId\":" + stage + "}")).build());
            check(r, 200, "move");
            version[0] = Long.parseLong(r.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
            return r;
        };
    }

    /** The funnel page and a small page, one user, and the funnel render's SQL written to a file. */
    static void floor(String[] args) throws Exception {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        login(client, base, args[1], args[2]);
        Supplier<HttpResponse<String>> page = () -> check(send(client, HttpRequest.newBuilder(
                URI.create(base + "index.xhtml")).GET().build()), 200, "funnel page");
        String basic = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2])
                .getBytes(StandardCharsets.UTF_8));
        Matcher firstCard = Pattern.compile("\"id\":(\\d+),\"lastActivityAt\"").matcher(check(send(client,
                HttpRequest.newBuilder(URI.create(base + "api/v1/funnel")).header("Authorization", basic).GET()
                        .build()), 200, "funnel REST").body());
        if (!firstCard.find()) {
            throw new IllegalStateException("no card on the board: load the data set first");
        }
        // A move re-counts its subject's stage history for the report, so it costs more as that history grows: the
        // warm-up moves one subject, the measured rounds another, the newest of the third column (after a run it is
        // in the first or second: each run measures a subject of a few entries).
        Matcher freshCard = Pattern.compile("\"id\":(\\d+)").matcher(check(send(client, HttpRequest.newBuilder(
                URI.create(base + "api/v1/subjects?stage=3&limit=1")).header("Authorization", basic).GET().build()),
                200, "third column").body());
        if (!freshCard.find()) {
            throw new IllegalStateException("no card in the third column: load the data set first");
        }
        Supplier<HttpResponse<String>> small = () -> check(send(client, HttpRequest.newBuilder(
                URI.create(base + "account/password.xhtml")).GET().build()), 200, "small page");
        Map<String, Supplier<HttpResponse<String>>> warm = new LinkedHashMap<>();
        warm.put("funnel page (render)", page);
        warm.put("small page (account/password.xhtml)", small);
        warm.put("move (REST)", moves(client, base, basic, Long.parseLong(firstCard.group(1))));
        Map<String, Supplier<HttpResponse<String>>> measured = new LinkedHashMap<>(warm);
        measured.put("move (REST)", moves(client, base, basic, Long.parseLong(freshCard.group(1))));
        System.out.println("operation                                 p50 ms   p95 ms   p99 ms  first ms   (" + RUNS
                + " rounds after " + FLOOR_WARMUP + " of warm-up, the three calls in turn; first: the very first call)");
        measureInTurn(warm, measured, FLOOR_WARMUP, RUNS);
        List<String> log = renderLog(args[3], args[4], page);
        Pattern parameter = Pattern.compile("\\$(\\d+) = ('(?:[^']|'')*'|NULL)");
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < log.size(); i++) {
            Matcher execute = Pattern.compile("LOG:  execute [^:]*: (.*)$").matcher(log.get(i));
            if (!execute.find()) {
                continue;
            }
            String statement = execute.group(1);
            if (i + 1 < log.size() && log.get(i + 1).contains("DETAIL:  parameters: ")) {
                List<String> values = new ArrayList<>();
                Matcher p = parameter.matcher(log.get(i + 1));
                while (p.find()) {
                    values.add(p.group(2));
                }
                // From the last: $10 before $1. A number the driver bound as one stays one where its type
                // decides the expression's (CASE … THEN 1), where a quoted literal would be text.
                for (int n = values.size(); n >= 1; n--) {
                    String value = values.get(n - 1);
                    if (value.matches("'-?\\d+'") && Pattern.compile("(THEN|ELSE) \\$" + n + "\\b").matcher(statement).find()) {
                        value = value.substring(1, value.length() - 1);
                    }
                    statement = statement.replace("$" + n, value);
                }
            }
            // The e-mail outbox and the webhook sender poll their queues every few seconds on the same database
            // user; their polls are not the render's.
            if (!statement.matches("(?i)(BEGIN|COMMIT|ROLLBACK).*")
                    && !statement.matches("(?is).* FROM crm_(mail|webhook_delivery)\\b.*(QUEUED|next_attempt_at).*")) {
                sql.append(statement).append(";\n");
            }
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[5]), sql);
        System.out.println("SQL of one funnel render: " + sql.toString().lines().count() + " statements, in " + args[5]);
    }

    /** The lines PostgreSQL logged for the module's database user while one page rendered. */
    static List<String> renderLog(String log, String dbUser, Supplier<HttpResponse<String>> page) throws Exception {
        long before;
        try (RandomAccessFile f = new RandomAccessFile(log, "r")) {
            before = f.length();
        }
        page.get();
        Thread.sleep(500);
        try (RandomAccessFile f = new RandomAccessFile(log, "r")) {
            f.seek(before);
            byte[] added = new byte[(int) (f.length() - before)];
            f.readFully(added);
            return new String(added, StandardCharsets.UTF_8).lines().filter(l -> l.contains(dbUser + "@")).toList();
        }
    }

    /** Statements the module's database user sent while one page rendered, read from PostgreSQL's log. */
    static long[] countStatements(String log, String dbUser, Supplier<HttpResponse<String>> page) throws Exception {
        List<String> lines = renderLog(log, dbUser, page);
        long statements = lines.stream().filter(l -> l.contains("LOG:  execute")
                || (l.contains("LOG:  statement:") && !l.strip().endsWith("statement:")))
                .filter(l -> !l.contains("BEGIN") && !l.contains("COMMIT") && !l.contains("ROLLBACK")).count();
        // The pool validates a connection with an empty query (Connection.isValid) when it hands it out.
        long validations = lines.stream().filter(l -> l.strip().endsWith("LOG:  statement:")).count();
        return new long[]{statements, validations};
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static HttpResponse<String> check(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
