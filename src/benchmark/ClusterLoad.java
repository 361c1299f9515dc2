import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of a mix of writes and reads through one URL (the balancer of src/cluster.sh, or one instance): each
 * of WRITERS loops create a subject, move it, plan an activity on it and read the funnel, for SECONDS after a
 * warm-up of the same length. Prints operations per second and p50/p95 per operation.
 *
 * java src/benchmark/ClusterLoad.java BASE_URL USER PASSWORD [WRITERS=8] [SECONDS=60]
 */
public class ClusterLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        String basic = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2])
                .getBytes(StandardCharsets.UTF_8));
        int writers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        String customer = send(client, base, basic, "POST", "api/v1/customers",
                "{\"name\":\"Carga " + UUID.randomUUID() + "\",\"kind\":\"PERSON\"}", 201);
        long customerId = id(customer);
        List<Long> stages = new ArrayList<>();
        Matcher stage = Pattern.compile("\"id\":(\\d+)").matcher(send(client, base, basic, "GET", "api/v1/stages",
                null, 200));
        while (stage.find()) {
            stages.add(Long.parseLong(stage.group(1)));
        }

        Map<String, List<Long>> warm = run(client, base, basic, writers, seconds, customerId, stages.get(1));
        System.out.printf("warm-up: %d operations%n", warm.values().stream().mapToInt(List::size).sum());
        Map<String, List<Long>> timed = run(client, base, basic, writers, seconds, customerId, stages.get(1));
        int total = timed.entrySet().stream().filter(e -> !e.getKey().startsWith("error"))
                .mapToInt(e -> e.getValue().size()).sum();
        System.out.printf("%d writers, %d s: %d operations, %.1f per second%n", writers, seconds, total,
                total / (double) seconds);
        timed.forEach((name, nanos) -> {
            if (name.startsWith("error")) {
                System.out.printf("  %-12s %d%n", name, nanos.size());
                return;
            }
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            System.out.printf("  %-12s %6d  p50 %6.1f ms  p95 %6.1f ms%n", name, sorted.size(),
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6);
        });
    }

    private static Map<String, List<Long>> run(HttpClient client, String base, String basic, int writers,
                                               int seconds, long customer, long target) throws Exception {
        Map<String, List<Long>> timings = new ConcurrentHashMap<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicInteger counter = new AtomicInteger();
        for (int w = 0; w < writers; w++) {
            pool.submit(() -> {
                while (System.nanoTime() < until) {
                    try {
                        String created = timed(timings, "create", () -> send(client, base, basic, "POST",
                                "api/v1/subjects", "{\"title\":\"Carga " + counter.incrementAndGet() + "\","
                                        + "\"customerId\":" + customer + ",\"responsible\":\"ana\"}", 201));
                        long id = id(created);
                        timed(timings, "move", () -> send(client, base, basic, "POST",
                                "api/v1/subjects/" + id + "/move", "{\"stageId\":" + target + "}", 200,
                                "\"" + version(created) + "\""));
                        timed(timings, "activity", () -> send(client, base, basic, "POST",
                                "api/v1/subjects/" + id + "/activities", "{\"kind\":\"CALL\",\"description\":"
                                        + "\"Ligar\",\"dueAt\":\"" + OffsetDateTime.now().plusDays(1)
                                        + "\",\"responsible\":\"ana\"}", 201));
                        timed(timings, "funnel", () -> send(client, base, basic, "GET", "api/v1/funnel", null, 200));
                    } catch (RuntimeException e) {
                        timings.computeIfAbsent("error " + e.getMessage().replaceAll("\\d+", "#"),
                                k -> Collections.synchronizedList(new ArrayList<>())).add(0L);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        return new TreeMap<>(timings);
    }

    private interface Call {
        String call();
    }

    private static String timed(Map<String, List<Long>> timings, String name, Call call) {
        long start = System.nanoTime();
        String body = call.call();
        timings.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(System.nanoTime() - start);
        return body;
    }

    private static String send(HttpClient client, String base, String basic, String method, String path,
                               String json, int expected) {
        return send(client, base, basic, method, path, json, expected, null);
    }

    private static String send(HttpClient client, String base, String basic, String method, String path,
                               String json, int expected, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path.replaceAll("\\d+", "#") + " answered "
                        + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static long version(String json) {
        Matcher m = Pattern.compile("\"version\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no version in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
