package br.com.crm.web.funnel;

import br.com.crm.activity.boundary.Activities;
import br.com.crm.funnel.boundary.Funnel.Card;
import br.com.crm.tag.boundary.Tags;
import br.com.crm.web.erp.ErpBadges;
import br.com.crm.web.shell.Markup;
import br.com.crm.web.shell.SaoPauloTime;
import br.com.crm.web.shell.Texts;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code <crm:cards value="…" today="…" editor="…"/>}: the cards of one funnel column, written straight to the
 * response. A board shows a hundred cards and more; written as Facelets markup each card took some fifteen
 * components, thirty EL evaluations and two converters, which were two thirds of the page's render time (profile
 * in BENCHMARKS.md). The markup, its classes and data attributes are what funnel.js, the style sheet and the
 * browser tests use.
 */
@FacesComponent(value = FunnelCards.TYPE, createTag = true, tagName = "cards", namespace = Markup.NAMESPACE)
public class FunnelCards extends UIComponentBase {

    static final String TYPE = "br.com.crm.web.funnel.FunnelCards";

    @Override
    public String getFamily() {
        return Markup.FAMILY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void encodeEnd(FacesContext context) throws IOException {
        List<Card> cards = (List<Card>) getAttributes().get("value");
        if (cards == null || cards.isEmpty()) {
            return;
        }
        Board board = new Board(context.getResponseWriter(), Texts.of(context),
                context.getExternalContext().getRequestContextPath() + "/subject/view.xhtml?id=",
                (LocalDate) getAttributes().get("today"), Boolean.TRUE.equals(getAttributes().get("editor")));
        for (Card card : cards) {
            board.write(card);
        }
    }

    /** What every card of one render shares. */
    private record Board(ResponseWriter writer, Texts texts, String subjectUrl, LocalDate today, boolean editor) {

        void write(Card card) throws IOException {
            writer.startElement("div", null);
            writer.writeAttribute("class", "crm-card crm-card-" + (card.outcome() == null ? "open" : card.outcome()),
                    null);
            writer.writeAttribute("role", "listitem", null);
            writer.writeAttribute("tabindex", "0", null);
            // The keys that move it (funnel.js), said after the card's own text.
            writer.writeAttribute("aria-describedby", "cardKeys", null);
            writer.writeAttribute("data-subject", card.id(), null);
            writer.writeAttribute("data-version", card.version(), null);

            writer.startElement("a", null);
            writer.writeAttribute("class", "crm-card-title", null);
            writer.writeURIAttribute("href", subjectUrl + card.id(), null);
            writer.writeText(card.title(), null);
            writer.endElement("a");
            Markup.element(writer, "div", "crm-card-customer", card.customer());

            writer.startElement("div", null);
            writer.writeAttribute("class", "crm-card-meta", null);
            if (card.amount() != null) {
                Markup.element(writer, "span", "crm-card-amount", texts.money(card.amount()));
            }
            writer.startElement("span", null);
            writer.writeAttribute("class", "crm-card-responsible", null);
            Markup.icon(writer, "pi-user");
            writer.writeText(" " + card.responsible(), null);
            writer.endElement("span");
            writer.endElement("div");

            if (card.erp() != null) {
                ErpBadges.write(writer, card.erp(), texts);
            }
            if (card.staleDays() != null) {
                writer.startElement("span", null);
                writer.writeAttribute("class", "crm-stale", null);
                Markup.icon(writer, "pi-clock");
                writer.writeText(" " + texts.format("subject.stale", card.staleDays()), null);
                writer.endElement("span");
            }
            next(card);
            tags(card.tags());
            if (card.outcome() != null) {
                Markup.element(writer, "span", "crm-badge crm-badge-" + card.outcome(),
                        texts.get("outcome." + card.outcome()));
            }
            if (editor) {
                menuButton(card);
            }
            writer.endElement("div");
        }

        private void next(Card card) throws IOException {
            Activities.Next next = card.next();
            if (next == null && card.outcome() != null) {
                return;
            }
            writer.startElement("div", null);
            if (next == null) {
                writer.writeAttribute("class", "crm-next crm-next-none", null);
                Markup.icon(writer, "pi-exclamation-circle");
                writer.writeText(" " + texts.get("activity.none.planned"), null);
            } else {
                writer.writeAttribute("class", "crm-next crm-next-" + next.urgency(today), null);
                Markup.icon(writer, texts.get("activity.icon." + next.kind()));
                writer.writeText(" " + texts.get("activity.kind." + next.kind()) + " · "
                        + SaoPauloTime.SHORT.format(next.dueAt()) + " · " + next.responsible(),
                        null);
            }
            writer.endElement("div");
        }

        private void tags(List<Tags.Chip> chips) throws IOException {
            if (chips.isEmpty()) {
                return;
            }
            writer.startElement("ul", null);
            writer.writeAttribute("class", "crm-chips", null);
            writer.writeAttribute("aria-label", texts.get("tags.title"), null);
            for (Tags.Chip chip : chips) {
                writer.startElement("li", null);
                writer.writeAttribute("class", "crm-tag", null);
                writer.writeAttribute("style", "--crm-tag: " + chip.color(), null);
                writer.writeText(chip.name(), null);
                writer.endElement("li");
            }
            writer.endElement("ul");
        }

        private void menuButton(Card card) throws IOException {
            writer.startElement("button", null);
            writer.writeAttribute("type", "button", null);
            writer.writeAttribute("class",
                    "crm-card-menu ui-button ui-widget ui-button-icon-only ui-button-flat", null);
            writer.writeAttribute("aria-haspopup", "menu", null);
            writer.writeAttribute("aria-label", texts.get("card.actions") + ": " + card.title(), null);
            writer.writeAttribute("title", texts.get("card.actions"), null);
            // No onclick: funnel.js listens on the board. Under the CSP PrimeFaces would give each button an id and a
            // script of its own, 2.8 % of the server's CPU under load (BENCHMARKS.md, session 16).
            writer.startElement("span", null);
            writer.writeAttribute("class", "ui-button-icon-left ui-icon ui-c pi pi-ellipsis-v", null);
            writer.writeAttribute("aria-hidden", "true", null);
            writer.endElement("span");
            writer.endElement("button");
        }
    }
}
