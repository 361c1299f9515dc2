package br.com.crm.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Activities and notes in real headless Chromium: the card's colour, the agenda, a note shown as text. */
@ExtendWith(ArquillianExtension.class)
class ActivityBrowserIT {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

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
    void anOverdueActivityPlannedOnTheSubjectPageTurnsItsCardRed() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        long subject = newSubject("Atrasada " + token);
        WebDriver driver = loggedIn("ana");
        driver.get(Http.resolve(base, "subject/view.xhtml?id=" + subject).toString());

        choose(driver, "activities:kind", "VISIT");
        driver.findElement(By.id("activities:description")).sendKeys("Visitar a fábrica");
        WebElement due = driver.findElement(By.id("activities:dueAt_input"));
        due.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        due.sendKeys(LocalDate.now(ZONE).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 10:00",
                Keys.ESCAPE);
        driver.findElement(By.id("activities:saveActivity")).click();
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("activities:list"),
                "Visitar a fábrica"));
        assertThat(driver.findElement(By.id("activities:list")).getText()).contains("Atrasada")
                .contains(LocalDate.now(ZONE).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 10:00");

        driver.get(Http.resolve(base, "index.xhtml?q=" + token).toString());
        WebElement next = wait(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".crm-card[data-subject='" + subject + "'] .crm-next")));
        assertThat(next.getAttribute("class")).contains("crm-next-overdue");
        // São Paulo wall-clock time, as typed, also when the database hands the moment back in UTC.
        String yesterday = LocalDate.now(ZONE).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM"));
        assertThat(next.getText()).contains("Visita").contains(yesterday + " 10:00").contains("Ana Souza");
        assertThat(next.getCssValue("color")).isEqualTo("rgba(180, 35, 24, 1)");

        long idle = newSubject("Sem ação " + token);
        driver.navigate().refresh();
        assertThat(wait(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".crm-card[data-subject='" + idle + "'] .crm-next-none"))).getText())
                .contains("Nenhuma ação planejada");
    }

    @Test
    void todaysActivityIsDoneFromTheAgenda() {
        long subject = newSubject("Agenda " + UUID.randomUUID().toString().substring(0, 8));
        String due = LocalDate.now(ZONE).atTime(23, 0).atZone(ZONE).toOffsetDateTime().toString();
        HttpResponse<String> planned = api("ana", "POST", "api/v1/subjects/" + subject + "/activities",
                Json.createObjectBuilder().add("kind", "CALL").add("description", "Ligar hoje " + subject)
                        .add("dueAt", due).add("responsible", "ana").build().toString());
        assertThat(planned.statusCode()).isEqualTo(201);
        long activity = Http.json(planned).getJsonNumber("id").longValue();
        WebDriver driver = loggedIn("ana");

        driver.get(Http.resolve(base, "agenda.xhtml").toString());
        WebElement item = wait(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#today li[data-activity='" + activity + "']")));
        assertThat(item.getText()).contains("Ligar hoje " + subject);
        String title = Http.json(api("ana", "GET", "api/v1/subjects/" + subject, null)).getString("title");
        wait(driver).until(d -> d.findElements(By.cssSelector("#calendarForm .fc-event.crm-event-today")).stream()
                .anyMatch(e -> e.getAttribute("textContent").contains("Ligação: " + title)));
        item.findElement(By.cssSelector("button")).click();
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("doneForm:result")))
                .sendKeys("Fechou a visita");
        driver.findElement(By.id("doneForm:confirmDone")).click();
        wait(driver).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("li[data-activity='" + activity + "']")));
        assertThat(Http.json(api("ana", "GET", "api/v1/activities/" + activity, null)).getString("result"))
                .isEqualTo("Fechou a visita");
    }

    @Test
    void aNoteWithMarkupIsShownAsTextKeepingItsLineBreaks() {
        long subject = newSubject("Nota " + UUID.randomUUID().toString().substring(0, 8));
        WebDriver driver = loggedIn("ana");
        driver.get(Http.resolve(base, "subject/view.xhtml?id=" + subject).toString());
        String text = "<script>window.crmHacked = true</script>\n<b>negrito</b>";

        driver.findElement(By.id("notes:noteText")).sendKeys(text);
        driver.findElement(By.id("notes:addNote")).click();
        WebElement shown = wait(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#notes .crm-note-text")));

        assertThat(shown.getText()).isEqualTo(text);
        assertThat(shown.findElements(By.tagName("script"))).isEmpty();
        assertThat(shown.findElements(By.tagName("b"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.crmHacked === undefined")).isEqualTo(true);
        assertThat(driver.findElement(By.id("items")).getText()).contains("<b>negrito</b>");
    }

    @Test
    void theReportPageCountsTheTestsOwnActivitiesAndItsExportHoldsTheSameNumbers() {
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        long subject = newSubject("Relatório " + UUID.randomUUID().toString().substring(0, 8));
        for (String kind : new String[]{"CALL", "EMAIL", "CALL"}) {
            String at = day.atTime(15, 0).atZone(ZONE).toOffsetDateTime().toString();
            HttpResponse<String> planned = api("ana", "POST", "api/v1/subjects/" + subject + "/activities",
                    Json.createObjectBuilder().add("kind", kind).add("description", kind).add("dueAt", at)
                            .add("responsible", "ana").build().toString());
            assertThat(Api.call(base, "ana", "POST", "api/v1/activities/" + Http.json(planned).getJsonNumber("id")
                    + "/done", planned.headers().firstValue("ETag").orElseThrow(), "{\"doneAt\":\"" + at + "\"}")
                    .statusCode()).isEqualTo(200);
        }
        WebDriver driver = loggedIn("ana");

        driver.get(Http.resolve(base, "report.xhtml?from=" + day + "&to=" + day + "&user=ana&by=KIND").toString());
        assertThat(driver.findElement(By.id("grandTotal")).getText()).isEqualTo("3");
        assertThat(driver.findElement(By.cssSelector("#reportTable thead")).getText()).contains("Ligação")
                .contains("E-mail");
        assertThat(driver.findElement(By.cssSelector("#reportTable tfoot")).getText()).isEqualTo("Total 2 1 3");
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".crm-chart canvas")));

        HttpResponse<String> csv = Http.send(HttpRequest.newBuilder(URI.create(
                        driver.findElement(By.id("exportReport")).getAttribute("href")))
                .header("Cookie", "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue()).build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).containsExactly("\uFEFFPeríodo;Ligação;E-mail;Total",
                day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ";2;1;3", "Total;2;1;3");

        String cookie = "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(
                download(driver.findElement(By.id("exportReportXlsx")).getAttribute("href"), cookie)))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Ligação");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(3.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var pdf = Loader.loadPDF(download(
                driver.findElement(By.id("exportReportPdf")).getAttribute("href"), cookie))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Relatório de CRM").contains("Ligação").contains("E-mail");
            assertThat(text).containsPattern("Total\\s+2\\s+1\\s+3");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] download(String url, String cookie) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void choose(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver).executeScript("PrimeFaces.getWidgetById('" + id + "').selectValue('" + value + "')");
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

    private long newSubject(String title) {
        return Api.newSubject(base, title);
    }

    private HttpResponse<String> api(String user, String method, String path, String json) {
        return Api.call(base, user, method, path, null, json);
    }
}
