package br.com.crm.web.shell;

import jakarta.faces.context.ResponseWriter;

import java.io.IOException;

/** Small pieces of markup for components that write HTML in Java; text and attributes are escaped by the writer. */
public final class Markup {

    /** The tag namespace of the module's own components ({@code xmlns:crm}). */
    public static final String NAMESPACE = "https://crm.com.br/ui";

    /** The component family of the module's own components (they render themselves, no renderer kit). */
    public static final String FAMILY = "br.com.crm";

    private Markup() {
    }

    /** A PrimeIcons icon, hidden from screen readers (the text beside it says it). */
    public static void icon(ResponseWriter writer, String icon) throws IOException {
        writer.startElement("i", null);
        writer.writeAttribute("class", "pi " + icon, null);
        writer.writeAttribute("aria-hidden", "true", null);
        writer.endElement("i");
    }

    /** {@code <name class="…">text</name>}. */
    public static void element(ResponseWriter writer, String name, String cssClass, String text) throws IOException {
        writer.startElement(name, null);
        writer.writeAttribute("class", cssClass, null);
        writer.writeText(text, null);
        writer.endElement(name);
    }
}
