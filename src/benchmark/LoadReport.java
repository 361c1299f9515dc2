import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Gatling run of load.sh as the table BENCHMARKS.md keeps: per step, requests, errors, requests per second,
 * p50/p95/p99 (Gatling's default percentiles 50, 75, 95, 99, read from the statistics table of the run's
 * index.html); then the server's and the database's CPU time per request and the server's heap.
 *
 * java src/benchmark/LoadReport.java GATLING_RUN_DIRECTORY SERVER_CPU_MS HEAP_MB [DATABASE_CPU_MS]
 */
public class LoadReport {

    static final Pattern STEP = Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>(.*?)</tr>", Pattern.DOTALL);

    public static void main(String[] args) throws Exception {
        String html = Files.readString(Path.of(args[0], "index.html"));
        long cpu = Long.parseLong(args[1]);
        System.out.println("| step | requests | errors | req/s | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        Matcher step = STEP.matcher(html);
        long all = 0;
        String total = null;
        while (step.find()) {
            String cells = step.group(2);
            long requests = Math.round(number(cells, 2));
            String row = String.format("| %s | %d | %d | %.1f | %d | %d | %d |", step.group(1), requests,
                    Math.round(number(cells, 4)), number(cells, 6), Math.round(number(cells, 8)),
                    Math.round(number(cells, 10)), Math.round(number(cells, 11)));
            if (step.group(1).equals("All Requests")) {
                all = requests;
                total = row.replace("All Requests", "**all steps**");
            } else {
                System.out.println(row);
            }
        }
        System.out.println(total);
        if (cpu > 0 && all > 0) {
            System.out.printf("Server CPU time: %.1f s, %.1f ms per request; ", cpu / 1000.0, (double) cpu / all);
            if (args.length > 3) {
                long database = Long.parseLong(args[3]);
                System.out.printf("PostgreSQL CPU time: %.1f s, %.1f ms per request; ", database / 1000.0,
                        (double) database / all);
            }
        }
        System.out.println("heap in use after a full GC: " + args[2] + " MB");
    }

    /** The table's column {@code column} (2 requests, 4 failed, 6 per second, 8 p50, 10 p95, 11 p99); "-" is 0. */
    static double number(String cells, int column) {
        Matcher m = Pattern.compile("class=\"value [a-z]+ col-" + column + "\">([^<]*)<").matcher(cells);
        if (!m.find() || m.group(1).isBlank() || m.group(1).equals("-")) {
            return 0;
        }
        return Double.parseDouble(m.group(1).replace(",", ""));
    }
}
