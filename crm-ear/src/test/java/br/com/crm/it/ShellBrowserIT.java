package br.com.crm.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging in and out, the shell and its languages, in real headless Chromium against a real Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class ShellBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL base;

    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest
    @CsvSource({"admin,admin,Administrador,true", "ana,ana,Ana Souza,false", "bruno,bruno,Bruno Lima,false",
            "vera,vera,Vera Martins,false"})
    void eachDemoRoleLogsInSeesTheShellAndLogsOut(String user, String password, String name, boolean admin) {
        driver = Browser.start("pt-BR");

        driver.get(Http.resolve(base, "login.xhtml").toString());
        String sessionBefore = sessionId();
        Browser.login(driver, base, user, password);

        assertThat(driver.findElements(By.id("shell:menu"))).hasSize(1);
        assertThat(driver.findElement(By.id("shell:menu")).getText()).contains("Vendas");
        assertThat(driver.findElement(By.id("shell:userMenu")).getText()).contains(name);
        assertThat(driver.findElement(By.id("shell:menu")).getText().contains("Configurações"))
                .as("only administrators see the settings menu").isEqualTo(admin);
        assertThat(sessionId()).as("a new session id after login").isNotEqualTo(sessionBefore);

        logout();
        assertThat(driver.getCurrentUrl()).contains("/crm/login.xhtml");
        assertThat(driver.getPageSource()).contains("Você saiu do CRM.");
        driver.get(Http.resolve(base, "index.xhtml").toString());
        assertThat(driver.getCurrentUrl()).as("after logout, pages need a login again").contains("login.xhtml");
    }

    @Test
    void wrongPasswordGetsAClearMessage() {
        driver = Browser.start("pt-BR");

        Browser.login(driver, base, "ana", "wrong");

        assertThat(driver.findElement(By.id("login:messages")).getText())
                .contains("Usuário ou senha inválidos.");
        assertThat(driver.findElements(By.id("shell:menu"))).isEmpty();
    }

    @Test
    void englishBrowserGetsEnglishAndUsersCanSwitch() {
        driver = Browser.start("en-US");

        driver.get(Http.resolve(base, "login.xhtml").toString());
        assertThat(driver.findElement(By.id("login")).getText()).contains("User name").contains("Password");

        Browser.login(driver, base, "admin", "admin");
        assertThat(driver.findElement(By.id("shell:menu")).getText()).contains("Sales").contains("Settings");

        driver.findElement(By.id("shell:userMenu_button")).click();
        Browser.waiting(driver).until(ExpectedConditions.elementToBeClickable(By.id("shell:langPt"))).click();
        Browser.waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("shell:menu"),
                "Vendas"));
        assertThat(driver.findElement(By.id("shell:menu")).getText()).contains("Configurações");
    }

    @Test
    void aPageThatWasAskedForIsShownAfterLogin() {
        driver = Browser.start("pt-BR");

        driver.get(Http.resolve(base, "settings/sales.xhtml").toString());
        assertThat(driver.getCurrentUrl()).contains("login.xhtml");
        driver.findElement(By.id("login:username")).sendKeys("admin");
        driver.findElement(By.id("login:password")).sendKeys("admin");
        driver.findElement(By.id("login:submit")).click();

        Browser.waiting(driver).until(ExpectedConditions.urlContains("settings/sales.xhtml"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Configurações de vendas");
    }

    @Test
    void settingsAreForbiddenToNonAdministratorsAndErrorsShowNoStackTrace() {
        driver = Browser.start("pt-BR");
        Browser.login(driver, base, "ana", "ana");

        driver.get(Http.resolve(base, "settings/sales.xhtml").toString());
        assertThat(driver.getPageSource()).contains("Seu perfil não permite acessar esta página.");

        driver.get(Http.resolve(base, "no-such-page.xhtml").toString());
        assertThat(driver.getPageSource()).contains("A página que você procurou não existe.")
                .doesNotContain("Caused by").doesNotContain("at org.").doesNotContain("at br.com");
    }

    private String sessionId() {
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    private void logout() {
        driver.findElement(By.id("shell:userMenu_button")).click();
        Browser.waiting(driver).until(ExpectedConditions.elementToBeClickable(By.id("shell:logout"))).click();
        Browser.waiting(driver).until(ExpectedConditions.urlContains("login.xhtml"));
    }
}
