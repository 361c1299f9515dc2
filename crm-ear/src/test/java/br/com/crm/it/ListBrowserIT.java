package br.com.crm.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import br.com.crm.customer.entity.TaxId;
import jakarta.json.JsonObject;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The list of subjects in real headless Chromium: bulk tags, archive, delete, export and import. */
@ExtendWith(ArquillianExtension.class)
class ListBrowserIT {

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
    void aSelectionTaggedInBatchIsFoundByThatTagInTheListAndInTheFunnel() {
        String token = token();
        long first = newSubject("Lote " + token);
        long second = newSubject("Lote " + token);
        long untouched = newSubject("Lote " + token);
        String tag = "Marca " + token;
        HttpResponse<String> created = api("admin", "POST", "api/v1/tags", "{\"name\":\"" + tag + "\",\"color\":\"#0e7490\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long tagId = Http.json(created).getJsonNumber("id").longValue();
        WebDriver driver = loggedIn("ana");

        driver.get(Http.resolve(base, "list.xhtml?q=lote+" + token).toString());
        check(driver, first);
        check(driver, second);
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"), "2 selecionado"));
        click(driver, By.id("list:bulkMore_button"));
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.id("list:bulkAddTags"))).click();
        WebElement choice = wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//form[@id='tagForm']//label[normalize-space()='" + tag + "']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", choice);
        choice.click();
        driver.findElement(By.id("tagForm:applyTags")).click();
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "Marcadores incluídos em 2 de 2"));
        assertThat(chips(driver, first)).containsExactly(tag);
        assertThat(chips(driver, second)).containsExactly(tag);
        assertThat(chips(driver, untouched)).isEmpty();

        // Filtered by the tag: the list, then the funnel through the view switch, keeping the filter.
        driver.get(Http.resolve(base, "list.xhtml?tag=" + tagId).toString());
        assertThat(rowIds(driver)).containsExactlyInAnyOrder(first, second);
        driver.findElement(By.id("viewFunnel")).click();
        wait(driver).until(ExpectedConditions.urlContains("index.xhtml"));
        assertThat(driver.getCurrentUrl()).contains("tag=" + tagId);
        wait(driver).until(d -> d.findElements(By.cssSelector(".crm-card[data-subject]")).size() == 2);
        assertThat(driver.findElements(By.cssSelector(".crm-card[data-subject='" + first + "']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector(".crm-card[data-subject='" + untouched + "']"))).isEmpty();
        assertThat(driver.findElement(By.id("viewList")).getAttribute("href")).contains("list.xhtml")
                .contains("tag=" + tagId);
    }

    @Test
    void allMatchingAreArchivedInBulkFoundUnderArquivadosAndUnarchived() {
        String token = token();
        long first = newSubject("Arquivo " + token);
        long second = newSubject("Arquivo " + token);
        WebDriver driver = loggedIn("ana");

        driver.get(Http.resolve(base, "list.xhtml?q=arquivo+" + token).toString());
        assertThat(rowIds(driver)).containsExactlyInAnyOrder(first, second);
        click(driver, By.id("list:selectAll"));
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"),
                "Todos os 2 assuntos"));
        click(driver, By.id("list:bulkArchive"));
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "2 de 2 assunto(s) arquivado(s)"));
        wait(driver).until(d -> rowIds(d).isEmpty());
        assertThat(subject(first).getBoolean("archived")).isTrue();

        driver.findElement(By.id("tabArchived")).click();
        wait(driver).until(ExpectedConditions.urlContains("archived=true"));
        assertThat(driver.getCurrentUrl()).contains("q=arquivo");
        assertThat(rowIds(driver)).containsExactlyInAnyOrder(first, second);
        click(driver, By.id("list:selectAll"));
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"),
                "Todos os 2 assuntos"));
        click(driver, By.id("list:bulkUnarchive"));
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "2 de 2 assunto(s) desarquivado(s)"));
        wait(driver).until(d -> rowIds(d).isEmpty());
        assertThat(subject(first).getBoolean("archived")).isFalse();
        assertThat(subject(second).getBoolean("archived")).isFalse();
    }

    @Test
    void twoSelectedSubjectsAreDeletedAfterAConfirmationThatStatesTheCount() {
        String token = token();
        long first = newSubject("Excluir " + token);
        long second = newSubject("Excluir " + token);
        long kept = newSubject("Excluir " + token);
        WebDriver driver = loggedIn("ana");

        driver.get(Http.resolve(base, "list.xhtml?q=excluir+" + token).toString());
        check(driver, first);
        check(driver, second);
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"), "2 selecionado"));
        click(driver, By.id("list:bulkMore_button"));
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.id("list:bulkDelete"))).click();
        WebElement question = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("deleteQuestion")));
        assertThat(question.getText()).contains("Excluir 2 assunto(s)").contains("não pode ser desfeita");
        driver.findElement(By.id("deleteForm:confirmDelete")).click();
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "2 assunto(s) excluído(s)"));
        wait(driver).until(d -> rowIds(d).size() == 1);
        assertThat(rowIds(driver)).containsExactly(kept);
        assertThat(api("ana", "GET", "api/v1/subjects/" + first, null).statusCode()).isEqualTo(404);
        assertThat(api("ana", "GET", "api/v1/subjects/" + second, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theExportsHoldEveryFilteredRow() throws Exception {
        String token = token();
        List<Long> ids = List.of(newSubject("Exportar " + token), newSubject("Exportar " + token),
                newSubject("Exportar " + token));
        WebDriver driver = loggedIn("ana");
        driver.get(Http.resolve(base, "list.xhtml?q=exportar+" + token).toString());
        assertThat(rowIds(driver)).containsExactlyInAnyOrderElementsOf(ids);

        String cookie = "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        driver.findElement(By.id("exportXlsx")).getAttribute("href"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Título");
            List<Long> exported = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                exported.add((long) sheet.getRow(i).getCell(0).getNumericCellValue());
                assertThat(sheet.getRow(i).getCell(1).getStringCellValue()).startsWith("Exportar " + token);
                assertThat(sheet.getRow(i).getCell(6).getNumericCellValue()).isEqualTo(250.0);
            }
            assertThat(exported).containsExactlyInAnyOrderElementsOf(ids);
        }
        HttpResponse<String> csv = Http.send(HttpRequest.newBuilder(URI.create(
                driver.findElement(By.id("exportCsv")).getAttribute("href"))).header("Cookie", cookie).build());
        assertThat(csv.body().split("\r\n")).hasSize(4);
        ids.forEach(id -> assertThat(csv.body()).contains("\r\n" + id + ";Exportar " + token));
    }

    @Test
    void anImportRejectsExactlyTheTwoBadLinesAndDoesNotDuplicateOnASecondRun() throws Exception {
        String token = token();
        String cnpj = TaxId.format(TaxId.complete(String.format("%08d0001",
                ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999))));
        // What Excel in Portuguese saves: ';', decimal comma, dd/mm/yyyy, Windows-1252.
        String file = "Chave;Título;Cliente;CPF/CNPJ;Etapa;Responsável;Valor;Previsão de fechamento\r\n"
                + token + "-1;Importado " + token + " um;Indústria " + token + ";" + cnpj
                + ";Contato realizado;bruno;1.234,56;31/12/2026\r\n"
                + token + "-2;Importado " + token + " dois;Indústria " + token + ";11.222.333/0001-00;;;;\r\n"
                + token + "-3;Importado " + token + " três;Indústria " + token + ";" + cnpj + ";;ana;;\r\n"
                + token + "-4;Importado " + token + " quatro;Outra " + token + ";;;;12,34,5;\r\n";
        Path csv = Files.createTempFile("import-", ".csv");
        Files.write(csv, file.getBytes(Charset.forName("windows-1252")));
        WebDriver driver = loggedIn("ana");

        upload(driver, csv);
        assertThat(driver.findElement(By.id("summary")).getText())
                .isEqualTo("Linhas novas: 2 · já importadas: 0 · rejeitadas: 2");
        List<WebElement> rejected = driver.findElements(By.cssSelector("tr.crm-import-REJECTED"));
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).getText()).contains(token + "-2").contains("CPF/CNPJ inválido");
        assertThat(rejected.get(1).getText()).contains(token + "-4").contains("Valor inválido: 12,34,5");
        assertThat(search("importado " + token)).as("a preview saves nothing").isEmpty();

        driver.findElement(By.id("result:run")).click();
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "Importação concluída: 2 assunto(s) incluído(s)"));
        List<JsonObject> imported = search("importado " + token);
        assertThat(imported).extracting(s -> s.getString("title"))
                .containsExactlyInAnyOrder("Importado " + token + " um", "Importado " + token + " três");
        JsonObject one = imported.stream().filter(s -> s.getString("title").endsWith(" um")).findFirst().orElseThrow();
        assertThat(one.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("1234.56");
        assertThat(one.getString("expectedClose")).isEqualTo("2026-12-31");
        assertThat(one.getJsonNumber("customerId").longValue()).as("one customer for the same CNPJ")
                .isEqualTo(imported.get(0).getJsonNumber("customerId").longValue())
                .isEqualTo(imported.get(1).getJsonNumber("customerId").longValue());

        upload(driver, csv);
        assertThat(driver.findElement(By.id("summary")).getText())
                .isEqualTo("Linhas novas: 0 · já importadas: 2 · rejeitadas: 2");
        assertThat(driver.findElements(By.id("result:run"))).isEmpty();
        assertThat(search("importado " + token)).hasSize(2);
    }

    private void upload(WebDriver driver, Path csv) {
        driver.get(Http.resolve(base, "subject/import.xhtml").toString());
        driver.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.id("upload:check")).click();
        try {
            wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("summary")));
        } catch (TimeoutException e) {
            throw new AssertionError(driver.findElement(By.tagName("main")).getText(), e);
        }
    }

    private List<JsonObject> search(String text) {
        HttpResponse<String> page = api("ana", "GET", "api/v1/subjects?limit=50&q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8), null);
        return Http.json(page).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** Ticks a row's box; the table may be re-rendered under the click by a live update, then it tries again. */
    private void check(WebDriver driver, long id) {
        wait(driver).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement box = row(d, id).findElement(By.cssSelector("td.ui-selection-column .ui-chkbox-box"));
            if (!box.getAttribute("class").contains("ui-state-active")) {
                box.click();
            }
            return row(d, id).findElement(By.cssSelector("td.ui-selection-column .ui-chkbox-box"))
                    .getAttribute("class").contains("ui-state-active");
        });
    }

    /** Clicks what the locator finds; a live update may re-render it under the click, then it clicks again. */
    private static void click(WebDriver driver, By locator) {
        wait(driver).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    d.findElement(locator).click();
                    return true;
                });
    }

    private List<String> chips(WebDriver driver, long id) {
        return row(driver, id).findElements(By.cssSelector(".crm-tag")).stream().map(WebElement::getText).toList();
    }

    private WebElement row(WebDriver driver, long id) {
        return wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-rk='" + id + "']")));
    }

    private static List<Long> rowIds(WebDriver driver) {
        return driver.findElements(By.cssSelector("#list\\:subjects tbody tr[data-rk]")).stream()
                .map(r -> Long.valueOf(r.getAttribute("data-rk"))).toList();
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

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long newSubject(String title) {
        return Api.newSubject(base, title + " " + token());
    }

    private JsonObject subject(long id) {
        return Http.json(api("ana", "GET", "api/v1/subjects/" + id, null));
    }

    private HttpResponse<String> api(String user, String method, String path, String json) {
        return Api.call(base, user, method, path, null, json);
    }
}
