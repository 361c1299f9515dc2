package br.com.crm.it;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Debian's headless Chromium, driven by its own chromedriver (no driver download), logged in as a demo user and
 * pointed at the module's pages. Tests get one per parameter from {@link BrowserExtension}, which also keeps the
 * screenshot and page of a failed test and quits it; {@code @Browser.Language("en-US")} on the parameter for
 * another language than pt-BR.
 */
final class Browser {

    /** The language Chromium asks pages in (default pt-BR). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Language {
        String value();
    }

    /** A phone instead of a desktop window: Chromium's mobile emulation, 390 × 844 CSS pixels, touch. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Phone {
    }

    private final ChromeDriver driver;
    private final Api api;

    Browser(String language, Supplier<URL> base) {
        this(language, false, base);
    }

    Browser(String language, boolean phone, Supplier<URL> base) {
        this.driver = start(language, phone);
        this.api = new Api(base);
    }

    private static ChromeDriver start(String language, boolean phone) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=1400,900",
                    "--lang=" + language,
                    "--user-data-dir=" + Files.createTempDirectory("crm-chromium-"));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            if (phone) {
                options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                        Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true)));
            }
            // The console, to find what the Content-Security-Policy refused.
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("webdriver.chrome.driver",
                            "/usr/bin/chromedriver")))
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of the module, {@code path} relative to its base URL (e.g. {@code "list.xhtml?q=x"}). */
    Browser open(String path) {
        driver.get(api.uri(path).toString());
        return this;
    }

