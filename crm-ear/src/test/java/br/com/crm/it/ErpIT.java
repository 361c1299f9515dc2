package br.com.crm.it;

import br.com.crm.customer.entity.TaxId;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ERP through the documented views, over the demo ERP (H2, or PostgreSQL with -Ppostgresql) in the real Micro
 * WAR: the customer's documents by REST, the cards' badges from one ERP query per board, and the subject page's
 * tabs and badge in real headless Chromium.
 */
@ExtendWith(ArquillianExtension.class)
class ErpIT {

    /** A demo customer with documents, receivables overdue and open orders in the demo ERP (CNPJ 11.222.333/0001-81). */
    private static final String PADARIA = "Padaria Pão Dourado Ltda";

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
    void aCustomersSalesFinanceAndServiceDocumentsComeFromTheErpViews() {
        long customer = padaria();
        JsonObject sales = Http.json(call("GET", "api/v1/customers/" + customer + "/sales?limit=50"));
        List<JsonObject> documents = sales.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(documents).isNotEmpty();
        assertThat(sales.getJsonNumber("count").longValue()).isEqualTo(documents.size());
        assertThat(documents).extracting(d -> d.getString("kind")).contains("ORDER", "INVOICE");
        assertThat(documents).filteredOn(d -> d.getString("kind").equals("INVOICE"))
                .allSatisfy(d -> assertThat(d.getString("nfeKey")).hasSize(44));
        assertThat(documents).extracting(d -> LocalDate.parse(d.getString("issuedOn")))
                .isSortedAccordingTo(Comparator.reverseOrder());

        JsonObject finance = Http.json(call("GET", "api/v1/customers/" + customer + "/finance?limit=2"));
        assertThat(finance.getJsonArray("rows")).hasSizeLessThanOrEqualTo(2);
        JsonObject all = Http.json(call("GET", "api/v1/customers/" + customer + "/finance?limit=200"));
        BigDecimal open = all.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getJsonNumber("balance").bigDecimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(finance.getJsonNumber("total").bigDecimalValue()).as("the open total of all, not of the page")
                .isEqualByComparingTo(open);
        assertThat(finance.getJsonNumber("count").longValue()).isEqualTo(all.getJsonArray("rows").size());
        assertThat(all.getJsonArray("rows").getValuesAs(JsonObject.class)).anySatisfy(r -> {
            assertThat(LocalDate.parse(r.getString("dueOn"))).isBefore(LocalDate.now());
            assertThat(r.getJsonNumber("daysOverdue").longValue()).isPositive();
        });

        JsonObject service = Http.json(call("GET", "api/v1/customers/" + customer + "/service"));
        assertThat(service.getJsonNumber("count").longValue()).isGreaterThanOrEqualTo(0);

        JsonArray found = array(call("GET", "api/v1/customers/erp?q=11.222.333/0001-81"));
        assertThat(found).hasSize(1);
        assertThat(found.getJsonObject(0).getString("code")).isEqualTo("C0001");
        assertThat(found.getJsonObject(0).getString("name")).isEqualTo(PADARIA);
        assertThat(array(call("GET", "api/v1/customers/erp?q=padaria"))).extracting(c -> c.asJsonObject()
                .getString("name")).containsExactly(PADARIA);
    }

