package br.com.crm.it;

import java.io.IOException;
import java.util.Map;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;

/** Debian's headless Chromium, driven by its own chromedriver (no driver download). */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start(String language) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--window-size=1400,900",
                    "--lang=" + language,
                    "--user-data-dir=" + Files.createTempDirectory("crm-chromium-"));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
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

    public static WebDriverWait waiting(WebDriver driver) {
        // Ajax updates replace elements between finding one and reading it; conditions on a locator find it again.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Fills the login form and submits it; the caller checks where it landed. */
    public static void login(WebDriver driver, URL base, String user, String password) {
        driver.get(Http.resolve(base, "login.xhtml").toString());
        driver.findElement(By.id("login:username")).sendKeys(user);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        waiting(driver).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("shell:menu")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login\\:messages .ui-messages-error"))));
    }
}
