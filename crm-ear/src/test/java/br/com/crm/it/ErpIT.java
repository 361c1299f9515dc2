package br.com.crm.it;

import br.com.crm.customer.entity.TaxId;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ERP through the documented views, over the demo ERP (H2, or PostgreSQL with -Ppostgresql) in the real Micro
 * WAR: the customer's documents by REST, the cards' badges from one ERP query per board, and the subject page's
 * tabs and badge in real headless Chromium. The ERP is another system: its demo customers and documents are its
 * own data; the CRM customers are linked to them here, and what a test needs new in the ERP it adds there.
 */
@ExtendWith({MicroServer.class, BrowserExtension.class})
class ErpIT {

    /** A customer of the demo ERP with documents, receivables overdue and open orders (CNPJ 11.222.333/0001-81). */
    private static final String PADARIA = "Padaria Pão Dourado Ltda";


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @Test
    void aCustomersSalesFinanceAndServiceDocumentsComeFromTheErpViews() {
        long customer = padaria();
        JsonObject sales = Api.json(api.call("ana", "GET", "api/v1/customers/" + customer + "/sales?limit=50",
                null, null));
        List<JsonObject> documents = sales.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(documents).isNotEmpty();
        assertThat(sales.getJsonNumber("count").longValue()).isEqualTo(documents.size());
        assertThat(documents).extracting(d -> d.getString("kind")).contains("ORDER", "INVOICE");
        assertThat(documents).filteredOn(d -> d.getString("kind").equals("INVOICE"))
                .allSatisfy(d -> assertThat(d.getString("nfeKey")).hasSize(44));
        assertThat(documents).extracting(d -> LocalDate.parse(d.getString("issuedOn")))
                .isSortedAccordingTo(Comparator.reverseOrder());

        JsonObject finance = Api.json(api.call("ana", "GET", "api/v1/customers/" + customer + "/finance?limit=2",
                null, null));
        assertThat(finance.getJsonArray("rows")).hasSizeLessThanOrEqualTo(2);
        JsonObject all = Api.json(api.call("ana", "GET", "api/v1/customers/" + customer + "/finance?limit=200",
                null, null));
        BigDecimal open = all.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getJsonNumber("balance").bigDecimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(finance.getJsonNumber("total").bigDecimalValue()).as("the open total of all, not of the page")
                .isEqualByComparingTo(open);
        assertThat(finance.getJsonNumber("count").longValue()).isEqualTo(all.getJsonArray("rows").size());
        assertThat(all.getJsonArray("rows").getValuesAs(JsonObject.class)).anySatisfy(r -> {
            assertThat(LocalDate.parse(r.getString("dueOn"))).isBefore(LocalDate.now());
            assertThat(r.getJsonNumber("daysOverdue").longValue()).isPositive();
        });

        JsonObject service = Api.json(api.call("ana", "GET", "api/v1/customers/" + customer + "/service", null, null));
        assertThat(service.getJsonNumber("count").longValue()).isGreaterThanOrEqualTo(0);

        JsonArray found = Api.array(api.call("ana", "GET", "api/v1/customers/erp?q=11.222.333/0001-81", null, null));
        assertThat(found).hasSize(1);
        assertThat(found.getJsonObject(0).getString("code")).isEqualTo("C0001");
        assertThat(found.getJsonObject(0).getString("name")).isEqualTo(PADARIA);
        assertThat(Api.array(api.call("ana", "GET", "api/v1/customers/erp?q=padaria", null, null)))
                .extracting(c -> c.asJsonObject()
                .getString("name")).containsExactly(PADARIA);
    }

