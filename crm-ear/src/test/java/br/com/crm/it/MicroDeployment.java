package br.com.crm.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The real Payara Micro deliverable, as the build made it, deployed at /crm. */
public final class MicroDeployment {

    private MicroDeployment() {
    }

    public static WebArchive war() {
        awaitEarlierMicrosGone();
        Database.serveH2();
        File war = new File(System.getProperty("crm.microWar", "target/crm-micro.war"));
        // The archive's name is the context root on Payara Micro.
        return ShrinkWrap.create(WebArchive.class, "crm.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
    }

    /**
     * Arquillian stops a test class's Micro with {@code Process.destroy()} and does not wait: the next class's Micro
     * then starts while the last one still shuts down (its data grid, its pool) and holds the H2 file, cannot open
     * the database and deploys nothing, so every request of that class is a 404. Arquillian calls this (the
     * {@code @Deployment} method) before it starts the next Micro.
     */
    private static void awaitEarlierMicrosGone() {
        ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                .forEach(MicroDeployment::awaitExit);
    }

    private static void awaitExit(ProcessHandle micro) {
        try {
            micro.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.err.println("An earlier Payara Micro (pid " + micro.pid() + ") still ran 30 s after it was "
                    + "stopped: killed");
            micro.destroyForcibly();
            micro.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
