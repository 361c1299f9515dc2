package br.com.crm.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging in and out, the shell and its languages, in real headless Chromium against a real Payara Micro. */
@ExtendWith({MicroServer.class, BrowserExtension.class})
class ShellBrowserIT {


    @MicroServer.Base
    URL base;

    @ParameterizedTest
    @CsvSource({"admin,admin,Administrador,true", "ana,ana,Ana Souza,false", "bruno,bruno,Bruno Lima,false",
            "vera,vera,Vera Martins,false"})
    void eachDemoRoleLogsInSeesTheShellAndLogsOut(String user, String password, String name, boolean admin,
                                                  Browser browser) {
        browser.open("login.xhtml");
        String sessionBefore = sessionId(browser);
        browser.login(user, password);

        assertThat(browser.findAll(By.id("shell:menu"))).hasSize(1);
        assertThat(browser.find(By.id("shell:menu")).getText()).contains("Vendas");
        assertThat(browser.find(By.id("shell:userMenu")).getText()).contains(name);
        assertThat(browser.find(By.id("shell:menu")).getText().contains("Configurações"))
                .as("only administrators see the settings menu").isEqualTo(admin);
        assertThat(sessionId(browser)).as("a new session id after login").isNotEqualTo(sessionBefore);

        logout(browser);
        assertThat(browser.driver().getCurrentUrl()).contains("/crm/login.xhtml");
        assertThat(browser.driver().getPageSource()).contains("Você saiu do CRM.");
        browser.open("index.xhtml");
        assertThat(browser.driver().getCurrentUrl()).as("after logout, pages need a login again")
                .contains("login.xhtml");
    }

    @Test
    void wrongPasswordGetsAClearMessage(Browser browser) {
        browser.login("ana", "wrong");

        assertThat(browser.find(By.id("login:messages")).getText())
                .contains("Usuário ou senha inválidos.");
        assertThat(browser.findAll(By.id("shell:menu"))).isEmpty();
    }

    @Test
    void englishBrowserGetsEnglishAndUsersCanSwitch(@Browser.Language("en-US") Browser browser) {
        browser.open("login.xhtml");
        assertThat(browser.find(By.id("login")).getText()).contains("User name").contains("Password");

        browser.login("admin");
        assertThat(browser.find(By.id("shell:menu")).getText()).contains("Sales").contains("Settings");

        browser.find(By.id("shell:userMenu_button")).click();
        browser.until(ExpectedConditions.elementToBeClickable(By.id("shell:langPt"))).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shell:menu"), "Vendas"));
        assertThat(browser.find(By.id("shell:menu")).getText()).contains("Configurações");
    }

    @Test
    void aPageThatWasAskedForIsShownAfterLogin(Browser browser) {
        browser.open("settings/sales.xhtml");
        assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml");
        browser.find(By.id("login:username")).sendKeys("admin");
        browser.find(By.id("login:password")).sendKeys("admin");
        browser.find(By.id("login:submit")).click();

        browser.until(ExpectedConditions.urlContains("settings/sales.xhtml"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Configurações de vendas");
    }

    @Test
    void aSessionThatEndedWhileThePageStayedOpenDoesNotSpoilTheNextLogin(Browser browser) {
        browser.login("ana");
        browser.open("list.xhtml");
        browser.driver().manage().deleteCookieNamed("JSESSIONID");

        // A postback from the page whose session is gone (switching the language, in the user menu).
        browser.find(By.id("shell:userMenu_button")).click();
        browser.until(ExpectedConditions.elementToBeClickable(By.id("shell:langEn"))).click();
        browser.until(ExpectedConditions.or(ExpectedConditions.urlContains("login.xhtml"),
                ExpectedConditions.urlContains("expired.xhtml")));
        if (!browser.driver().getCurrentUrl().contains("login.xhtml")) {
            browser.open("login.xhtml");
        }
        browser.find(By.id("login:username")).sendKeys("ana");
        browser.find(By.id("login:password")).sendKeys("ana");
        browser.find(By.id("login:submit")).click();

        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("shell:menu")));
        assertThat(browser.driver().getPageSource()).doesNotContain("Sessão expirada");
    }

    @Test
    void settingsAreForbiddenToNonAdministratorsAndErrorsShowNoStackTrace(Browser browser) {
        browser.login("ana");

        browser.open("settings/sales.xhtml");
        assertThat(browser.driver().getPageSource()).contains("Seu perfil não permite acessar esta página.");

        browser.open("no-such-page.xhtml");
        assertThat(browser.driver().getPageSource()).contains("A página que você procurou não existe.")
                .doesNotContain("Caused by").doesNotContain("at org.").doesNotContain("at br.com");
    }

    /**
     * Every page of the module, as an administrator sees it (all menus and actions), has no serious or critical
     * accessibility violation by axe-core; all pages are checked before the test fails, and it names each.
     */
    @Test
    void everyPageHasNoSeriousOrCriticalAccessibilityViolation(Browser browser) {
        List<String> failures = new ArrayList<>();
        browser.open("login.xhtml");
        check(browser, failures);
        browser.login("admin", "wrong");
        check(browser, failures);

        Api api = new Api(() -> base);
        long subject = api.newSubject("Acessível " + Api.token());
        browser.login("admin");
        for (String page : List.of("index.xhtml", "list.xhtml", "subject/new.xhtml", "subject/view.xhtml?id=" + subject,
                "subject/edit.xhtml?id=" + subject, "subject/import.xhtml", "proposal/edit.xhtml?subject=" + subject,
                "report.xhtml", "forecast.xhtml", "agenda.xhtml", "account/calendar.xhtml", "account/password.xhtml",
                "settings/sales.xhtml", "settings/users.xhtml", "settings/audit.xhtml", "settings/integrations.xhtml",
                "settings/privacy.xhtml", "customer/view.xhtml?id=" + api.subject(subject).getJsonNumber("customerId"))) {
            browser.open(page);
            // The page itself, not the error page (which has no menu).
            if (browser.findAll(By.id("shell:menu")).isEmpty()) {
                failures.add(page + " did not render: " + browser.find(By.tagName("main")).getText());
            }
            check(browser, failures);
        }
        for (String page : List.of("no-such-page.xhtml", "expired.xhtml")) {
            browser.open(page);
            check(browser, failures);
        }
        assertThat(failures).isEmpty();
    }

    private static void check(Browser browser, List<String> failures) {
        try {
            browser.accessible();
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    private static String sessionId(Browser browser) {
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    private static void logout(Browser browser) {
        browser.find(By.id("shell:userMenu_button")).click();
        browser.until(ExpectedConditions.elementToBeClickable(By.id("shell:logout"))).click();
        browser.until(ExpectedConditions.urlContains("login.xhtml"));
    }
}