    @Test
    void aBoardOfCardsCostsOneErpQueryAndItsCardsCarryTheBadges() {
        // A board of its own: subjects of several customers, so the page's keys are many.
        String token = Api.token();
        // New customers: none of them is among the ERP facts the module keeps for a minute.
        Set<Long> customers = new LinkedHashSet<>(List.of(padaria()));
        for (int i = 0; i < 24; i++) {
            HttpResponse<String> registered = api.call("ana", "POST", "api/v1/customers", null,
                    "{\"name\":\"Cartão " + token + " " + i + "\",\"kind\":\"PERSON\",\"taxId\":\""
                    + Api.newCpf() + "\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            customers.add(Api.id(Api.json(registered)));
        }
        for (long customer : customers) {
            HttpResponse<String> created = api.call("ana", "POST", "api/v1/subjects", null,
                    "{\"title\":\"Badge " + token
                    + "\",\"customerId\":" + customer + ",\"responsible\":\"ana\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        double before = erpQueries();
        JsonArray board = Api.array(api.call("ana", "GET", "api/v1/funnel?q=" + token, null, null));
        assertThat(erpQueries() - before).as("ERP queries for a board of " + customers.size() + " customers")
                .isEqualTo(1.0);
        Api.array(api.call("ana", "GET", "api/v1/funnel?q=" + token, null, null));
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
    void theSubjectPageShowsTheThreeErpTabsAndTheCardItsBadge(Browser browser) {
        String token = Api.token();
        HttpResponse<String> created = api.call("ana", "POST", "api/v1/subjects", null, "{\"title\":\"Abas " + token
                + "\",\"customerId\":" + padaria() + ",\"responsible\":\"ana\"}");
        long subject = Api.id(Api.json(created));
        browser.login("ana");

        browser.open("index.xhtml?q=" + token);
        WebElement badge = browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".crm-card[data-subject='" + subject + "'] .crm-erp-overdue")));
        assertThat(badge.getText()).startsWith("Vencido:").contains("R$");

        browser.open("subject/view.xhtml?id=" + subject);
        assertThat(browser.find(By.cssSelector("#subject\\:subjectErp .crm-erp-overdue")).getText())
                .contains("R$");
        WebElement sales = browser.until(ExpectedConditions.presenceOfElementLocated(By.id("erp:tabs:sales")));
        assertThat(sales.getText()).contains("Nota fiscal (NF-e)").contains("Pedido");

        browser.find(By.linkText("Financeiro")).click();
        WebElement receivables = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("erp:tabs:receivables")));
        assertThat(receivables.findElements(By.cssSelector("tr.crm-overdue-row"))).as("overdue in red").isNotEmpty();
        assertThat(browser.find(By.id("erp:tabs:receivables:openBalance")).getText()).startsWith("R$");

