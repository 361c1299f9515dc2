import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the server's time went during a load run (load.sh with CRM_LOAD_JFR=true records it): the share of the
 * CPU samples of request threads whose stack holds each part of the stack (one sample may count in several), the
 * hottest methods (the sample's top frame), the module's own hottest frames, and the garbage collector's pauses.
 *
 * java src/benchmark/Profile.java RECORDING.jfr
 */
public class Profile {

    /** Parts of the stack, as the issue names them, each by the frames that belong to it. */
    static final Map<String, Pattern> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("Faces: restore and save the view state", Pattern.compile(
                "StateManag|StateHelper|saveState|restoreState|ViewHandlingStrategy\\.(restoreView|saveView)"));
        PARTS.put("Faces: build the component tree (Facelets)", Pattern.compile("facelets|buildView"));
        PARTS.put("Faces: render (encode)", Pattern.compile("\\.encode(All|Begin|Children|End)|Renderer\\.encode"));
        PARTS.put("EL", Pattern.compile("org\\.glassfish\\.expressly|jakarta\\.el\\.|com\\.sun\\.el\\."));
        PARTS.put("JSON-B", Pattern.compile("org\\.eclipse\\.yasson"));
        PARTS.put("EJB container (proxies, transactions)", Pattern.compile("com\\.sun\\.ejb\\.|EJBContainer"));
        PARTS.put("CDI (Weld proxies, contexts)", Pattern.compile("org\\.jboss\\.weld"));
        PARTS.put("security: login and role checks", Pattern.compile(
                "soteria|com\\.sun\\.enterprise\\.security|isUserInRole|isCallerInRole|HttpAuthenticationMechanism"));
        PARTS.put("PBKDF2 (password hashing)", Pattern.compile("PBKDF2|com\\.sun\\.crypto\\.provider\\.HmacCore"));
        PARTS.put("JPA (EclipseLink)", Pattern.compile("org\\.eclipse\\.persistence"));
        PARTS.put("JDBC driver and pool", Pattern.compile("org\\.postgresql|com\\.sun\\.gjc|ConnectionHolder"));
        PARTS.put("the module's own code", Pattern.compile("br\\.com\\.crm"));
        PARTS.put("HTTP (Grizzly) and the servlet container", Pattern.compile(
                "org\\.glassfish\\.grizzly|org\\.apache\\.catalina"));
        PARTS.put("gzip", Pattern.compile("Deflater|GZIP"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> parts = new LinkedHashMap<>();
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        int samples = 0;
        int pauses = 0;
        Duration paused = Duration.ZERO;
        Duration longest = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                pauses++;
                paused = paused.plus(event.getDuration("sumOfPauses"));
                if (event.getDuration("longestPause").compareTo(longest) > 0) {
                    longest = event.getDuration("longestPause");
                }
            }
            if (!type.equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            top.merge(name(frames.get(0)), 1, Integer::sum);
            StringBuilder all = new StringBuilder();
            boolean ownSeen = false;
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                all.append(name).append('\n');
                if (!ownSeen && name.startsWith("br.com.crm")) {
                    own.merge(name, 1, Integer::sum);
                    ownSeen = true;
                }
            }
            for (Map.Entry<String, Pattern> part : PARTS.entrySet()) {
                if (part.getValue().matcher(all).find()) {
                    parts.merge(part.getKey(), 1, Integer::sum);
                }
            }
        }
        System.out.println("CPU samples of Java threads: " + samples);
        System.out.println();
        System.out.println("| part of the stack | share of samples |");
        System.out.println("|---|---|");
        int n = Math.max(samples, 1);
        parts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("| %s | %.0f %% |%n", e.getKey(), 100.0 * e.getValue() / n));
        System.out.println();
        System.out.println("Hottest methods (top frame):");
        print(top, n, 20);
        System.out.println("The module's own frames nearest the top:");
        print(own, n, 15);
        System.out.printf("GC: %d collections, %d ms paused in all, longest pause %d ms%n", pauses,
                paused.toMillis(), longest.toMillis());
    }

    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static void print(Map<String, Integer> counts, int samples, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
        System.out.println();
    }
}