    @Test
    void aBoardOfCardsCostsOneErpQueryAndItsCardsCarryTheBadges() {
        // A board of its own: subjects of several demo customers, so the page's keys are many.
        String token = UUID.randomUUID().toString().substring(0, 8);
        // New customers: none of them is among the ERP facts the module keeps for a minute.
        Set<Long> customers = new LinkedHashSet<>(List.of(padaria()));
        for (int i = 0; i < 24; i++) {
            String cpf = TaxId.complete(String.valueOf(
                    100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000)));
            HttpResponse<String> registered = call("POST", "api/v1/customers", "{\"name\":\"Cartão " + token + " " + i
                    + "\",\"kind\":\"PERSON\",\"taxId\":\"" + cpf + "\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            customers.add(Http.json(registered).getJsonNumber("id").longValue());
        }
        for (long customer : customers) {
            HttpResponse<String> created = call("POST", "api/v1/subjects", "{\"title\":\"Badge " + token
                    + "\",\"customerId\":" + customer + ",\"responsible\":\"ana\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        double before = erpQueries();
        JsonArray board = array(call("GET", "api/v1/funnel?q=" + token));
        assertThat(erpQueries() - before).as("ERP queries for a board of " + customers.size() + " customers")
                .isEqualTo(1.0);
        array(call("GET", "api/v1/funnel?q=" + token));
        assertThat(erpQueries() - before).as("the facts are kept a minute: a second board asks nothing").isEqualTo(1.0);
        List<JsonObject> cards = new ArrayList<>();
        board.getValuesAs(JsonObject.class).forEach(column -> cards.addAll(column.getJsonArray("cards")
                .getValuesAs(JsonObject.class)));
        assertThat(cards).hasSize(customers.size());
        JsonObject padaria = cards.stream().filter(card -> card.getString("customer").equals(PADARIA)).findFirst()
                .orElseThrow();
        assertThat(padaria.getJsonObject("erp").getJsonNumber("overdue").bigDecimalValue()).isPositive();
    }

    @Test
    void theSubjectPageShowsTheThreeErpTabsAndTheCardItsBadge() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = call("POST", "api/v1/subjects", "{\"title\":\"Abas " + token
                + "\",\"customerId\":" + padaria() + ",\"responsible\":\"ana\"}");
        long subject = Http.json(created).getJsonNumber("id").longValue();
        WebDriver driver = Browser.start("pt-BR");
        drivers.add(driver);
        Browser.login(driver, base, "ana", "ana");

        driver.get(Http.resolve(base, "index.xhtml?q=" + token).toString());
        WebElement badge = Browser.waiting(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".crm-card[data-subject='" + subject + "'] .crm-erp-overdue")));
        assertThat(badge.getText()).startsWith("Vencido:").contains("R$");