        browser.find(By.linkText("Serviço")).click();
        assertThat(browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("erp:tabs:service"))).isDisplayed()).isTrue();
        assertThat(browser.findAll(By.id("erpUnavailable"))).isEmpty();
    }

    @Test
    void anAcceptedProposalBecomesOneSalesOrderInTheErpAndErpCustomersAreLinkedNotDuplicated() {
        String token = Api.token();
        // Registered in the CRM before the ERP knew the CNPJ; once the ERP has it, linking finds this customer.
        String cnpj = Api.newCnpj();
        HttpResponse<String> early = api.call("ana", "POST", "api/v1/customers", null,
                "{\"name\":\"Antes do ERP " + token + "\",\"kind\":\"COMPANY\",\"taxId\":\""
                + TaxId.format(cnpj) + "\"}");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(201);
        assertThat(!Api.json(early).containsKey("erpCode") || Api.json(early).isNull("erpCode"))
                .as("the ERP does not know it yet").isTrue();
        String code = newErpCustomer("Antes do ERP " + token, cnpj);
        long linked = Api.id(api.erpCustomer(code));
        assertThat(linked).as("the CRM customer with the same CNPJ, linked").isEqualTo(Api.id(Api.json(early)));
        JsonObject hotel = api.erpCustomer("C0009");
        assertThat(hotel.getString("erpCode")).isEqualTo("C0009");
        assertThat(Api.id(api.erpCustomer("C0009"))).as("linking again finds it").isEqualTo(Api.id(hotel));
        assertThat(api.call("ana", "POST", "api/v1/customers/erp/NOPE", null, null).statusCode()).isEqualTo(404);

        String known = Api.newCnpj();
        String knownCode = newErpCustomer("Norte Sul " + token, known);
        HttpResponse<String> registered = api.call("ana", "POST", "api/v1/customers", null,
                "{\"name\":\"Norte Sul " + token + "\",\"kind\":\"COMPANY\",\"taxId\":\""
                + TaxId.format(known) + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(Api.json(registered).getString("erpCode")).as("registered with the CNPJ the ERP knows: linked")
                .isEqualTo(knownCode);
        assertThat(Api.json(api.call("ana", "GET", "api/v1/customers/" + Api.id(Api.json(registered)) + "/sales",
                null, null))
                .getJsonNumber("count").longValue()).isEqualTo(1);

        long customer = Api.id(hotel);
        long subject = Api.id(Api.json(api.call("ana", "POST", "api/v1/subjects", null,
                "{\"title\":\"Pedido " + UUID.randomUUID()
                + "\",\"customerId\":" + customer + ",\"responsible\":\"ana\"}")));
        LocalDate today = LocalDate.now();
        JsonObject proposal = Api.json(api.call("ana", "POST", "api/v1/subjects/" + subject + "/proposals", null,
                "{\"issuedOn\":\""
                + today + "\",\"validUntil\":\"" + today.plusDays(10) + "\",\"items\":[{\"productCode\":\"P-3002\","
                + "\"description\":\"Instalação de equipamento\",\"quantity\":2,\"unitPrice\":1250}]}"));
        String path = "api/v1/proposals/" + proposal.getJsonNumber("id");
        assertThat(api.call("ana", "POST", path + "/sales-order", Api.ifMatch(proposal), null).statusCode())
                .as("a draft is no order").isEqualTo(409);
        assertThat(api.call("ana", "POST", path + "/send", null,
                "{\"to\":\"reservas@hotelbeiramar.com.br\"}").statusCode()).isEqualTo(202);
        JsonObject sent = Api.json(api.call("ana", "GET", path, null, null));
        JsonObject accepted = Api.json(api.call("ana", "POST", path + "/decision", Api.ifMatch(sent),
                "{\"accepted\":true}"));
        HttpResponse<String> ordered = api.call("ana", "POST", path + "/sales-order", Api.ifMatch(accepted), null);
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(200);
        assertThat(Api.json(ordered).getString("orderRequestedAt")).isNotBlank();
        assertThat(api.call("ana", "POST", path + "/sales-order", Api.ifMatch(Api.json(ordered)), null).statusCode())
                .as("once").isEqualTo(409);

        List<JsonObject> sales = Api.json(api.call("ana", "GET", "api/v1/customers/" + customer + "/sales?limit=100",
                null, null))
                .getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(sales).filteredOn(d -> d.getString("number").equals("PV-CRM-" + proposal.getString("displayNumber")))
                .singleElement().satisfies(d -> {
                    assertThat(d.getString("kind")).isEqualTo("ORDER");
                    assertThat(d.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("2500");
                });
    }

    /** The CRM customer of the demo ERP's Padaria (C0001): linked, or found by its CNPJ, or made from the ERP. */
    private long padaria() {
        return Api.id(api.erpCustomer("C0001"));
    }

    /**
     * A customer of the test's own in the demo ERP, with one open order. The ERP is another system with no API to
     * register customers; in demo mode its tables are in the module's database.
     */
    private static String newErpCustomer(String name, String cnpj) {
        String code = "T" + Api.token();
        assertThat(Database.update("insert into demo_erp_customer (code, name, tax_id, city, state) "
                + "values (?, ?, ?, 'Manaus', 'AM')", code, name, cnpj)).isEqualTo(1);
        assertThat(Database.update("insert into demo_erp_sales (customer_code, kind, number, day_offset, amount, "
                + "status, nfe_key, open_order) values (?, 'ORDER', ?, -3, 18450.00, 'Em aberto', null, true)",
                code, "PV-" + code)).isEqualTo(1);
        return code;
    }

    /** The application metric the ERP implementation counts its queries in. */
    private double erpQueries() {
        HttpResponse<String> metrics = api.root().get("metrics?scope=application");
        if (metrics.statusCode() != 200) {
            metrics = api.root().get("metrics/application");
        }
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        Matcher value = Pattern.compile("(?m)^crm_erp_queries(?:_total)?(?:\\{[^}]*})?\\s+([0-9.Ee+]+)")
                .matcher(metrics.body());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
