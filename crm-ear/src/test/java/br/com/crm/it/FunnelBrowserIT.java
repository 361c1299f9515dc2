package br.com.crm.it;

import br.com.crm.customer.entity.TaxId;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The funnel in real headless Chromium: create, drag, close, roles, live updates, the stage limit. */
@ExtendWith({MicroServer.class, BrowserExtension.class})
class FunnelBrowserIT {


    @MicroServer.Base
    URL base;

    private final Api api = new Api(() -> base);

    @Test
    void createsASubjectWithANewCustomerRefusingAnInvalidCnpj(Browser browser) {
        browser.login("ana");
        browser.find(By.id("newSubject")).click();
        browser.until(ExpectedConditions.urlContains("subject/new.xhtml"));
        String title = "Implantação " + Api.token();
        browser.find(By.id("subject:title")).sendKeys(title);

        browser.find(By.id("subject:newCustomer")).click();
        WebElement name = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("customerForm:name")));
        // The dialog puts the focus on its first field (the ERP search) once shown: typed before that, the name
        // went there (CI).
        browser.until(d -> "customerForm:erpCustomer_input".equals(
                browser.script("return document.activeElement && document.activeElement.id")));
        name.sendKeys("Empresa " + title);
        browser.find(By.id("customerForm:taxId")).sendKeys("11.222.333/0001-00");
        browser.find(By.id("customerForm:register")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customerForm:customerMessages"),
                "CNPJ inválido"));

        WebElement taxId = browser.find(By.id("customerForm:taxId"));
        taxId.clear();
        taxId.sendKeys(TaxId.format(Api.newCnpj()));
        browser.find(By.id("customerForm:register")).click();
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("customerDialog")));
        assertThat(browser.find(By.id("subject:customer_input")).getAttribute("value"))
                .isEqualTo("Empresa " + title);

        browser.find(By.id("subject:save")).click();
        browser.until(ExpectedConditions.urlContains("subject/view.xhtml"));
        assertThat(browser.find(By.id("subjectTitle")).getText()).isEqualTo(title);
        assertThat(browser.find(By.id("subject:nextSteps")).getText()).contains("Próximos passos");
        assertThat(browser.find(By.id("subjectStage")).getText())
                .isEqualTo(api.firstStage().getString("description"));
    }

    /**
     * A column's next page draws that column alone, a drag the two columns it touches: the other columns keep their
     * elements (a mark put on them survives), and the cards just loaded drag like the first ones.
     */
    @Test
    void aColumnsNextCardsAndAMoveRedrawOnlyTheColumnsTheyTouch(Browser browser) {
        String unique = Api.token();
        long first = Api.id(api.firstStage());
        long second = Api.id(api.openStage(2));
        long third = Api.id(api.openStage(3));
        // A column shows the subjects that entered it last first: the oldest comes with the next page.
        long oldest = api.newSubject("Página " + unique + " 0");
        for (int i = 1; i < 27; i++) {
            api.newSubject("Página " + unique + " " + i);
        }
        long elsewhere = api.newSubject("Página " + unique + " outro");
        api.move(elsewhere, "{\"stageId\":" + third + "}");
        browser.login("ana");
        browser.open("index.xhtml?q=" + unique);
        assertThat(cardsIn(browser, first)).hasSize(25);
        browser.script("document.querySelector('.crm-column[data-stage=\"' + arguments[0] + '\"]').crmKept = true",
                third);

        WebElement more = browser.find(By.cssSelector(".crm-column[data-stage='" + first + "'] .crm-more"));
        browser.script("arguments[0].click()", more);
        browser.until(d -> cardsIn(browser, first).size() == 27);
        assertThat(kept(browser, third)).as("a column that did not change is not drawn again").isTrue();

        long loaded = oldest;
        assertThat(Browser.columnOf(browser.driver(), loaded)).isEqualTo(first);
        drag(browser, loaded, second);
        browser.until(d -> Browser.columnOf(d, loaded) == second);
        assertThat(api.subject(loaded).getJsonNumber("stageId").longValue()).isEqualTo(second);
        assertThat(browser.find(By.cssSelector(".crm-column[data-stage='" + second + "'] .crm-count")).getText())
                .isEqualTo("1");
        assertThat(browser.find(By.cssSelector(".crm-column[data-stage='" + first + "'] .crm-count")).getText())
                .isEqualTo("26");
        assertThat(kept(browser, third)).as("nor by a move between two others").isTrue();
        assertThat(Browser.columnOf(browser.driver(), elsewhere)).isEqualTo(third);
    }

    private static List<WebElement> cardsIn(Browser browser, long stage) {
        return browser.findAll(By.cssSelector(".crm-column-body[data-stage='" + stage + "'] .crm-card[data-subject]"));
    }

    private static boolean kept(Browser browser, long stage) {
        return Boolean.TRUE.equals(browser.script(
                "return document.querySelector('.crm-column[data-stage=\"' + arguments[0] + '\"]').crmKept === true",
                stage));
    }

    @Test
    void aDraggedCardStaysInItsNewStageAfterAReload(Browser browser) {
        long id = api.newSubject("Arrastar " + Api.token());
        long second = Api.id(api.openStage(2));
        browser.login("ana");

        drag(browser, id, second);
        browser.until(d -> Browser.columnOf(d, id) == second);
        browser.driver().navigate().refresh();
        assertThat(Browser.columnOf(browser.driver(), id)).isEqualTo(second);
        assertThat(api.subject(id).getJsonNumber("stageId").longValue()).isEqualTo(second);
    }

    @Test
    void droppingOnTheClosingStageAsksForTheOutcomeAndClosesAsLostWithAReason(Browser browser) {
        long id = api.newSubject("Perder " + Api.token());
        long closing = Api.id(api.closingStage());
        long reason = api.lostReason();
        browser.login("ana");

        drag(browser, id, closing);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:outcome")));
        browser.find(By.cssSelector("label[for='moveForm:outcome:1']")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:lostReason")));
        browser.select("moveForm:lostReason", String.valueOf(reason));
        browser.find(By.id("moveForm:confirm")).click();

        browser.until(d -> Browser.columnOf(d, id) == closing);
        // The live push may render the board once more after the move's own update: read the card as it settles.
        browser.until(d -> card(browser, id).getText().contains("Perdido"));
        JsonObject stored = api.subject(id);
        assertThat(stored.getString("outcome")).isEqualTo("LOST");
        assertThat(stored.getJsonNumber("lostReasonId").longValue()).isEqualTo(reason);
    }

    @Test
    void markupInATitleShowsAsTextOnItsCard(Browser browser) {
        long id = api.newSubject("<img src=x onerror=window.crmHacked=1> <b>negrito</b> " + Api.token());
        browser.login("ana");
        WebElement card = card(browser, id);
        assertThat(card.findElement(By.cssSelector(".crm-card-title")).getText())
                .startsWith("<img src=x onerror=window.crmHacked=1> <b>negrito</b>");
        assertThat(card.findElements(By.cssSelector("img, b"))).isEmpty();
        assertThat(card.findElement(By.cssSelector(".crm-card-menu")).getAttribute("aria-label"))
                .contains("<b>negrito</b>");
        assertThat(browser.script("return window.crmHacked")).isNull();
    }

    @Test
    void aCardMovesWithTheKeyboardOnly(Browser browser) {
        long id = api.newSubject("Teclado " + Api.token());
        // Past the next stage: the last one before the closing one.
        long target = Api.id(api.lastOpenStage());
        assertThat(target).as("a stage to move to").isNotEqualTo(Api.id(api.firstStage()));
        browser.login("ana");

        WebElement menuButton = card(browser, id).findElement(By.cssSelector(".crm-card-menu"));
        menuButton.sendKeys(Keys.ENTER);
        WebElement move = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("cardMenuMove")));
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(move);
        move.sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:stage")));
        browser.select("moveForm:stage", String.valueOf(target));
        browser.find(By.id("moveForm:confirm")).sendKeys(Keys.ENTER);

        browser.until(d -> Browser.columnOf(d, id) == target);
        assertThat(api.subject(id).getJsonNumber("stageId").longValue()).isEqualTo(target);
    }

    /**
     * Create → move → close with the keyboard alone, keys sent to whatever has the focus: the live region says where
     * the card went, and the focus stays on the card after each move (the board is drawn anew under it).
     */
    @Test
    void aSubjectIsCreatedMovedAndClosedWithTheKeyboardAlone(Browser browser) {
        String token = Api.token();
        String customer = "Teclado " + token + " Ltda";
        api.newCustomer(customer);
        String title = "Sem mouse " + token;
        JsonObject second = api.openStage(2);
        JsonObject closing = api.closingStage();

        browser.open("login.xhtml");
        browser.tabTo("#login\\:username");
        browser.keys("ana", Keys.TAB, "ana", Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("shell:menu")));

        browser.tabTo("#newSubject a");
        browser.keys(Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("subject/new.xhtml"));
        browser.tabTo("#subject\\:title");
        browser.keys(title);
        browser.tabTo("#subject\\:customer_input");
        browser.keys("Teclado " + token);
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#subject\\:customer_panel .ui-autocomplete-item")));
        browser.keys(Keys.ARROW_DOWN, Keys.ENTER);
        browser.until(d -> customer.equals(browser.find(By.id("subject:customer_input")).getAttribute("value")));
        browser.tabTo("#subject\\:save");
        browser.keys(Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("subject/view.xhtml"));
        long id = Long.parseLong(URI.create(browser.driver().getCurrentUrl()).getQuery().replaceAll(".*id=(\\d+).*", "$1"));
        assertThat(api.subject(id).getString("title")).isEqualTo(title);

        browser.tabTo("a.crm-brand");
        browser.keys(Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
        browser.tabTo("#q");
        browser.keys(token, Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("q="));
        String cardSelector = ".crm-card[data-subject='" + id + "']";
        browser.tabTo(cardSelector);

        browser.keys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        browser.until(ExpectedConditions.textToBe(By.id("funnelStatus"), "Movido para " + second.getString("description")));
        browser.until(d -> Browser.columnOf(d, id) == Api.id(second));
        browser.until(d -> browser.focused(cardSelector));
        assertThat(api.subject(id).getJsonNumber("stageId").longValue()).isEqualTo(Api.id(second));

        // On to the closing stage, which asks for the outcome first.
        for (int moves = 0; !browser.find(By.id("moveDialog")).isDisplayed(); moves++) {
            assertThat(moves).as("moves before the closing stage").isLessThan(6);
            long from = Browser.columnOf(browser.driver(), id);
            browser.keys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
            browser.until(d -> browser.find(By.id("moveDialog")).isDisplayed()
                    || Browser.columnOf(d, id) != from && browser.focused(cardSelector));
        }
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:outcome")));
        browser.accessible();
        browser.tabTo("#moveForm\\:outcome\\:0");
        browser.keys(Keys.SPACE);
        browser.tabTo("#moveForm\\:confirm");
        browser.keys(Keys.ENTER);

        browser.until(ExpectedConditions.textToBe(By.id("funnelStatus"),
                "Movido para " + closing.getString("description")));
        browser.until(d -> Browser.columnOf(d, id) == Api.id(closing));
        browser.until(d -> browser.focused(cardSelector));
        JsonObject stored = api.subject(id);
        assertThat(stored.getJsonNumber("stageId").longValue()).isEqualTo(Api.id(closing));
        assertThat(stored.getString("outcome")).isEqualTo("WON");
        browser.accessible();
    }

    /** A colleague's change draws the board anew: the card the user was on keeps the focus. */
    @Test
    void theFocusStaysOnItsCardWhenAColleaguesChangeRedrawsTheBoard(@Browser.Language("en-US") Browser browser) {
        long mine = api.newSubject("Foco " + Api.token());
        long theirs = api.newSubject("Outro foco " + Api.token());
        JsonObject stage = api.openStage(2);
        long second = Api.id(stage);
        browser.login("bruno");
        WebElement card = card(browser, mine);
        browser.script("arguments[0].focus()", card);

        api.move(theirs, "{\"stageId\":" + second + "}");
        browser.waiting(Duration.ofSeconds(10)).until(d -> Browser.columnOf(d, theirs) == second);

        browser.until(ExpectedConditions.stalenessOf(card));
        browser.until(d -> browser.focused(".crm-card[data-subject='" + mine + "']"));
        // And a move by the keyboard is announced in English.
        browser.keys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        browser.until(ExpectedConditions.textToBe(By.id("funnelStatus"),
                "Moved to " + stage.getString("descriptionEn", stage.getString("description"))));
        browser.accessible();
    }

    /**
     * On a phone the page fits the width and the board scrolls sideways by whole columns, each nearly as wide as the
     * window; a long press on a card opens its menu, which moves it.
     */
    @Test
    void onAPhoneTheFunnelScrollsByColumnAndALongPressMovesACard(@Browser.Phone Browser phone) {
        long id = api.newSubject("Celular " + Api.token());
        JsonObject second = api.openStage(2);
        phone.login("ana");
        card(phone, id);

        assertThat(phone.fitsTheWidth()).as("the funnel fits the phone's width").isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> board = (Map<String, Object>) phone.script("var b = document.querySelector('.crm-board');"
                + " var c = b.querySelector('.crm-column'); return {snap: getComputedStyle(b).scrollSnapType,"
                + " align: getComputedStyle(c).scrollSnapAlign, column: c.getBoundingClientRect().width,"
                + " window: window.innerWidth, scrolls: b.scrollWidth > b.clientWidth};");
        assertThat(board.get("snap")).asString().startsWith("x mandatory");
        assertThat(board.get("align")).asString().startsWith("start");
        assertThat(((Number) board.get("column")).doubleValue()).as("a column's width")
                .isBetween(0.8 * 390, 390.0);
        assertThat(board.get("window")).isEqualTo(390L);
        assertThat(board.get("scrolls")).as("the board scrolls sideways").isEqualTo(true);

        longPress(phone, card(phone, id));
        WebElement move = phone.until(ExpectedConditions.visibilityOfElementLocated(By.id("cardMenuMove")));
        assertThat(phone.fitsTheWidth()).as("the card's menu fits the phone's width").isTrue();
        move.click();
        phone.until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:stage")));
        assertThat(phone.fitsTheWidth()).as("the move dialog fits the phone's width").isTrue();
        phone.select("moveForm:stage", String.valueOf(Api.id(second)));
        phone.find(By.id("moveForm:confirm")).click();

        phone.until(ExpectedConditions.textToBe(By.id("funnelStatus"), "Movido para " + second.getString("description")));
        phone.until(d -> Browser.columnOf(d, id) == Api.id(second));
        assertThat(api.subject(id).getJsonNumber("stageId").longValue()).isEqualTo(Api.id(second));
    }

    /** On a phone the subject page, its forms and the list fit the width, and have no serious accessibility fault. */
    @Test
    void onAPhoneTheSubjectPageAndItsFormsFitTheWidth(@Browser.Phone Browser phone) {
        long id = api.newSubject("Celular ficha " + Api.token());
        phone.login("ana");
        for (String page : List.of("subject/view.xhtml?id=" + id, "subject/edit.xhtml?id=" + id, "subject/new.xhtml",
                "list.xhtml", "agenda.xhtml")) {
            phone.open(page);
            phone.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            assertThat(phone.fitsTheWidth()).as(page + " fits the phone's width").isTrue();
            phone.accessible();
        }
        // The new customer dialog too.
        phone.open("subject/new.xhtml");
        phone.find(By.id("subject:newCustomer")).click();
        phone.until(ExpectedConditions.visibilityOfElementLocated(By.id("customerForm:name")));
        assertThat(phone.fitsTheWidth()).as("the customer dialog fits the phone's width").isTrue();
    }

    /**
     * A finger held on the element for most of a second, as a touch screen sends it: near its bottom left corner,
     * away from the card's title link and menu button.
     */
    private static void longPress(Browser browser, WebElement element) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        int x = -element.getSize().getWidth() / 2 + 12;
        int y = element.getSize().getHeight() / 2 - 6;
        Sequence press = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(element), x, y))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(new Pause(finger, Duration.ofMillis(900)))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        ((Interactive) browser.driver()).perform(List.of(press));
    }

    @Test
    void archiveAndDeleteFromTheCardMenuDeleteAsksFirstAndIsFinal(Browser browser) {
        long archived = api.newSubject("Arquivar " + Api.token());
        long deleted = api.newSubject("Excluir " + Api.token());
        browser.login("ana");

        card(browser, archived).findElement(By.cssSelector(".crm-card-menu")).click();
        browser.until(ExpectedConditions.elementToBeClickable(By.id("cardMenuArchive"))).click();
        browser.until(d -> Browser.columnOf(d, archived) == -1);
        assertThat(api.subject(archived).getBoolean("archived")).isTrue();

        card(browser, deleted).findElement(By.cssSelector(".crm-card-menu")).click();
        browser.until(ExpectedConditions.elementToBeClickable(By.id("cardMenuDelete"))).click();
        WebElement confirm = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmDelete")));
        assertThat(confirm.getText()).contains("não pode ser desfeita");
        browser.find(By.id("confirmDeleteYes")).click();
        browser.until(d -> Browser.columnOf(d, deleted) == -1);
        assertThat(api.call("ana", "GET", "api/v1/subjects/" + deleted, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void tagsPutOnACardFromItsMenuShowAsChips(Browser browser) {
        long id = api.newSubject("Marcar " + Api.token());
        String tag = "Quente " + Api.token();
        long tagId = api.newTag(tag, "#15803d");
        browser.login("ana");

        card(browser, id).findElement(By.cssSelector(".crm-card-menu")).click();
        browser.until(ExpectedConditions.elementToBeClickable(By.id("cardMenuTags"))).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("tagForm:tags")));
        // Many tags made by other tests: bring this one into view in the dialog's list first.
        WebElement label = browser.find(By.xpath("//*[@id='tagForm:tags']//label[normalize-space()='" + tag + "']"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        browser.find(By.id("tagForm:saveTags")).click();

        browser.until(d -> card(browser, id).getText().contains(tag));
        assertThat(api.subject(id).getJsonArray("tags").getJsonObject(0).getJsonNumber("id").longValue())
                .isEqualTo(tagId);
    }

    @Test
    void aFilteredBoardHasAUrlAndArchivedSubjectsComeBackFromTheirTab(Browser browser) {
        String unique = Api.token();
        long id = api.newSubject("Filtrado " + unique + " " + Api.token());
        long other = api.newSubject("Outro " + Api.token());
        HttpResponse<String> archived = api.call("ana", "POST", "api/v1/subjects/" + id + "/archive", "\"1\"", null);
        assertThat(archived.statusCode()).isEqualTo(200);
        browser.login("ana");

        browser.find(By.id("tabArchived")).click();
        browser.find(By.id("q")).sendKeys("filtrado " + unique);
        browser.find(By.id("applyFilter")).click();
        browser.until(ExpectedConditions.urlContains("archived=true"));
        assertThat(browser.driver().getCurrentUrl()).contains("q=filtrado");
        assertThat(browser.findAll(By.cssSelector(".crm-card[data-subject]"))).hasSize(1);
        assertThat(Browser.columnOf(browser.driver(), other)).isEqualTo(-1);

        // Exportar CSV gives what the board shows, to the logged-in user.
        String export = browser.find(By.id("exportCsv")).getAttribute("href");
        assertThat(export).contains("export/subjects.csv").contains("archived=true").contains("q=filtrado");
        HttpResponse<String> csv = browser.fetch(export);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).hasSize(2);
        assertThat(csv.body()).startsWith("\uFEFFCódigo;Título").contains("Filtrado " + unique);

        // The same URL opened again (a bookmark) shows the same board.
        browser.driver().get(browser.driver().getCurrentUrl());
        card(browser, id).findElement(By.cssSelector(".crm-card-menu")).click();
        browser.until(ExpectedConditions.elementToBeClickable(By.id("cardMenuUnarchive"))).click();
        browser.until(d -> Browser.columnOf(d, id) == -1);
        assertThat(api.subject(id).getBoolean("archived")).isFalse();
    }

    @Test
    void viewersSeeTheFunnelWithoutDragHandlesOrMenus(Browser browser) {
        long id = api.newSubject("Ver " + Api.token());
        browser.login("vera");

        WebElement card = card(browser, id);
        assertThat(card.getAttribute("class")).doesNotContain("ui-draggable");
        assertThat(card.findElements(By.cssSelector(".crm-card-menu"))).isEmpty();
        assertThat(browser.findAll(By.id("newSubject"))).isEmpty();

        // A drop forged in the viewer's browser is refused on the server.
        long second = Api.id(api.openStage(2));
        browser.script("crmDrop([{name:'subject',value:'" + id
                + "'},{name:'version',value:'1'},{name:'stage',value:'" + second + "'}])");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"),
                "Seu perfil não permite"));
        assertThat(api.subject(id).getJsonNumber("stageId").longValue()).isNotEqualTo(second);
        assertThat(api.subject(id).getJsonNumber("version").longValue()).isEqualTo(1);
    }

    @Test
    void aColleaguesMoveShowsUpWithoutAReload(Browser watcher, Browser mover) {
        long id = api.newSubject("Ao vivo " + Api.token());
        long third = Api.id(api.openStage(3));
        watcher.login("bruno");
        mover.login("ana");
        long before = Browser.columnOf(watcher.driver(), id);

        drag(mover, id, third);

        watcher.waiting(Duration.ofSeconds(10)).until(d -> Browser.columnOf(d, id) == third);
        assertThat(before).isNotEqualTo(third);
    }

    /**
     * The board that made a move draws it from its own request and is not told its own change again, while a
     * colleague's board reloads once: the push names the view it came from and the columns it touched.
     */
    @Test
    void aDragCostsExactlyOneRoundTripAndAColleaguesBoardOne(Browser watcher, Browser mover) {
        long id = api.newSubject("Uma ida " + Api.token());
        long second = Api.id(api.openStage(2));
        watcher.login("bruno");
        mover.login("ana");
        watcher.countRoundTrips();
        mover.countRoundTrips();

        drag(mover, id, second);

        mover.until(d -> Browser.columnOf(d, id) == second);
        // The push reaches every open board at once: once the colleague's board shows the move, the mover's
        // socket had it too.
        watcher.waiting(Duration.ofSeconds(10)).until(d -> Browser.columnOf(d, id) == second);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(mover::roundTrips, trips -> trips == 1);
        assertThat(watcher.roundTrips()).as("the colleague's board reloads once").isEqualTo(1);
    }

    /**
     * Pushes that come faster than the board reloads make one reload more after the running one, never a queue of
     * them: the page's Ajax requests go one after another, and the user's own clicks would wait behind the queue.
     */
    @Test
    void aBurstOfPushesReloadsTheBoardTwiceAtMost(Browser browser) {
        long id = api.newSubject("Rajada " + Api.token());
        browser.login("bruno");
        // Only the burst below reaches the page: no push of another test's writes adds a reload.
        browser.script("OmniFaces.Push.close('funnel')");
        browser.countRoundTrips();

        browser.script("for (var i = 0; i < 10; i++) { crmFunnel.changed([" + Browser.SOMEONE_ELSES_CHANGE + "]); }");

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15))
                .until(browser::roundTrips, trips -> trips == 2);
        assertThat(Browser.columnOf(browser.driver(), id)).as("the board drawn anew").isNotEqualTo(-1);
    }

    @Test
    void aPushNeverTakesAwayWhatTheUserIsDoing(Browser browser) {
        long mine = api.newSubject("Meu " + Api.token());
        long theirs = api.newSubject("Deles " + Api.token());
        long second = Api.id(api.openStage(2));
        long third = Api.id(api.openStage(3));
        browser.login("bruno");

        // Bruno starts moving his subject and picks a stage in the dialog...
        card(browser, mine).findElement(By.cssSelector(".crm-card-menu")).click();
        browser.until(ExpectedConditions.elementToBeClickable(By.id("cardMenuMove"))).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:stage")));
        browser.select("moveForm:stage", String.valueOf(third));

        // ...while Ana moves another subject: his board updates under the open dialog.
        api.move(theirs, "{\"stageId\":" + second + "}");
        browser.waiting(Duration.ofSeconds(10)).until(d -> Browser.columnOf(d, theirs) == second);

        assertThat(browser.find(By.id("moveDialog")).isDisplayed()).as("the dialog stays open").isTrue();
        assertThat(browser.find(By.id("moveForm:stage_input")).getAttribute("value"))
                .as("and keeps the choice").isEqualTo(String.valueOf(third));
        browser.find(By.id("moveForm:confirm")).click();
        browser.until(d -> Browser.columnOf(d, mine) == third);
    }

    @Test
    void theFunnelNeverHasMoreThanFiveStages(Browser browser) {
        browser.login("admin");
        browser.open("settings/sales.xhtml");
        List<JsonObject> before = api.stages();
        assertThat(browser.findAll(By.cssSelector("#stages\\:table_data > tr"))).hasSize(before.size());
        assertThat(before).hasSizeLessThanOrEqualTo(5);
        try {
            // Up to the limit with stages of the test's own, whatever the funnel had.
            api.addStagesUpTo(5);
            browser.open("settings/sales.xhtml");
            assertThat(browser.findAll(By.cssSelector("#stages\\:table_data > tr"))).hasSize(5);

            browser.find(By.id("stages:newDescription")).sendKeys("Sexto estágio");
            browser.find(By.id("stages:add")).click();
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stages:messages"),
                    "no máximo 5 estágios"));
            assertThat(api.stages()).hasSize(5);
        } finally {
            api.removeStagesBut(before);
        }
    }

    private static WebElement card(Browser browser, long id) {
        return browser.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".crm-card[data-subject='" + id + "']")));
    }


    private static void drag(Browser browser, long id, long stageId) {
        WebElement card = card(browser, id);
        WebElement target = browser.find(By.cssSelector("div.crm-column-body[data-stage='" + stageId + "']"));
        new Actions(browser.driver()).clickAndHold(card).moveByOffset(10, 10).moveToElement(target).moveByOffset(0, 5)
                .release().perform();
    }
}
