package br.com.crm.it;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;

import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browsers for browser tests: each {@link Browser} (or {@link WebDriver}) parameter of a test method is a fresh
 * headless Chromium on the module the test class deployed (its {@code @MicroServer.Base URL} field). After the
 * test, the extension quits them all; when the test failed, it first keeps what each browser showed in
 * {@code target/failsafe-reports/browser/<TestClass>.<method>.png} and {@code .html} (a second browser of the
 * same test adds {@code -2}, a repetition or parameterised run {@code [n]}). {@code @Browser.Phone} on the parameter
 * for a phone-sized, touch browser.
 */
final class BrowserExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final Pattern INVOCATION = Pattern.compile("#(\\d+)]$");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || type == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String language = parameter.findAnnotation(Browser.Language.class).map(Browser.Language::value)
                .orElse("pt-BR");
        Browser browser = new Browser(language, parameter.isAnnotated(Browser.Phone.class),
                base(context.getRequiredTestInstance()));
        browsers(context).add(browser);
        return parameter.getParameter().getType() == Browser.class ? browser : browser.driver();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Browser> browsers = browsers(context);
        List<String> refused = new ArrayList<>();
        try {
            context.getExecutionException().ifPresent(failure -> keep(context, browsers));
            browsers.forEach(browser -> refused.addAll(browser.policyViolations()));
        } finally {
            browsers.forEach(BrowserExtension::quit);
            browsers.clear();
        }
        // Every page runs under its Content-Security-Policy: what it refused is a feature that no longer works.
        if (context.getExecutionException().isEmpty() && !refused.isEmpty()) {
            throw new AssertionError("Refused by the Content-Security-Policy: " + refused);
        }
    }

    private static void keep(ExtensionContext context, List<Browser> browsers) {
        Path directory = Path.of(System.getProperty("basedir", "."), "target", "failsafe-reports", "browser");
        Matcher invocation = INVOCATION.matcher(context.getUniqueId());
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                + (invocation.find() ? "[" + invocation.group(1) + "]" : "");
        for (int i = 0; i < browsers.size(); i++) {
            String file = name + (i == 0 ? "" : "-" + (i + 1));
            try {
                browsers.get(i).keep(directory, file);
                System.out.println("Browser at the failure of " + name + ": " + directory.resolve(file) + ".png/.html");
            } catch (Exception e) {
                System.out.println("Could not keep the browser of " + name + ": " + e);
            }
        }
    }

    private static void quit(Browser browser) {
        try {
            browser.quit();
        } catch (RuntimeException e) {
            System.out.println("Could not quit a browser: " + e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Browser> browsers(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("browsers", key -> new ArrayList<Browser>(),
                List.class);
    }

    /** The test's {@code @MicroServer.Base URL} field, read when the browser first needs it. */
    private static Supplier<URL> base(Object test) {
        for (Class<?> type = test.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == URL.class && field.isAnnotationPresent(MicroServer.Base.class)) {
                    field.setAccessible(true);
                    return () -> {
                        try {
                            return (URL) field.get(test);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    };
                }
            }
        }
        throw new IllegalStateException(test.getClass().getName() + " has no @MicroServer.Base URL field");
    }
}