    /** Logs in as a demo user (password = user name) and waits for the shell. */
    Browser login(String user) {
        login(user, user);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("shell:menu")));
        return this;
    }

    /** Fills the login form and submits it; the caller checks where it landed (the shell or an error). */
    Browser login(String user, String password) {
        open("login.xhtml");
        driver.findElement(By.id("login:username")).sendKeys(user);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        waiting().until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("shell:menu")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login\\:messages .ui-messages-error"))));
        return this;
    }

    /** 15 seconds, finding again what Ajax replaced between finding and reading it. */
    WebDriverWait waiting() {
        return waiting(Duration.ofSeconds(15));
    }

    WebDriverWait waiting(Duration timeout) {
        // Ajax updates replace elements between finding one and reading it; conditions on a locator find it again.
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** {@link #waiting()} until the condition holds (or is non-null), returning what it returned. */
    <V> V until(Function<? super WebDriver, V> condition) {
        return waiting().until(condition);
    }

    WebElement find(By locator) {
        return driver.findElement(locator);
    }

    List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Chooses a value of a PrimeFaces select through the component's own client API. */
    void select(String widgetId, String value) {
        script("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1])", widgetId, value);
    }

    /** A push's change made elsewhere (no page's own), as the "funnel" channel sends it. */
    static final String SOMEONE_ELSES_CHANGE = "{kind: 'SUBJECT_MOVED', stages: [], subjects: [], many: false, "
            + "origin: ''}";

    /** Counts the page's requests to the server from now on (PrimeFaces' ajax goes through XMLHttpRequest). */
    void countRoundTrips() {
        script("window.crmRoundTrips = 0; var send = XMLHttpRequest.prototype.send;"
                + "XMLHttpRequest.prototype.send = function () { window.crmRoundTrips++;"
                + " return send.apply(this, arguments); };");
    }

    /** The page's requests since {@link #countRoundTrips()}. */
    long roundTrips() {
        return ((Number) script("return window.crmRoundTrips")).longValue();
    }

    /** Clicks what the locator finds; a live update may re-render it under the click, then it clicks again. */
    void click(By locator) {
        waiting().ignoring(ElementClickInterceptedException.class).until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    /**
     * The session's cookies, as a Cookie header sends them: to download what the logged-in user downloads. All of
     * them: a distributable session has a version cookie beside its id ({@code JSESSIONIDVERSION}).
     */
    String sessionCookie() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** GETs a link of the page (e.g. an export) in this browser's session. */
    HttpResponse<String> fetch(String href) {
        return Api.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", sessionCookie()).build());
    }

    /** {@link #fetch(String)} for binary content. */
    HttpResponse<byte[]> download(String href) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", sessionCookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(href + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(href + ": " + e, e);
        }
    }

    /** The page as it is now: {@code name.png} and {@code name.html} in {@code directory}. */
    void keep(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(directory.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    }

    /**
     * Runs Deque's axe-core on the page as it is now (WCAG 2.x A and AA rules and best practices) and fails listing
     * every serious or critical violation: its rule, impact, help and the selectors of the elements concerned.
     * Minor and moderate findings are left to review. Transitions are finished first: axe measures the colours a
     * user sees once the page holds still, not a button caught half-way through a fade.
     */
    Browser accessible() {
        script("if (!document.getElementById('crm-test-still')) {"
                + " const style = document.createElement('style'); style.id = 'crm-test-still';"
                + " style.textContent = '*, *::before, *::after { transition: none !important; }';"
                + " document.head.appendChild(style); }");
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                "wcag22aa", "best-practice")).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not run on " + driver.getCurrentUrl() + ": "
                    + results.getErrorMessage());
        }
        List<String> violations = results.getViolations().stream()
                .filter(rule -> SERIOUS.contains(rule.getImpact()))
                .map(Browser::withoutTolerated)
                .filter(rule -> !rule.getNodes().isEmpty())
                .map(Browser::describe).toList();
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility violations (axe-core) on " + driver.getCurrentUrl() + ":\n"
                    + String.join("\n", violations));
        }
        return this;
    }

    private static final List<String> SERIOUS = List.of("serious", "critical");

    /**
     * The one finding left out, as narrowly as it can be: target-size on an event of the agenda's week calendar
     * (FullCalendar inside p:schedule). Activities at the same hour share their slot side by side, and short ones are
     * as tall as their duration; the page cannot size them without hiding some (FullCalendar's "+N" link then breaks
     * an ARIA rule itself). Every such activity is also a full-size link in the agenda's lists above the calendar.
     */
    private static Rule withoutTolerated(Rule rule) {
        if ("target-size".equals(rule.getId())) {
            rule.setNodes(rule.getNodes().stream()
                    .filter(node -> !String.valueOf(node.getHtml()).contains("fc-timegrid-event")).toList());
        }
        return rule;
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                .collect(Collectors.joining(", "))
                + rule.getNodes().stream().findFirst().map(node -> " (first: " + node.getFailureSummary()
                .replace('\n', ' ') + ")").orElse("");
    }

    /** Keys typed into whatever has the focus, as a keyboard does (no element is found or clicked). */
    void keys(CharSequence... keys) {
        for (CharSequence key : keys) {
            driver.switchTo().activeElement().sendKeys(key);
        }
    }

    /** Tabs forward until the focus is on what the CSS selector finds (at most 120 times), as a keyboard user does. */
    void tabTo(String selector) {
        for (int i = 0; i < 120; i++) {
            if (focused(selector)) {
                return;
            }
            keys(Keys.TAB);
        }
        throw new AssertionError("Tabbing never reached " + selector + "; the focus is on " + script(
                "return document.activeElement && document.activeElement.outerHTML.substring(0, 200)"));
    }

    /** Whether the focus is on what the CSS selector finds. */
    boolean focused(String selector) {
        return Boolean.TRUE.equals(script(
                "return !!document.activeElement && document.activeElement.matches(arguments[0])", selector));
    }

    /**
     * Whether the page is no wider than the window: nothing sticks out to scroll the whole page sideways. On a phone
     * the window's width grows to what sticks out (the page is zoomed out), hence the screen's width too.
     */
    boolean fitsTheWidth() {
        return Boolean.TRUE.equals(script("return document.documentElement.scrollWidth"
                + " <= Math.min(window.innerWidth, screen.width)"));
    }

    /** What the page's Content-Security-Policy refused since the last call (a script, a handler, a style...). */
    List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** The stage whose column shows the subject's card on the open board, or -1 when none shows it. */
    static long columnOf(WebDriver driver, long id) {
        try {
            return Long.parseLong(driver.findElement(By.cssSelector(".crm-card[data-subject='" + id + "']"))
                    .findElement(By.xpath("ancestor::div[contains(@class,'crm-column-body')]"))
                    .getAttribute("data-stage"));
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return -1;
        }
    }

    void quit() {
        driver.quit();
    }
}
