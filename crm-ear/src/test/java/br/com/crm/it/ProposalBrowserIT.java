package br.com.crm.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A proposal built, printed and sent in real headless Chromium, through a real SMTP server (GreenMail on the port
 * the Micro under test is configured with): the PDF holds the items and total, the e-mail arrives with it, and
 * the timeline says it was sent.
 */
@ExtendWith({MicroServer.class, BrowserExtension.class})
class ProposalBrowserIT {

    private static GreenMail smtp;


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aProposalIsBuiltPrintedSentAndShownOnTheTimelineAsSent(Browser browser) throws Exception {
        String token = Api.token();
        long subject = api.newSubject("Proposta " + token);
        // The stage the default rule moves a subject to when its proposal is sent: read, not named.
        String sentStage = api.stages().stream()
                .filter(stage -> "SENT".equals(stage.getString("proposalRule", "")))
                .findFirst().orElseThrow(() -> new AssertionError("no stage with the rule SENT"))
                .getString("description");
        WebDriver driver = browser.login("ana").driver();
        browser.open("subject/view.xhtml?id=" + subject);

        driver.findElement(By.id("proposals:newProposal")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal:items")));
        line(driver, 0, "Instalação elétrica", "2", "1500", "10");
        driver.findElement(By.id("proposal:addLine")).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(
                By.id("proposal:items:1:description")));
        line(driver, 1, "Quadro de distribuição", "1", "450,50", "0");
        WebElement freight = driver.findElement(By.id("proposal:freight_input"));
        freight.sendKeys(Keys.chord(Keys.CONTROL, "a"), "80", Keys.TAB);
        // 2 × 1.500,00 − 10% = 2.700,00; 450,50; freight 80,00
        browser.until(ExpectedConditions.textToBe(By.id("proposal:total"), "R$ 3.230,50"));
        driver.findElement(By.id("proposal:save")).click();

        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("proposals:list"),
                "Rascunho"));
        WebElement row = driver.findElement(By.cssSelector("#proposals\\:list tbody tr"));
        assertThat(row.getText()).contains("R$ 3.230,50");
        String number = row.findElement(By.cssSelector("td")).getText().strip();

        HttpResponse<byte[]> pdf = browser.download(row.findElement(By.cssSelector("a.crm-proposal-pdf"))
                .getAttribute("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(number).contains("Instalação elétrica").contains("Quadro de distribuição")
                    .contains("R$ 3.230,50");
        }

        String address = "compras-" + token + "@cliente.test";
        row.findElement(By.cssSelector("[id$='sendProposal']")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("mailDialog")));
        WebElement to = browser.until(ExpectedConditions.elementToBeClickable(
                By.id("mailForm:to")));
        to.click();
        to.sendKeys(Keys.chord(Keys.CONTROL, "a"), address);
        assertThat(driver.findElement(By.id("mailForm:mailSubject")).getAttribute("value")).contains(number);
        driver.findElement(By.id("mailForm:sendMail")).click();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mailDialog")));
        assertThat(driver.findElement(By.id("proposals:list")).getText()).contains("Enviada");

        // Sent in the background: the page shows it once the sender has recorded it.
        await("the timeline shows the proposal sent").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    driver.navigate().refresh();
                    assertThat(driver.findElement(By.id("items")).getText()).contains("Enviado");
                });
        String timeline = driver.findElement(By.id("items")).getText();
        assertThat(timeline).contains("Enviado").contains(address).contains("Proposta").contains(number)
                .contains("R$ 3.230,50");
        assertThat(driver.findElement(By.id("subjectStage")).getText())
                .as("the default rule moves a subject whose proposal was sent").isEqualTo(sentStage);

        MimeMessage[] received = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(address)).toArray(MimeMessage[]::new);
        assertThat(received).hasSize(1);
        Multipart parts = (Multipart) received[0].getContent();
        Part attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("proposta-" + number + ".pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
    }

    @Test
    void aTemplateWrittenInTheSettingsComposesAPlainEmail(Browser administrator, Browser browser) {
        String token = Api.token();
        WebDriver admin = administrator.login("admin").driver();
        administrator.open("settings/sales.xhtml");
        admin.findElement(By.id("templates:templateName")).sendKeys("Retorno " + token);
        admin.findElement(By.id("templates:templateSubject")).sendKeys("Retorno sobre {assunto}");
        admin.findElement(By.id("templates:templateBody")).sendKeys("Olá {cliente}, tudo certo? {vendedor}");
        admin.findElement(By.id("templates:saveTemplate")).click();
        administrator.until(ExpectedConditions.textToBePresentInElementLocated(By.id("templates:list"),
                "Retorno " + token));

        long subject = api.newSubject("Modelo " + token);
        WebDriver driver = browser.login("ana").driver();
        browser.open("subject/view.xhtml?id=" + subject);
        driver.findElement(By.id("proposals:newMail")).click();
        // The dialog opens once its form came back composed from the default template.
        browser.until(ExpectedConditions.attributeContains(By.id("mailForm:mailSubject"), "value",
                "Modelo " + token));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("mailForm:template")));
        // The menu's own change event, as choosing an item fires it; again while the dialog's form was still being
        // replaced by the compose request (then the first choice is lost with the old form).
        String expected = "Retorno sobre Modelo " + token;
        for (int attempt = 0; attempt < 5 && !subjectIs(driver, expected); attempt++) {
            browser.script(
                    "var select = document.getElementById('mailForm:template_input');"
                            + "var option = Array.from(select.options).find(o => o.textContent === arguments[0]);"
                            + "PrimeFaces.getWidgetById('mailForm:template').selectValue(option.value);"
                            + "$(select).trigger('change');", "Retorno " + token);
            try {
                browser.waiting(Duration.ofSeconds(5)).until(d -> subjectIs(d, expected));
            } catch (TimeoutException e) {
                // chosen again below
            }
        }
        assertThat(driver.findElement(By.id("mailForm:mailSubject")).getAttribute("value")).isEqualTo(expected);
        assertThat(driver.findElement(By.id("mailForm:body")).getAttribute("value"))
                .startsWith("Olá Cliente ").endsWith("Ana Souza");
    }

    private static boolean subjectIs(WebDriver driver, String expected) {
        try {
            return expected.equals(driver.findElement(By.id("mailForm:mailSubject")).getAttribute("value"));
        } catch (StaleElementReferenceException e) {
            return false;
        }
    }

    private static void line(WebDriver driver, int row, String description, String quantity, String price,
                             String discount) {
        String prefix = "proposal:items:" + row + ":";
        driver.findElement(By.id(prefix + "description")).sendKeys(description);
        type(driver, prefix + "quantity_input", quantity);
        type(driver, prefix + "unitPrice_input", price);
        type(driver, prefix + "discount_input", discount);
    }

    private static void type(WebDriver driver, String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, value, Keys.TAB);
    }

    private static String recipients(MimeMessage message) {
        try {
            return String.valueOf(Arrays.toString(message.getAllRecipients()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
