package br.com.crm.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users and the audit in real headless Chromium against a real Payara Micro: an administrator adds a seller, who
 * logs in, must choose a password, works, is deactivated and is thrown out at the next click; the audit page shows
 * a move, a deletion and a failed login with the right person and day.
 */
@ExtendWith({MicroServer.class, BrowserExtension.class})
class UsersBrowserIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @Test
    void aSellerAddedByTheAdministratorChoosesAPasswordWorksAndIsThrownOutWhenDeactivated(Browser admin,
                                                                                           Browser seller) {
        String username = "vend" + UUID.randomUUID().toString().substring(0, 8);
        String first = "primeira senha " + UUID.randomUUID();
        admin.login("admin");
        admin.open("settings/users.xhtml");
        admin.click(By.id("users:new"));
        admin.until(ExpectedConditions.visibilityOfElementLocated(By.id("userDialogForm:username")))
                .sendKeys(username);
        admin.find(By.id("userDialogForm:displayName")).sendKeys("Vendedora " + username);
        admin.find(By.id("userDialogForm:email")).sendKeys(username + "@empresa.test");
        admin.find(By.id("userDialogForm:password")).sendKeys(first);
        admin.accessible();
        admin.click(By.id("userDialogForm:save"));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:table"), username));
        assertThat(admin.find(By.id("users:table")).getText()).contains("Vendedor")
                .contains("Troca a senha no próximo acesso");

        seller.login(username, first);
        seller.until(ExpectedConditions.urlContains("account/password.xhtml"));
        assertThat(seller.find(By.id("mustChange")).getText()).contains("escolha a sua");
        seller.accessible();
        seller.open("index.xhtml");
        assertThat(seller.driver().getCurrentUrl()).as("nothing else before the password")
                .contains("account/password.xhtml");
        String own = "frase da vendedora " + UUID.randomUUID();
        seller.find(By.id("password:current")).sendKeys(first);
        seller.find(By.id("password:new")).sendKeys(own);
        seller.find(By.id("password:confirmation")).sendKeys(own);
        seller.click(By.id("password:change"));
        seller.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".crm-column")));
        assertThat(seller.find(By.id("shell:userMenu")).getText()).contains("Vendedora " + username);
        seller.open("list.xhtml");
        assertThat(seller.driver().getCurrentUrl()).contains("list.xhtml");

        admin.find(By.id("users:search")).sendKeys(username);
        admin.until(d -> d.findElements(By.cssSelector("#users\\:table tbody tr")).size() == 1
                && d.findElement(By.id("users:table")).getText().contains(username));
        admin.click(By.id("users:table:0:deactivate"));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:messages"), "desativado"));

        seller.open("index.xhtml");
        seller.until(ExpectedConditions.urlContains("login.xhtml"));
        seller.login(username, own);
        assertThat(seller.find(By.cssSelector("#login\\:messages")).getText()).contains("Usuário ou senha inválidos");
    }

    @Test
    void theAuditPageShowsAMoveADeletionAndAFailedLoginWithWhoAndWhen(Browser admin) {
        String title = "Auditoria " + UUID.randomUUID();
        long subject = api.newSubject(title);
        api.move(subject, "{\"stageId\":" + Api.id(api.openStage(2)) + "}");
        HttpResponse<String> deleted = api.call("ana", "DELETE", "api/v1/subjects/" + subject,
                Api.ifMatch(api.subject(subject)), null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        String stranger = "estranho" + UUID.randomUUID().toString().substring(0, 6);
        api.call(stranger, "errada", "GET", "api/v1/ping", null, null);
        String today = LocalDate.now(ZoneId.of("America/Sao_Paulo")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        admin.login("admin");
        admin.open("settings/audit.xhtml");
        admin.find(By.id("audit:id")).sendKeys(String.valueOf(subject));
        admin.select("audit:entity", "SUBJECT");
        // The page opens on the latest entries, which may already hold this deletion: wait for the search's own table.
        WebElement latest = admin.find(By.id("audit:entries"));
        admin.click(By.id("audit:search"));
        admin.until(ExpectedConditions.stalenessOf(latest));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit:entries"), "Excluiu"));
        admin.accessible();
        String entries = admin.find(By.id("audit:entries")).getText();
        assertThat(entries).contains("Moveu").contains("Excluiu").contains("Criou").contains("ana").contains(title)
                .contains(today).contains(api.openStage(2).getString("description"));

        admin.find(By.id("audit:id")).clear();
        admin.select("audit:entity", "");
        admin.find(By.id("audit:actor")).sendKeys(stranger);
        WebElement bySubject = admin.find(By.id("audit:entries"));
        admin.click(By.id("audit:search"));
        admin.until(ExpectedConditions.stalenessOf(bySubject));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit:entries"), "Falha de login"));
        assertThat(admin.find(By.id("audit:entries")).getText()).contains(stranger).contains(today)
                .doesNotContain("Excluiu");
    }
}
