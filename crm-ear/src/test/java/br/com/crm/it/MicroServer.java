package br.com.crm.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

import java.io.File;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URL;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real Payara Micro deliverable, as the build made it ({@code crm-micro.war}), deployed at {@code /crm} on a
 * Payara Micro that the test classes share: one start for the run instead of one per class (Arquillian's way, a
 * deployment per class, spent about a third of the suite's time starting servers). Arquillian's Payara Micro
 * container starts it with the build's settings (demo users, the run's database, {@code --nohazelcast}, the log in
 * {@code target/micro.log}); the database is the run's own in any case, and every test makes its own data.
 * <p>
 * A class whose tests leave state in the server's memory that would spoil others (throttled logins from this
 * address, say) is marked {@link Fresh}: it gets a server of its own, stopped after it. The URL of the module goes
 * into the test's {@link Base} field.
 */
final class MicroServer implements BeforeAllCallback, TestInstancePostProcessor {

    /** The field that receives the module's URL ({@code http://host:port/crm/}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Base {
    }

    /** This class's tests get a Micro of their own, started for them and stopped after them. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Fresh {
    }

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        serverFor(context.getRequiredTestClass());
    }

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws IllegalAccessException {
        URL url = serverFor(test.getClass()).url;
        for (Class<?> type = test.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Base.class)) {
                    field.setAccessible(true);
                    field.set(test, url);
                }
            }
        }
    }

    /** The server for {@code testClass}: the shared one, or a fresh one when the class (or the last one) asks. */
    private static synchronized Running serverFor(Class<?> testClass) {
        if (running != null && running.testClass == testClass) {
            return running;
        }
        boolean fresh = testClass.isAnnotationPresent(Fresh.class);
        if (running != null && (fresh || running.fresh)) {
            running.stop();
            running = null;
        }
        if (running == null) {
            running = Running.start(fresh);
            // Stopped when the test run ends (the failsafe JVM's own end), whoever used it last.
            Running started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "it-micro-stop"));
        }
        running.testClass = testClass;
        return running;
    }

    /**
     * A Micro started by Arquillian's Payara Micro container (its command line, random port and readiness check,
     * as in the per-class deployments before), driven here so that it outlives one test class.
     */
    private static final class Running {
        final PayaraMicroDeployableContainer container;
        final WebArchive war;
        final URL url;
        final boolean fresh;
        Class<?> testClass;

        private Running(PayaraMicroDeployableContainer container, WebArchive war, URL url, boolean fresh) {
            this.container = container;
            this.war = war;
            this.url = url;
            this.fresh = fresh;
        }

        static Running start(boolean fresh) {
            Database.serveH2();
            // The archive's name is the context root on Payara Micro.
            WebArchive war = ShrinkWrap.create(WebArchive.class, "crm.war").merge(ShrinkWrap.createFromZipFile(
                    WebArchive.class, new File(System.getProperty("crm.microWar", "target/crm-micro.war"))));
            // Reads payara.microJar and payara.extraMicroOptions (the build's settings) from the system properties.
            PayaraMicroContainerConfiguration configuration = new PayaraMicroContainerConfiguration();
            PayaraMicroDeployableContainer container = new PayaraMicroDeployableContainer();
            try {
                configuration.validate();
                container.setup(configuration);
                container.start();
                HTTPContext http = container.deploy(war).getContexts(HTTPContext.class).iterator().next();
                URL url = URI.create("http://" + http.getHost() + ":" + http.getPort() + "/crm/").toURL();
                return new Running(container, war, url, fresh);
            } catch (Exception e) {
                throw new IllegalStateException("Payara Micro did not start with the module: " + e, e);
            }
        }

        /**
         * Stops the server and waits until it is gone: Arquillian only signals the process, and the next Micro needs
         * the database and the ports this one holds.
         */
        void stop() {
            try {
                container.undeploy(war);
                container.stop();
            } catch (Exception e) {
                System.err.println("Stopping Payara Micro: " + e);
            }
            ProcessHandle.current().children()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                    .forEach(Running::awaitExit);
        }

        private static void awaitExit(ProcessHandle micro) {
            try {
                micro.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                System.err.println("Payara Micro (pid " + micro.pid() + ") still ran 30 s after it was stopped: killed");
                micro.destroyForcibly();
                micro.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