        driver.get(Http.resolve(base, "subject/view.xhtml?id=" + subject).toString());
        assertThat(driver.findElement(By.cssSelector("#subject\\:subjectErp .crm-erp-overdue")).getText())
                .contains("R$");
        WebElement sales = Browser.waiting(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.id("erp:tabs:sales")));
        assertThat(sales.getText()).contains("Nota fiscal (NF-e)").contains("Pedido");

        driver.findElement(By.linkText("Financeiro")).click();
        WebElement receivables = Browser.waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("erp:tabs:receivables")));
        assertThat(receivables.findElements(By.cssSelector("tr.crm-overdue-row"))).as("overdue in red").isNotEmpty();
        assertThat(driver.findElement(By.id("erp:tabs:receivables:openBalance")).getText()).startsWith("R$");

        driver.findElement(By.linkText("Serviço")).click();
        assertThat(Browser.waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("erp:tabs:service"))).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.id("erpUnavailable"))).isEmpty();
    }

    @Test
    void anAcceptedProposalBecomesOneSalesOrderInTheErpAndErpCustomersAreLinkedNotDuplicated() {
        long linked = Http.json(call("POST", "api/v1/customers/erp/C0001")).getJsonNumber("id").longValue();
        assertThat(linked).as("the CRM customer with the same CNPJ, linked").isEqualTo(padaria());
        JsonObject hotel = Http.json(call("POST", "api/v1/customers/erp/C0009"));
        assertThat(hotel.getString("erpCode")).isEqualTo("C0009");
        assertThat(Http.json(call("POST", "api/v1/customers/erp/C0009")).getJsonNumber("id").longValue())
                .as("linking again finds it").isEqualTo(hotel.getJsonNumber("id").longValue());
        assertThat(call("POST", "api/v1/customers/erp/NOPE").statusCode()).isEqualTo(404);
        HttpResponse<String> registered = call("POST", "api/v1/customers", "{\"name\":\"Norte Sul\",\"kind\":"
                + "\"COMPANY\",\"taxId\":\"20.191.011/0001-03\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(Http.json(registered).getString("erpCode")).as("registered with the CNPJ the ERP knows: linked")
                .isEqualTo("C0019");
        assertThat(Http.json(call("GET", "api/v1/customers/" + Http.json(registered).getJsonNumber("id") + "/sales"))
                .getJsonNumber("count").longValue()).isEqualTo(1);

        long customer = hotel.getJsonNumber("id").longValue();
        long subject = Http.json(call("POST", "api/v1/subjects", "{\"title\":\"Pedido " + UUID.randomUUID()
                + "\",\"customerId\":" + customer + ",\"responsible\":\"ana\"}")).getJsonNumber("id").longValue();
        LocalDate today = LocalDate.now();
        JsonObject proposal = Http.json(call("POST", "api/v1/subjects/" + subject + "/proposals", "{\"issuedOn\":\""
                + today + "\",\"validUntil\":\"" + today.plusDays(10) + "\",\"items\":[{\"productCode\":\"P-3002\","
                + "\"description\":\"Instalação de equipamento\",\"quantity\":2,\"unitPrice\":1250}]}"));
        String path = "api/v1/proposals/" + proposal.getJsonNumber("id");
        assertThat(Api.call(base, "ana", "POST", path + "/sales-order", "\"" + proposal.getJsonNumber("version") + "\"",
                null).statusCode()).as("a draft is no order").isEqualTo(409);
        assertThat(call("POST", path + "/send", "{\"to\":\"reservas@hotelbeiramar.com.br\"}").statusCode()).isEqualTo(202);
        JsonObject sent = Http.json(call("GET", path));
        JsonObject accepted = Http.json(Api.call(base, "ana", "POST", path + "/decision", "\"" + sent.getJsonNumber("version")
                + "\"", "{\"accepted\":true}"));
        HttpResponse<String> ordered = Api.call(base, "ana", "POST", path + "/sales-order", "\""
                + accepted.getJsonNumber("version") + "\"", null);
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(200);
        assertThat(Http.json(ordered).getString("orderRequestedAt")).isNotBlank();
        assertThat(Api.call(base, "ana", "POST", path + "/sales-order", "\"" + Http.json(ordered).getJsonNumber("version")
                + "\"", null).statusCode()).as("once").isEqualTo(409);

        List<JsonObject> sales = Http.json(call("GET", "api/v1/customers/" + customer + "/sales?limit=100"))
                .getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(sales).filteredOn(d -> d.getString("number").equals("PV-CRM-" + proposal.getString("displayNumber")))
                .singleElement().satisfies(d -> {
                    assertThat(d.getString("kind")).isEqualTo("ORDER");
                    assertThat(d.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("2500");
                });
    }

    private long padaria() {
        JsonArray found = array(call("GET", "api/v1/customers?q=padaria"));
        return found.getValuesAs(JsonObject.class).stream().filter(c -> c.getString("name").equals(PADARIA))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    /** The application metric the ERP implementation counts its queries in. */
    private double erpQueries() {
        URL root = Http.serverRoot(base);
        HttpResponse<String> metrics = Http.get(root, "metrics?scope=application");
        if (metrics.statusCode() != 200) {
            metrics = Http.get(root, "metrics/application");
        }
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        Matcher value = Pattern.compile("(?m)^crm_erp_queries(?:_total)?(?:\\{[^}]*})?\\s+([0-9.Ee+]+)")
                .matcher(metrics.body());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private HttpResponse<String> call(String method, String path) {
        return Api.call(base, "ana", method, path, null, null);
    }

    private HttpResponse<String> call(String method, String path, String json) {
        return Api.call(base, "ana", method, path, null, json);
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray();
    }
}
