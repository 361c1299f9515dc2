package br.com.crm.it;

import br.com.crm.customer.entity.TaxId;
import br.com.crm.funnel.boundary.SubjectList;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The list of subjects in real headless Chromium: bulk tags, archive, delete, export and import. */
@ExtendWith({MicroServer.class, BrowserExtension.class})
class ListBrowserIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @Test
    void aSelectionTaggedInBatchIsFoundByThatTagInTheListAndInTheFunnel(Browser browser) {
        String token = Api.token();
        long first = api.newSubject("Lote " + token + " " + Api.token());
        long second = api.newSubject("Lote " + token + " " + Api.token());
        long untouched = api.newSubject("Lote " + token + " " + Api.token());
        String tag = "Marca " + token;
        long tagId = api.newTag(tag, "#0e7490");
        browser.login("ana");

        browser.open("list.xhtml?q=lote+" + token);
        check(browser, first);
        check(browser, second);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"), "2 selecionado"));
        browser.accessible();
        browser.click(By.id("list:bulkMore_button"));
        browser.until(ExpectedConditions.elementToBeClickable(By.id("list:bulkAddTags"))).click();
        WebElement choice = browser.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//form[@id='tagForm']//label[normalize-space()='" + tag + "']")));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", choice);
        browser.accessible();
        choice.click();
        browser.find(By.id("tagForm:applyTags")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "Marcadores incluídos em 2 de 2"));
        assertThat(chips(browser, first)).containsExactly(tag);
        assertThat(chips(browser, second)).containsExactly(tag);
        assertThat(chips(browser, untouched)).isEmpty();

        // Filtered by the tag: the list, then the funnel through the view switch, keeping the filter.
        browser.open("list.xhtml?tag=" + tagId);
        assertThat(rowIds(browser.driver())).containsExactlyInAnyOrder(first, second);
        browser.find(By.id("viewFunnel")).click();
        browser.until(ExpectedConditions.urlContains("index.xhtml"));
        assertThat(browser.driver().getCurrentUrl()).contains("tag=" + tagId);
        browser.until(d -> d.findElements(By.cssSelector(".crm-card[data-subject]")).size() == 2);
        assertThat(browser.findAll(By.cssSelector(".crm-card[data-subject='" + first + "']"))).hasSize(1);
        assertThat(browser.findAll(By.cssSelector(".crm-card[data-subject='" + untouched + "']"))).isEmpty();
        assertThat(browser.find(By.id("viewList")).getAttribute("href")).contains("list.xhtml")
                .contains("tag=" + tagId);
    }

    /** The list from the keyboard alone: a row ticked with Space, archived with Enter on the bulk action. */
    /**
     * A text search's matches are kept between searches (moves, activities and tags leave them); what can change
     * them (a subject created, its title edited) is found at once, and an archived or untagged match goes at once.
     */
    @Test
    void aTextSearchFollowsNewEditedArchivedAndRetaggedSubjectsAtOnce(Browser browser) {
        String token = Api.token();
        long first = api.newSubject("Busca " + token + " um");
        long tag = api.newTag("Busca " + token, "#0e7490");
        browser.login("ana");
        browser.open("list.xhtml?q=busca+" + token);
        assertThat(rowIds(browser.driver())).containsExactly(first);

        long second = api.newSubject("Busca " + token + " dois");
        api.move(first, "{\"stageId\":" + Api.id(api.openStage(2)) + "}");
        browser.open("list.xhtml?q=busca+" + token);
        assertThat(rowIds(browser.driver())).containsExactlyInAnyOrder(first, second);

        JsonObject stored = api.subject(second);
        HttpResponse<String> tagged = api.call("ana", "PUT", "api/v1/subjects/" + second + "/tags",
                Api.ifMatch(stored), "[" + tag + "]");
        assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(200);
        browser.open("list.xhtml?q=busca+" + token + "&tag=" + tag);
        assertThat(rowIds(browser.driver())).containsExactly(second);

        HttpResponse<String> archived = api.call("ana", "POST", "api/v1/subjects/" + first + "/archive",
                Api.ifMatch(api.subject(first)), null);
        assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
        stored = api.subject(second);
        HttpResponse<String> edited = api.call("ana", "PUT", "api/v1/subjects/" + second, Api.ifMatch(stored),
                Json.createObjectBuilder().add("title", "Renomeado " + token)
                        .add("customerId", stored.getJsonNumber("customerId").longValue())
                        .add("responsible", "ana").add("amount", 250).build().toString());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        browser.open("list.xhtml?q=busca+" + token);
        assertThat(rowIds(browser.driver())).isEmpty();
        browser.open("list.xhtml?q=renomeado+" + token);
        assertThat(rowIds(browser.driver())).containsExactly(second);
    }

    /**
     * Pushes that come faster than the list reloads make one reload more after the running one, never a queue of
     * them: the page's Ajax requests go one after another, so the user's click goes right after those two.
     */
    @Test
    void aBurstOfPushesReloadsTheListTwiceAtMostAndTheUsersClickGoesNext(Browser browser) {
        String token = Api.token();
        api.newSubject("Rajada " + token + " um");
        api.newSubject("Rajada " + token + " dois");
        browser.login("ana");
        browser.open("list.xhtml?q=rajada+" + token);
        // Only the burst below reaches the page: no push of another test's writes adds a reload.
        browser.script("OmniFaces.Push.close('funnel')");
        browser.countRoundTrips();

        browser.script("for (var i = 0; i < 10; i++) { crmList.changed([" + Browser.SOMEONE_ELSES_CHANGE + "]); }");
        browser.click(By.id("list:selectAll"));

        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"),
                "Todos os 2 assuntos"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15))
                .until(browser::roundTrips, trips -> trips == 3);
    }

    @Test
    void aRowIsTickedAndArchivedWithTheKeyboardAlone(Browser browser) {
        String token = Api.token();
        long id = api.newSubject("Teclado " + token);
        browser.login("ana");

        browser.open("list.xhtml?q=" + token);
        row(browser, id);
        browser.tabTo("tr[data-rk='" + id + "'] td.ui-selection-column [role=checkbox]");
        browser.keys(Keys.SPACE);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"), "1 selecionado"));
        browser.tabTo("#list\\:bulkArchive");
        browser.keys(Keys.ENTER);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "1 de 1 assunto(s) arquivado(s)"));
        assertThat(api.subject(id).getBoolean("archived")).isTrue();
    }

    @Test
    void allMatchingAreArchivedInBulkFoundUnderArquivadosAndUnarchived(Browser browser) {
        String token = Api.token();
        long first = api.newSubject("Arquivo " + token + " " + Api.token());
        long second = api.newSubject("Arquivo " + token + " " + Api.token());
        browser.login("ana");

        browser.open("list.xhtml?q=arquivo+" + token);
        assertThat(rowIds(browser.driver())).containsExactlyInAnyOrder(first, second);
        browser.click(By.id("list:selectAll"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"),
                "Todos os 2 assuntos"));
        browser.click(By.id("list:bulkArchive"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "2 de 2 assunto(s) arquivado(s)"));
        browser.until(d -> rowIds(d).isEmpty());
        assertThat(api.subject(first).getBoolean("archived")).isTrue();

        browser.find(By.id("tabArchived")).click();
        browser.until(ExpectedConditions.urlContains("archived=true"));
        assertThat(browser.driver().getCurrentUrl()).contains("q=arquivo");
        assertThat(rowIds(browser.driver())).containsExactlyInAnyOrder(first, second);
        browser.click(By.id("list:selectAll"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"),
                "Todos os 2 assuntos"));
        browser.click(By.id("list:bulkUnarchive"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "2 de 2 assunto(s) desarquivado(s)"));
        browser.until(d -> rowIds(d).isEmpty());
        assertThat(api.subject(first).getBoolean("archived")).isFalse();
        assertThat(api.subject(second).getBoolean("archived")).isFalse();
    }

    @Test
    void aBroadFilterPagesThroughTheFirstThousandSaysMoreMatchAndSelectingAllTakesEveryMatch(Browser browser) {
        String token = Api.token();
        int matching = SubjectList.SHOWN_AT_MOST + 3;
        StringBuilder csv = new StringBuilder("chave,titulo,cliente\n");
        for (int i = 0; i < matching; i++) {
            csv.append(token).append('-').append(i).append(",Muitos ").append(token).append(' ').append(i)
                    .append(",Cliente ").append(token).append('\n');
        }
        HttpResponse<String> imported = Api.send(api.request("api/v1/subjects/import", "ana", "ana")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build());
        assertThat(Api.json(imported).getJsonNumber("created").intValue()).as(imported.body()).isEqualTo(matching);
        browser.login("ana");

        browser.open("list.xhtml?q=muitos+" + token);
        assertThat(browser.find(By.cssSelector("#list\\:subjects .ui-paginator-current")).getText())
                .isEqualTo("1–25 / 1000+");
        assertThat(browser.find(By.id("list:subjects:moreMatching")).getText())
                .startsWith("Mais de 1.000 assuntos atendem ao filtro");
        assertThat(browser.find(By.id("list:selectAll")).getText()).contains("mais de 1.000");
        browser.click(By.cssSelector("#list\\:subjects .ui-paginator-last"));
        browser.until(ExpectedConditions.textToBe(By.cssSelector("#list\\:subjects .ui-paginator-current"),
                "976–1000 / 1000+"));
        assertThat(rowIds(browser.driver())).hasSize(25);

        browser.click(By.id("list:selectAll"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"),
                "Todos os 1.003 assuntos"));
        browser.click(By.id("list:bulkArchive"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "1.003 de 1.003 assunto(s) arquivado(s)"));
        browser.until(d -> rowIds(d).isEmpty());
        assertThat(browser.findAll(By.id("list:subjects:moreMatching"))).isEmpty();
    }

    @Test
    void twoSelectedSubjectsAreDeletedAfterAConfirmationThatStatesTheCount(Browser browser) {
        String token = Api.token();
        long first = api.newSubject("Excluir " + token + " " + Api.token());
        long second = api.newSubject("Excluir " + token + " " + Api.token());
        long kept = api.newSubject("Excluir " + token + " " + Api.token());
        browser.login("admin"); // bulk deletion is an administrator's

        browser.open("list.xhtml?q=excluir+" + token);
        check(browser, first);
        check(browser, second);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selectionInfo"), "2 selecionado"));
        browser.click(By.id("list:bulkMore_button"));
        browser.until(ExpectedConditions.elementToBeClickable(By.id("list:bulkDelete"))).click();
        WebElement question = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("deleteQuestion")));
        assertThat(question.getText()).contains("Excluir 2 assunto(s)").contains("não pode ser desfeita");
        browser.find(By.id("deleteForm:confirmDelete")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "2 assunto(s) excluído(s)"));
        browser.until(d -> rowIds(d).size() == 1);
        assertThat(rowIds(browser.driver())).containsExactly(kept);
        assertThat(api.call("ana", "GET", "api/v1/subjects/" + first, null, null).statusCode()).isEqualTo(404);
        assertThat(api.call("ana", "GET", "api/v1/subjects/" + second, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theExportsHoldEveryFilteredRow(Browser browser) throws Exception {
        String token = Api.token();
        List<Long> ids = List.of(api.newSubject("Exportar " + token + " " + Api.token()),
                api.newSubject("Exportar " + token + " " + Api.token()),
                api.newSubject("Exportar " + token + " " + Api.token()));
        browser.login("ana");
        browser.open("list.xhtml?q=exportar+" + token);
        assertThat(rowIds(browser.driver())).containsExactlyInAnyOrderElementsOf(ids);

        HttpResponse<byte[]> xlsx = browser.download(browser.find(By.id("exportXlsx")).getAttribute("href"));
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
        HttpResponse<String> csv = browser.fetch(browser.find(By.id("exportCsv")).getAttribute("href"));
        assertThat(csv.body().split("\r\n")).hasSize(4);
        ids.forEach(id -> assertThat(csv.body()).contains("\r\n" + id + ";Exportar " + token));
    }

    @Test
    void anImportRejectsExactlyTheTwoBadLinesAndDoesNotDuplicateOnASecondRun(Browser browser) throws Exception {
        String token = Api.token();
        String cnpj = TaxId.format(Api.newCnpj());
        String stage = api.openStage(2).getString("description");
        // What Excel in Portuguese saves: ';', decimal comma, dd/mm/yyyy, Windows-1252.
        String file = "Chave;Título;Cliente;CPF/CNPJ;Etapa;Responsável;Valor;Previsão de fechamento\r\n"
                + token + "-1;Importado " + token + " um;Indústria " + token + ";" + cnpj
                + ";" + stage + ";bruno;1.234,56;31/12/2026\r\n"
                + token + "-2;Importado " + token + " dois;Indústria " + token + ";11.222.333/0001-00;;;;\r\n"
                + token + "-3;Importado " + token + " três;Indústria " + token + ";" + cnpj + ";;ana;;\r\n"
                + token + "-4;Importado " + token + " quatro;Outra " + token + ";;;;12,34,5;\r\n";
        Path csv = Files.createTempFile("import-", ".csv");
        Files.write(csv, file.getBytes(Charset.forName("windows-1252")));
        browser.login("ana");

        upload(browser, csv);
        assertThat(browser.find(By.id("summary")).getText())
                .isEqualTo("Linhas novas: 2 · já importadas: 0 · rejeitadas: 2");
        List<WebElement> rejected = browser.findAll(By.cssSelector("tr.crm-import-REJECTED"));
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).getText()).contains(token + "-2").contains("CPF/CNPJ inválido");
        assertThat(rejected.get(1).getText()).contains(token + "-4").contains("Valor inválido: 12,34,5");
        assertThat(search("importado " + token)).as("a preview saves nothing").isEmpty();

        browser.find(By.id("result:run")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
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

        upload(browser, csv);
        assertThat(browser.find(By.id("summary")).getText())
                .isEqualTo("Linhas novas: 0 · já importadas: 2 · rejeitadas: 2");
        assertThat(browser.findAll(By.id("result:run"))).isEmpty();
        assertThat(search("importado " + token)).hasSize(2);
    }

    private static void upload(Browser browser, Path csv) {
        browser.open("subject/import.xhtml");
        browser.find(By.cssSelector("#upload input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
        browser.find(By.id("upload:check")).click();
        try {
            browser.until(ExpectedConditions.presenceOfElementLocated(By.id("summary")));
        } catch (TimeoutException e) {
            throw new AssertionError(browser.find(By.tagName("main")).getText(), e);
        }
    }

    private List<JsonObject> search(String text) {
        HttpResponse<String> page = api.call("ana", "GET", "api/v1/subjects?limit=50&q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8), null, null);
        return Api.json(page).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** Ticks a row's box; the table may be re-rendered under the click by a live update, then it tries again. */
    private static void check(Browser browser, long id) {
        browser.until(d -> {
            WebElement box = row(browser, id).findElement(By.cssSelector("td.ui-selection-column .ui-chkbox-box"));
            if (!box.getAttribute("class").contains("ui-state-active")) {
                box.click();
            }
            return row(browser, id).findElement(By.cssSelector("td.ui-selection-column .ui-chkbox-box"))
                    .getAttribute("class").contains("ui-state-active");
        });
    }

    private static List<String> chips(Browser browser, long id) {
        return row(browser, id).findElements(By.cssSelector(".crm-tag")).stream().map(WebElement::getText).toList();
    }

    private static WebElement row(Browser browser, long id) {
        return browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-rk='" + id + "']")));
    }

    private static List<Long> rowIds(WebDriver driver) {
        return driver.findElements(By.cssSelector("#list\\:subjects tbody tr[data-rk]")).stream()
                .map(r -> Long.valueOf(r.getAttribute("data-rk"))).toList();
    }
}
