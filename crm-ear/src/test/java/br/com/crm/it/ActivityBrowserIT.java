package br.com.crm.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Activities and notes in real headless Chromium: the card's colour, the agenda, a note shown as text. */
@ExtendWith({MicroServer.class, BrowserExtension.class})
class ActivityBrowserIT {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @Test
    void anOverdueActivityPlannedOnTheSubjectPageTurnsItsCardRed(Browser browser) {
        String token = Api.token();
        long subject = api.newSubject("Atrasada " + token);
        browser.login("ana");
        browser.open("index.xhtml");
        long mineBefore = Long.parseLong(browser.find(By.id("myOverdue")).getText().strip());
        long allBefore = Long.parseLong(browser.find(By.id("allOverdue")).getText().strip());
        browser.open("subject/view.xhtml?id=" + subject);
        browser.accessible();

        browser.select("activities:kind", "VISIT");
        browser.find(By.id("activities:description")).sendKeys("Visitar a fábrica");
        WebElement due = browser.find(By.id("activities:dueAt_input"));
        due.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        due.sendKeys(LocalDate.now(ZONE).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 10:00",
                Keys.ESCAPE);
        browser.find(By.id("activities:saveActivity")).click();
        // Read with a wait: the list is rendered again by the change's push, which can replace it mid-read.
        String typed = LocalDate.now(ZONE).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 10:00";
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activities:list"),
                "Visitar a fábrica"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activities:list"), "Atrasada"));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("activities:list"), typed));

        browser.open("index.xhtml?q=" + token);
        WebElement next = browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".crm-card[data-subject='" + subject + "'] .crm-next")));
        assertThat(next.getAttribute("class")).contains("crm-next-overdue");
        // São Paulo wall-clock time, as typed, also when the database hands the moment back in UTC.
        String yesterday = LocalDate.now(ZONE).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM"));
        assertThat(next.getText()).contains("Visita").contains(yesterday + " 10:00").contains("Ana Souza");
        assertThat(next.getCssValue("color")).isEqualTo("rgba(180, 35, 24, 1)");
        assertThat(browser.find(By.id("myOverdue")).getText().strip()).as("the header's overdue, mine")
                .isEqualTo(String.valueOf(mineBefore + 1));
        assertThat(browser.find(By.id("allOverdue")).getText().strip()).as("everyone's")
                .isEqualTo(String.valueOf(allBefore + 1));

        long idle = api.newSubject("Sem ação " + token);
        browser.driver().navigate().refresh();
        assertThat(browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".crm-card[data-subject='" + idle + "'] .crm-next-none"))).getText())
                .contains("Nenhuma ação planejada");
    }

    /**
     * The agenda's "done" button opens its dialog without a round trip, as the subject page's does, and the server
     * completes only an activity the agenda shows: another user's, put in the form by hand, is refused.
     */
    @Test
    void todaysActivityIsDoneFromTheAgenda(Browser browser) {
        long subject = api.newSubject("Agenda " + Api.token());
        OffsetDateTime due = LocalDate.now(ZONE).atTime(23, 0).atZone(ZONE).toOffsetDateTime();
        HttpResponse<String> planned = api.plan(subject, "CALL", "Ligar hoje " + subject, due, "ana");
        assertThat(planned.statusCode()).isEqualTo(201);
        long activity = Api.json(planned).getJsonNumber("id").longValue();
        browser.login("ana");

        browser.open("agenda.xhtml");
        WebElement item = browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#today li[data-activity='" + activity + "']")));
        assertThat(item.getText()).contains("Ligar hoje " + subject);
        String title = api.subject(subject).getString("title");
        browser.until(d -> d.findElements(By.cssSelector("#calendarForm .fc-event.crm-event-today")).stream()
                .anyMatch(e -> e.getAttribute("textContent").contains("Ligação: " + title)));
        countRequests(browser);
        item.findElement(By.cssSelector("button.crm-activity-done")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("doneForm:result")))
                .sendKeys("Fechou a visita");
        assertThat(((Number) browser.script("return window.crmRequests")).longValue())
                .as("the dialog opens without a request").isZero();
        browser.accessible();
        browser.find(By.id("doneForm:confirmDone")).click();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("li[data-activity='" + activity + "']")));
        assertThat(Api.json(api.call("ana", "GET", "api/v1/activities/" + activity, null, null)).getString("result"))
                .isEqualTo("Fechou a visita");

        long others = Api.id(Api.json(api.plan(subject, "CALL", "Do Bruno " + subject, due, "bruno")));
        long mine = Api.id(Api.json(api.plan(subject, "CALL", "Mais uma " + subject, due, "ana")));
        forgedCompletionIsRefused(browser, "agenda.xhtml", mine, others, "growl_container");
    }

    /**
     * The subject page's "done" button opens its dialog without a round trip (the row's activity goes into the
     * dialog's form), and the server completes only an activity the page shows: one of another subject, put in the
     * form by hand, is refused and stays open.
     */
    @Test
    void anActivityIsCompletedFromTheSubjectPageAndOnlyOneThePageShows(Browser browser) {
        OffsetDateTime due = LocalDate.now(ZONE).plusDays(2).atTime(10, 0).atZone(ZONE).toOffsetDateTime();
        long subject = api.newSubject("Concluir " + Api.token());
        long activity = Api.id(Api.json(api.plan(subject, "CALL", "Ligar para o comprador", due, "ana")));
        long elsewhere = Api.id(Api.json(api.plan(api.newSubject("Outro " + Api.token()), "CALL", "Alheia", due,
                "ana")));
        browser.login("ana");
        browser.open("subject/view.xhtml?id=" + subject);

        WebElement done = browser.find(By.cssSelector(".crm-activity-done[data-activity='" + activity + "']"));
        countRequests(browser);
        done.click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("doneForm:result"))).sendKeys("Atendeu");
        assertThat(((Number) browser.script("return window.crmRequests")).longValue())
                .as("the dialog opens without a request").isZero();
        browser.accessible();
        browser.find(By.id("doneForm:confirmDone")).click();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("doneDialog")));
        browser.until(d -> d.findElements(By.cssSelector(".crm-activity-done[data-activity='" + activity + "']"))
                .isEmpty());
        JsonObject completed = Api.json(api.call("ana", "GET", "api/v1/activities/" + activity, null, null));
        assertThat(completed.getString("result")).isEqualTo("Atendeu");
        assertThat(completed.containsKey("doneAt")).isTrue();

        // The other subject's activity, put in the dialog's form by hand.
        long planned = Api.id(Api.json(api.plan(subject, "CALL", "Mais uma", due, "ana")));
        forgedCompletionIsRefused(browser, "subject/view.xhtml?id=" + subject, planned, elsewhere, "subject:messages");
    }

    /**
     * On {@code page}, the "done" dialog opened by the row of {@code shown}, with {@code forged} put in its form by
     * hand: refused, the message in {@code messages}, and neither activity is completed.
     */
    private void forgedCompletionIsRefused(Browser browser, String page, long shown, long forged, String messages) {
        browser.open(page);
        browser.find(By.cssSelector(".crm-activity-done[data-activity='" + shown + "']")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("doneForm:result")));
        browser.script("document.getElementById('doneForm:activity').value = arguments[0]", forged);
        browser.find(By.id("doneForm:confirmDone")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id(messages), "não existe"));
        for (long activity : List.of(shown, forged)) {
            assertThat(Api.json(api.call("ana", "GET", "api/v1/activities/" + activity, null, null))
                    .containsKey("doneAt")).as("activity %d stays open", activity).isFalse();
        }
    }

    /** Counts the page's Ajax requests from now on in {@code window.crmRequests}. */
    private static void countRequests(Browser browser) {
        browser.script("window.crmRequests = 0; var send = XMLHttpRequest.prototype.send;"
                + "XMLHttpRequest.prototype.send = function () { window.crmRequests++; return send.apply(this, arguments); };");
    }

    @Test
    void aNoteWithMarkupIsShownAsTextKeepingItsLineBreaks(Browser browser) {
        long subject = api.newSubject("Nota " + Api.token());
        browser.login("ana");
        browser.open("subject/view.xhtml?id=" + subject);
        String text = "<script>window.crmHacked = true</script>\n<b>negrito</b>";

        browser.find(By.id("notes:noteText")).sendKeys(text);
        browser.find(By.id("notes:addNote")).click();
        WebElement shown = browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#notes .crm-note-text")));

        assertThat(shown.getText()).isEqualTo(text);
        assertThat(shown.findElements(By.tagName("script"))).isEmpty();
        assertThat(shown.findElements(By.tagName("b"))).isEmpty();
        assertThat(browser.script("return window.crmHacked === undefined")).isEqualTo(true);
        assertThat(browser.find(By.id("items")).getText()).contains("<b>negrito</b>");
    }

    @Test
    void hostileNamesShowAsTextOnTheReportAndExportAsInertCells(Browser browser) {
        String stageName = "</script><img src=x onerror=alert(1)>";
        String token = Api.token();
        String title = "=HYPERLINK(\"http://x\";\"y\") " + token;
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        JsonObject first = api.stages().get(0);
        long subject = api.newSubject(title);
        api.performed(subject, "CALL", day.atTime(15, 0).atZone(ZONE).toOffsetDateTime());
        // The funnel is full (five stages): the subject's own stage gets the name for the test's time.
        renameStage(first, stageName);
        try {
            browser.login("ana");

            browser.open("report.xhtml?from=" + day + "&to=" + day + "&user=ana&by=STAGE");
            browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".crm-chart canvas")));
            assertThat(browser.find(By.cssSelector("#reportTable thead")).getText()).contains(stageName);
            assertThat(browser.findAll(By.cssSelector("img[src='x']"))).as("no element made of the name").isEmpty();
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).as("no script run")
                    .isInstanceOf(NoAlertPresentException.class);
            HttpResponse<String> report = browser.fetch(browser.find(By.id("exportReport")).getAttribute("href"));
            assertThat(report.body()).contains(";" + stageName + ";");

            HttpResponse<String> subjects = api.call("ana", "GET", "api/v1/subjects/export.csv?q=" + token, null,
                    null);
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(subjects.body()).as("the formula is text to a spreadsheet")
                    .contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")").doesNotContain("\"=HYPERLINK");
        } finally {
            renameStage(api.stages().get(0), first.getString("description"));
        }
    }

    private void renameStage(JsonObject stage, String description) {
        var input = Json.createObjectBuilder().add("description", description);
        for (String field : List.of("descriptionEn", "position", "staleDays", "proposalRule")) {
            if (stage.containsKey(field) && !stage.isNull(field)) {
                input.add(field, stage.get(field));
            }
        }
        HttpResponse<String> renamed = api.call("admin", "PUT", "api/v1/stages/" + Api.id(stage), Api.ifMatch(stage),
                input.build().toString());
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    }

    @Test
    void theReportPageCountsTheTestsOwnActivitiesAndItsExportHoldsTheSameNumbers(Browser browser) {
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        long subject = api.newSubject("Relatório " + Api.token());
        for (String kind : new String[]{"CALL", "EMAIL", "CALL"}) {
            api.performed(subject, kind, day.atTime(15, 0).atZone(ZONE).toOffsetDateTime());
        }
        browser.login("ana");

        browser.open("report.xhtml?from=" + day + "&to=" + day + "&user=ana&by=KIND");
        assertThat(browser.find(By.id("grandTotal")).getText()).isEqualTo("3");
        assertThat(browser.find(By.cssSelector("#reportTable thead")).getText()).contains("Ligação")
                .contains("E-mail");
        assertThat(browser.find(By.cssSelector("#reportTable tfoot")).getText()).isEqualTo("Total 2 1 3");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".crm-chart canvas")));

        HttpResponse<String> csv = browser.fetch(browser.find(By.id("exportReport")).getAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).containsExactly("\uFEFFPeríodo;Ligação;E-mail;Total",
                day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ";2;1;3", "Total;2;1;3");

        HttpResponse<byte[]> xlsx = browser.download(browser.find(By.id("exportReportXlsx")).getAttribute("href"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Ligação");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(3.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<byte[]> report = browser.download(browser.find(By.id("exportReportPdf")).getAttribute("href"));
        assertThat(report.statusCode()).isEqualTo(200);
        try (var pdf = Loader.loadPDF(report.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Relatório de CRM").contains("Ligação").contains("E-mail");
            assertThat(text).containsPattern("Total\\s+2\\s+1\\s+3");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.accessible();

        // The filter from the keyboard alone: another grouping chosen with the arrows, run with Enter.
        browser.tabTo("#by");
        browser.keys(Keys.HOME, Keys.ARROW_DOWN);
        Object chosen = browser.script("return document.getElementById('by').value");
        browser.tabTo("#runReport");
        browser.keys(Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("by=" + chosen));
        assertThat(browser.find(By.id("grandTotal")).getText()).isEqualTo("3");
    }

    @Test
    void theForecastPageAndTheFunnelHeaderShowTheWeightedValueTheApiGives(Browser browser) {
        YearMonth next = YearMonth.now(ZONE).plusMonths(1);
        HttpResponse<String> created = api.call("ana", "POST", "api/v1/subjects", null, Json.createObjectBuilder()
                .add("title", "Previsão " + Api.token()).add("customerId", api.newCustomer())
                .add("stageId", Api.id(api.openStage(1))).add("responsible", "ana").add("amount", 1234)
                .add("expectedClose", next.atDay(5).toString()).build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String query = "from=" + next + "&to=" + next.plusMonths(1) + "&user=ana";
        JsonObject expected = Api.json(api.call("ana", "GET", "api/v1/reports/forecast?" + query, null, null));
        browser.login("ana");

        browser.open("forecast.xhtml?" + query);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".crm-chart canvas")));
        assertThat(browser.findAll(By.cssSelector("#forecastTable tbody tr")).stream()
                .map(row -> row.getAttribute("data-key")).toList())
                .containsExactly("OVERDUE", next.toString(), next.plusMonths(1).toString(), "UNDATED");
        assertThat(cents(browser.find(By.id("weightedTotal")).getText()))
                .isEqualTo(cents(expected.getJsonObject("total").getJsonNumber("weightedValue").toString()));
        assertThat(browser.find(By.cssSelector("#forecastTable tbody tr:nth-child(2) th")).getText())
                .isEqualTo(next.format(DateTimeFormatter.ofPattern("MM/yyyy")));

        HttpResponse<byte[]> xlsx = browser.download(browser.find(By.id("exportForecastXlsx")).getAttribute("href"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Valor ponderado");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Atrasados");
            assertThat(sheet.getLastRowNum()).as("header, four rows, total").isEqualTo(5);
            assertThat(sheet.getRow(5).getCell(3).getNumericCellValue()).isEqualTo(
                    expected.getJsonObject("total").getJsonNumber("weightedValue").doubleValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // The board's header: the open value weighed by each stage's probability, as the API sums it.
        long weighted = Api.array(api.call("ana", "GET", "api/v1/funnel?limit=1", null, null)).getValuesAs(JsonObject.class)
                .stream().filter(column -> !column.getJsonObject("stage").getBoolean("closing"))
                .mapToLong(column -> column.getJsonNumber("weightedTotal").bigDecimalValue().movePointRight(2)
                        .longValueExact()).sum();
        browser.open("index.xhtml");
        assertThat(cents(browser.find(By.id("board:openWeighted")).getText())).isEqualTo(String.valueOf(weighted));
        assertThat(browser.findAll(By.cssSelector(".crm-column-header .crm-weighted"))).isNotEmpty();
    }

    /** A currency text or a JSON number as its cents' digits ("R$ 1.234,50" and "1234.5" → "123450"). */
    private static String cents(String money) {
        String text = money.contains(",") || !money.contains(".") ? money.replace(".", "").replace(',', '.') : money;
        return new BigDecimal(text.replaceAll("[^0-9.\\-]", "")).setScale(2).movePointRight(2)
                .toPlainString();
    }

    @Test
    void theUserMenuGivesTheCalendarAddressAndANewOneAfterAConfirmation(Browser browser) {
        browser.login("ana");
        browser.open("account/calendar.xhtml");
        if (browser.findAll(By.id("calendar:feedUrl")).isEmpty()) {
            browser.click(By.id("calendar:renew"));
        }
        String first = browser.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar:feedUrl")))
                .getAttribute("value");
        assertThat(first).matches(".*/crm/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(Api.json(api.call("ana", "GET", "api/v1/me/calendar", null, null)).getString("url"))
                .isEqualTo(first);

        browser.click(By.id("calendar:renew"));
        browser.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        browser.until(ExpectedConditions.not(ExpectedConditions.attributeToBe(By.id("calendar:feedUrl"), "value",
                first)));
        String renewed = browser.find(By.id("calendar:feedUrl")).getAttribute("value");
        assertThat(renewed).isNotEqualTo(first).matches(".*/crm/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(Api.send(HttpRequest.newBuilder(URI.create(first)).GET().build())
                .statusCode()).as("the old address stopped working").isEqualTo(404);
    }
}
