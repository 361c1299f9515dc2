package br.com.crm.web.erp;

import br.com.crm.erp.boundary.Erp;
import br.com.crm.web.shell.Markup;
import br.com.crm.web.shell.Texts;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;

import java.io.IOException;

/**
 * {@code <crm:erpBadges facts="…"/>}: the customer's ERP facts (overdue receivables, open orders), so nobody
 * negotiates blind. Written by {@link #write} for the subject header and list rows, and for every funnel card.
 */
@FacesComponent(value = ErpBadges.TYPE, createTag = true, tagName = "erpBadges", namespace = Markup.NAMESPACE)
public class ErpBadges extends UIComponentBase {

    static final String TYPE = "br.com.crm.web.erp.ErpBadges";

    @Override
    public String getFamily() {
        return Markup.FAMILY;
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        Erp.Facts facts = (Erp.Facts) getAttributes().get("facts");
        if (facts != null) {
            write(context.getResponseWriter(), facts, Texts.of(context));
        }
    }

    public static void write(ResponseWriter writer, Erp.Facts facts, Texts texts) throws IOException {
        writer.startElement("div", null);
        writer.writeAttribute("class", "crm-erp-facts", null);
        if (facts.overdue().signum() > 0) {
            badge(writer, "crm-erp-overdue", texts.get("erp.overdue.title"), "pi-exclamation-circle",
                    texts.get("erp.overdue") + " " + texts.money(facts.overdue()));
        }
        if (facts.openOrders() > 0) {
            badge(writer, "crm-erp-orders", texts.get("erp.openOrders.title"), "pi-shopping-cart",
                    texts.format("erp.openOrders", facts.openOrders()));
        }
        writer.endElement("div");
    }

    private static void badge(ResponseWriter writer, String kind, String title, String icon, String text)
            throws IOException {
        writer.startElement("span", null);
        writer.writeAttribute("class", "crm-erp-badge " + kind, null);
        writer.writeAttribute("title", title, null);
        Markup.icon(writer, icon);
        writer.writeText(" " + text, null);
        writer.endElement("span");
    }
}
