package br.com.crm.it;

import java.net.URI;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import br.com.crm.customer.entity.TaxId;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The funnel in real headless Chromium: create, drag, close, roles, live updates, the stage limit. */
@ExtendWith(ArquillianExtension.class)
class FunnelBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MicroDeployment.war();
    }

    @ArquillianResource
    URL base;

    private final List<WebDriver> drivers = new ArrayList<>();

    @AfterEach
    void quit() {
        drivers.forEach(WebDriver::quit);
    }

    @Test
    void createsASubjectWithANewCustomerRefusingAnInvalidCnpj() {
        WebDriver driver = loggedIn("ana");
        driver.findElement(By.id("newSubject")).click();
        wait(driver).until(ExpectedConditions.urlContains("subject/new.xhtml"));
        String title = "Implantação " + UUID.randomUUID().toString().substring(0, 8);
        driver.findElement(By.id("subject:title")).sendKeys(title);

        driver.findElement(By.id("subject:newCustomer")).click();
        WebElement name = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("customerForm:name")));
        name.sendKeys("Empresa " + title);
        driver.findElement(By.id("customerForm:taxId")).sendKeys("11.222.333/0001-00");
        driver.findElement(By.id("customerForm:register")).click();
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("customerForm:customerMessages"),
                "CNPJ inválido"));

        WebElement taxId = driver.findElement(By.id("customerForm:taxId"));
        taxId.clear();
        taxId.sendKeys(TaxId.format(validCnpj()));
        driver.findElement(By.id("customerForm:register")).click();
        wait(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("customerDialog")));
        assertThat(driver.findElement(By.id("subject:customer_input")).getAttribute("value"))
                .isEqualTo("Empresa " + title);

        driver.findElement(By.id("subject:save")).click();
        wait(driver).until(ExpectedConditions.urlContains("subject/view.xhtml"));
        assertThat(driver.findElement(By.id("subjectTitle")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.id("subject:nextSteps")).getText()).contains("Próximos passos");
        assertThat(driver.findElement(By.id("subjectStage")).getText()).isEqualTo("Prospecção");
    }

    @Test
    void aDraggedCardStaysInItsNewStageAfterAReload() {
        long id = newSubject("Arrastar");
        JsonArray stages = stages();
        long second = stages.getJsonObject(1).getJsonNumber("id").longValue();
        WebDriver driver = loggedIn("ana");

        drag(driver, id, second);
        wait(driver).until(d -> columnOf(d, id) == second);
        driver.navigate().refresh();
        assertThat(columnOf(driver, id)).isEqualTo(second);
        assertThat(subject(id).getJsonNumber("stageId").longValue()).isEqualTo(second);
    }

    @Test
    void droppingOnTheClosingStageAsksForTheOutcomeAndClosesAsLostWithAReason() {
        long id = newSubject("Perder");
        JsonArray stages = stages();
        long closing = stages.getJsonObject(stages.size() - 1).getJsonNumber("id").longValue();
        WebDriver driver = loggedIn("ana");

        drag(driver, id, closing);
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:outcome")));
        driver.findElement(By.cssSelector("label[for='moveForm:outcome:1']")).click();
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:lostReason")));
        // Reason 1 (Preço), through the component's own client API.
        ((JavascriptExecutor) driver).executeScript(
                "PrimeFaces.getWidgetById('moveForm:lostReason').selectValue('1')");
        driver.findElement(By.id("moveForm:confirm")).click();

        wait(driver).until(d -> columnOf(d, id) == closing);
        // The live push may render the board once more after the move's own update: read the card as it settles.
        wait(driver).until(d -> card(d, id).getText().contains("Perdido"));
        JsonObject stored = subject(id);
        assertThat(stored.getString("outcome")).isEqualTo("LOST");
        assertThat(stored.getJsonNumber("lostReasonId").longValue()).isEqualTo(1);
    }

    @Test
    void markupInATitleShowsAsTextOnItsCard() {
        long id = newSubject("<img src=x onerror=window.crmHacked=1> <b>negrito</b>");
        WebDriver driver = loggedIn("ana");
        WebElement card = card(driver, id);
        assertThat(card.findElement(By.cssSelector(".crm-card-title")).getText())
                .startsWith("<img src=x onerror=window.crmHacked=1> <b>negrito</b>");
        assertThat(card.findElements(By.cssSelector("img, b"))).isEmpty();
        assertThat(card.findElement(By.cssSelector(".crm-card-menu")).getAttribute("aria-label"))
                .contains("<b>negrito</b>");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.crmHacked"))
                .isNull();
    }

    @Test
    void aCardMovesWithTheKeyboardOnly() {
        long id = newSubject("Teclado");
        long fourth = stages().getJsonObject(3).getJsonNumber("id").longValue();
        WebDriver driver = loggedIn("ana");

        WebElement menuButton = card(driver, id).findElement(By.cssSelector(".crm-card-menu"));
        menuButton.sendKeys(Keys.ENTER);
        WebElement move = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("cardMenuMove")));
        assertThat(driver.switchTo().activeElement()).isEqualTo(move);
        move.sendKeys(Keys.ENTER);
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:stage")));
        ((JavascriptExecutor) driver).executeScript(
                "PrimeFaces.getWidgetById('moveForm:stage').selectValue('" + fourth + "')");
        driver.findElement(By.id("moveForm:confirm")).sendKeys(Keys.ENTER);

        wait(driver).until(d -> columnOf(d, id) == fourth);
        assertThat(subject(id).getJsonNumber("stageId").longValue()).isEqualTo(fourth);
    }

    @Test
    void archiveAndDeleteFromTheCardMenuDeleteAsksFirstAndIsFinal() {
        long archived = newSubject("Arquivar");
        long deleted = newSubject("Excluir");
        WebDriver driver = loggedIn("ana");

        card(driver, archived).findElement(By.cssSelector(".crm-card-menu")).click();
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.id("cardMenuArchive"))).click();
        wait(driver).until(d -> columnOf(d, archived) == -1);
        assertThat(subject(archived).getBoolean("archived")).isTrue();

        card(driver, deleted).findElement(By.cssSelector(".crm-card-menu")).click();
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.id("cardMenuDelete"))).click();
        WebElement confirm = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmDelete")));
        assertThat(confirm.getText()).contains("não pode ser desfeita");
        driver.findElement(By.id("confirmDeleteYes")).click();
        wait(driver).until(d -> columnOf(d, deleted) == -1);
        assertThat(api("GET", "api/v1/subjects/" + deleted, null).statusCode()).isEqualTo(404);
    }

    @Test
    void tagsPutOnACardFromItsMenuShowAsChips() {
        long id = newSubject("Marcar");
        String tag = "Quente " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = Http.send(HttpRequest.newBuilder(Http.resolve(base, "api/v1/tags"))
                .header("Authorization", Http.basic("admin", "admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + tag + "\",\"color\":\"#15803d\"}"))
                .build());
        long tagId = Http.json(created).getJsonNumber("id").longValue();
        WebDriver driver = loggedIn("ana");

        card(driver, id).findElement(By.cssSelector(".crm-card-menu")).click();
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.id("cardMenuTags"))).click();
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("tagForm:tags")));
        // Many tags made by other tests: bring this one into view in the dialog's list first.
        WebElement label = driver.findElement(By.xpath("//*[@id='tagForm:tags']//label[normalize-space()='" + tag + "']"));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        driver.findElement(By.id("tagForm:saveTags")).click();

        wait(driver).until(d -> card(d, id).getText().contains(tag));
        assertThat(subject(id).getJsonArray("tags").getJsonObject(0).getJsonNumber("id").longValue()).isEqualTo(tagId);
    }

    @Test
    void aFilteredBoardHasAUrlAndArchivedSubjectsComeBackFromTheirTab() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long id = newSubject("Filtrado " + unique);
        long other = newSubject("Outro");
        HttpResponse<String> archived = Http.send(HttpRequest.newBuilder(Http.resolve(base, "api/v1/subjects/" + id
                        + "/archive")).header("Authorization", Http.basic("ana", "ana")).header("If-Match", "\"1\"")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(archived.statusCode()).isEqualTo(200);
        WebDriver driver = loggedIn("ana");

        driver.findElement(By.id("tabArchived")).click();
        driver.findElement(By.id("q")).sendKeys("filtrado " + unique);
        driver.findElement(By.id("applyFilter")).click();
        wait(driver).until(ExpectedConditions.urlContains("archived=true"));
        assertThat(driver.getCurrentUrl()).contains("q=filtrado");
        assertThat(driver.findElements(By.cssSelector(".crm-card[data-subject]"))).hasSize(1);
        assertThat(columnOf(driver, other)).isEqualTo(-1);

        // Exportar CSV gives what the board shows, to the logged-in user.
        String export = driver.findElement(By.id("exportCsv")).getAttribute("href");
        assertThat(export).contains("export/subjects.csv").contains("archived=true").contains("q=filtrado");
        HttpResponse<String> csv = Http.send(HttpRequest.newBuilder(URI.create(export))
                .header("Cookie", "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue()).build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).hasSize(2);
        assertThat(csv.body()).startsWith("\uFEFFCódigo;Título").contains("Filtrado " + unique);

        // The same URL opened again (a bookmark) shows the same board.
        driver.get(driver.getCurrentUrl());
        card(driver, id).findElement(By.cssSelector(".crm-card-menu")).click();
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.id("cardMenuUnarchive"))).click();
        wait(driver).until(d -> columnOf(d, id) == -1);
        assertThat(subject(id).getBoolean("archived")).isFalse();
    }

    @Test
    void viewersSeeTheFunnelWithoutDragHandlesOrMenus() {
        long id = newSubject("Ver");
        WebDriver driver = loggedIn("vera");

        WebElement card = card(driver, id);
        assertThat(card.getAttribute("class")).doesNotContain("ui-draggable");
        assertThat(card.findElements(By.cssSelector(".crm-card-menu"))).isEmpty();
        assertThat(driver.findElements(By.id("newSubject"))).isEmpty();

        // A drop forged in the viewer's browser is refused on the server.
        long second = stages().getJsonObject(1).getJsonNumber("id").longValue();
        ((JavascriptExecutor) driver).executeScript("crmDrop([{name:'subject',value:'" + id
                + "'},{name:'version',value:'1'},{name:'stage',value:'" + second + "'}])");
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "Seu perfil não permite"));
        assertThat(subject(id).getJsonNumber("stageId").longValue()).isNotEqualTo(second);
        assertThat(subject(id).getJsonNumber("version").longValue()).isEqualTo(1);
    }

    @Test
    void aColleaguesMoveShowsUpWithoutAReload() {
        long id = newSubject("Ao vivo");
        long third = stages().getJsonObject(2).getJsonNumber("id").longValue();
        WebDriver watcher = loggedIn("bruno");
        WebDriver mover = loggedIn("ana");
        long before = columnOf(watcher, id);

        drag(mover, id, third);

        new WebDriverWait(watcher, Duration.ofSeconds(10)).until(d -> columnOf(d, id) == third);
        assertThat(before).isNotEqualTo(third);
    }

    @Test
    void aPushNeverTakesAwayWhatTheUserIsDoing() {
        long mine = newSubject("Meu");
        long theirs = newSubject("Deles");
        long second = stages().getJsonObject(1).getJsonNumber("id").longValue();
        long third = stages().getJsonObject(2).getJsonNumber("id").longValue();
        WebDriver driver = loggedIn("bruno");

        // Bruno starts moving his subject and picks a stage in the dialog...
        card(driver, mine).findElement(By.cssSelector(".crm-card-menu")).click();
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.id("cardMenuMove"))).click();
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:stage")));
        ((JavascriptExecutor) driver).executeScript(
                "PrimeFaces.getWidgetById('moveForm:stage').selectValue('" + third + "')");

        // ...while Ana moves another subject: his board updates under the open dialog.
        JsonObject before = subject(theirs);
        HttpResponse<String> moved = Http.send(HttpRequest.newBuilder(Http.resolve(base, "api/v1/subjects/" + theirs
                        + "/move")).header("Authorization", Http.basic("ana", "ana"))
                .header("Content-Type", "application/json").header("If-Match", "\"" + before.getJsonNumber("version") + "\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stageId\":" + second + "}")).build());
        assertThat(moved.statusCode()).isEqualTo(200);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> columnOf(d, theirs) == second);

        assertThat(driver.findElement(By.id("moveDialog")).isDisplayed()).as("the dialog stays open").isTrue();
        assertThat(driver.findElement(By.id("moveForm:stage_input")).getAttribute("value"))
                .as("and keeps the choice").isEqualTo(String.valueOf(third));
        driver.findElement(By.id("moveForm:confirm")).click();
        wait(driver).until(d -> columnOf(d, mine) == third);
    }

    @Test
    void theFunnelNeverHasMoreThanFiveStages() {
        WebDriver driver = loggedIn("admin");
        driver.get(Http.resolve(base, "settings/sales.xhtml").toString());
        int rows = driver.findElements(By.cssSelector("#stages\\:table_data > tr")).size();
        assertThat(rows).isEqualTo(stages().size()).isLessThanOrEqualTo(5);

        if (rows == 5) {
            driver.findElement(By.id("stages:newDescription")).sendKeys("Sexto estágio");
            driver.findElement(By.id("stages:add")).click();
            wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("stages:messages"),
                    "no máximo 5 estágios"));
        }
        assertThat(stages().size()).isLessThanOrEqualTo(5);
    }

    private WebDriver loggedIn(String user) {
        WebDriver driver = Browser.start("pt-BR");
        drivers.add(driver);
        Browser.login(driver, base, user, user);
        return driver;
    }

    private static WebDriverWait wait(WebDriver driver) {
        return Browser.waiting(driver);
    }

    private WebElement card(WebDriver driver, long id) {
        return wait(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".crm-card[data-subject='" + id + "']")));
    }

    private long columnOf(WebDriver driver, long id) {
        try {
            return Long.parseLong(driver.findElement(By.cssSelector(".crm-card[data-subject='" + id + "']"))
                    .findElement(By.xpath("ancestor::div[contains(@class,'crm-column-body')]"))
                    .getAttribute("data-stage"));
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return -1;
        }
    }

    private void drag(WebDriver driver, long id, long stageId) {
        WebElement card = card(driver, id);
        WebElement target = driver.findElement(By.cssSelector("div.crm-column-body[data-stage='" + stageId + "']"));
        new Actions(driver).clickAndHold(card).moveByOffset(10, 10).moveToElement(target).moveByOffset(0, 5)
                .release().perform();
    }

    /** A new subject of a new customer, in the first stage, created as ana through the API. */
    private long newSubject(String prefix) {
        HttpResponse<String> customer = api("POST", "api/v1/customers",
                "{\"name\":\"Cliente " + UUID.randomUUID() + "\",\"kind\":\"PERSON\"}");
        long customerId = Http.json(customer).getJsonNumber("id").longValue();
        HttpResponse<String> created = api("POST", "api/v1/subjects", "{\"title\":\"" + prefix + " "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"customerId\":" + customerId
                + ",\"responsible\":\"ana\",\"amount\":250}");
        assertThat(created.statusCode()).isEqualTo(201);
        return Http.json(created).getJsonNumber("id").longValue();
    }

    private JsonObject subject(long id) {
        return Http.json(api("GET", "api/v1/subjects/" + id, null));
    }

    private JsonArray stages() {
        return Json.createReader(new StringReader(api("GET", "api/v1/stages", null).body())).readArray();
    }

    private HttpResponse<String> api(String method, String path, String json) {
        return Http.send(HttpRequest.newBuilder(Http.resolve(base, path))
                .header("Authorization", Http.basic("ana", "ana"))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static String validCnpj() {
        return TaxId.complete(String.format("%08d0001", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999)));
    }
}
