package br.com.crm.proposal.control;

import br.com.crm.customer.entity.TaxId;
import br.com.crm.proposal.entity.Money;
import br.com.crm.proposal.entity.ProposalItem;
import br.com.crm.proposal.entity.ProposalTotals;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The proposal the customer receives: an A4 PDF with the company's letterhead, the items, the totals and the
 * conditions, in Portuguese or English. Its figures come from {@link ProposalItem} and {@link ProposalTotals}, so
 * they are the ones the CRM shows and stores.
 */
@ApplicationScoped
public class ProposalPdf {

    private static final Logger LOG = Logger.getLogger(ProposalPdf.class.getName());

    static final String BUNDLE = "br.com.crm.proposal.control.ProposalPdf";
    private static final Locale BRAZIL = Locale.forLanguageTag("pt-BR");

    /** The logo's box in the letterhead: about 40 mm high, never wider than a third of the page. */
    private static final float LOGO_HEIGHT = Utilities.millimetersToPoints(40);
    private static final float LOGO_WIDTH = Utilities.millimetersToPoints(60);

    private static final float MARGIN = 36;
    private static final float FOOTER_MARGIN = 50;
    private static final Color HEADER_BACKGROUND = new Color(230, 230, 230);
    private static final Color RULE = new Color(190, 190, 190);

    /* Helvetica in WinAnsi (Cp1252): a standard font every reader has, covering á, ç, ã, õ, é and º. */
    public static final BaseFont HELVETICA = font(BaseFont.HELVETICA);
    public static final BaseFont HELVETICA_BOLD = font(BaseFont.HELVETICA_BOLD);
    private static final Font TEXT = new Font(HELVETICA, 9);
    private static final Font SMALL = new Font(HELVETICA, 8);
    private static final Font BOLD = new Font(HELVETICA_BOLD, 9);
    private static final Font HEADING = new Font(HELVETICA_BOLD, 10);
    private static final Font COMPANY = new Font(HELVETICA_BOLD, 13);
    private static final Font TITLE = new Font(HELVETICA_BOLD, 15);
    private static final Font TOTAL = new Font(HELVETICA_BOLD, 11);

    private static BaseFont font(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public byte[] render(ProposalDocument document) {
        Texts texts = new Texts(document.locale());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, FOOTER_MARGIN);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        String title = texts.format("title", clean(document.number()));
        writer.setPageEvent(new Footer(title, texts));
        pdf.addTitle(title);
        pdf.addAuthor(clean(document.company().name()));
        pdf.addCreator("crm");
        pdf.open();
        try {
            pdf.add(letterhead(document.company()));
            heading(pdf, document, title, texts);
            customer(pdf, document, texts);
            pdf.add(items(document.items(), texts));
            pdf.add(totals(ProposalTotals.of(document.items(), document.freight()), texts));
            section(pdf, texts.get("paymentTerms"), document.paymentTerms());
            section(pdf, texts.get("notes"), document.notes());
            section(pdf, texts.get("responsible"), document.responsible());
        } finally {
            pdf.close();
        }
        return out.toByteArray();
    }

    private PdfPTable letterhead(ProposalDocument.Company company) {
        Image logo = logo(company.logo());
        PdfPTable table = new PdfPTable(logo == null ? new float[]{1} : new float[]{1, 2});
        table.setWidthPercentage(100);
        if (logo != null) {
            PdfPCell cell = new PdfPCell(logo, false);
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(RULE);
            cell.setPaddingBottom(8);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            table.addCell(cell);
        }
        Paragraph text = new Paragraph();
        text.add(new Chunk(clean(company.name()), COMPANY));
        line(text, taxId(company.taxId()), TEXT);
        line(text, clean(company.address()), TEXT);
        line(text, joined(clean(company.phone()), clean(company.email())), TEXT);
        if (logo != null) {
            text.setAlignment(Element.ALIGN_RIGHT);
        }
        PdfPCell cell = new PdfPCell();
        cell.addElement(text);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPaddingBottom(8);
        table.addCell(cell);
        return table;
    }

    /**
     * The logo scaled down to its box (small logos keep their size rather than blur). A logo the PDF library cannot
     * read leaves the letterhead without it: a bad image in the settings must not stop sellers sending proposals.
     */
    private static Image logo(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            Image image = Image.getInstance(bytes);
            if (image.getScaledHeight() > LOGO_HEIGHT || image.getScaledWidth() > LOGO_WIDTH) {
                image.scaleToFit(LOGO_WIDTH, LOGO_HEIGHT);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The company logo is not a readable image; the proposal goes without it", e);
            return null;
        }
    }

    private static void heading(Document pdf, ProposalDocument document, String title, Texts texts) {
        Paragraph heading = new Paragraph(title, TITLE);
        heading.setSpacingBefore(12);
        pdf.add(heading);
        Paragraph dates = new Paragraph();
        dates.setSpacingBefore(4);
        if (document.issuedOn() != null) {
            dates.add(new Chunk(texts.get("issuedOn") + ": ", BOLD));
            dates.add(new Chunk(texts.date(document.issuedOn()), TEXT));
        }
        if (document.validUntil() != null) {
            if (document.issuedOn() != null) {
                dates.add(new Chunk("     ", TEXT));
            }
            dates.add(new Chunk(texts.get("validUntil") + ": ", BOLD));
            dates.add(new Chunk(texts.date(document.validUntil()), TEXT));
        }
        pdf.add(dates);
    }

    private static void customer(Document pdf, ProposalDocument document, Texts texts) {
        ProposalDocument.Party party = document.customer();
        Paragraph block = new Paragraph();
        block.setSpacingBefore(10);
        block.add(new Chunk(texts.get("customer"), HEADING));
        line(block, clean(party.name()), BOLD);
        String digits = party.taxId() == null ? "" : TaxId.digits(party.taxId());
        String kind = digits.length() == 11 ? "taxId.cpf" : digits.length() == 14 ? "taxId.cnpj" : "taxId";
        labelled(block, texts.get(kind), taxId(party.taxId()));
        labelled(block, texts.get("email"), clean(party.email()));
        labelled(block, texts.get("phone"), clean(party.phone()));
        pdf.add(block);
        if (!clean(document.subjectTitle()).isEmpty()) {
            Paragraph subject = new Paragraph();
            subject.setSpacingBefore(6);
            subject.add(new Chunk(texts.get("subject") + ": ", BOLD));
            subject.add(new Chunk(clean(document.subjectTitle()), TEXT));
            pdf.add(subject);
        }
    }

    /** The items table; its header row repeats on every page a long proposal runs over. */
    private static PdfPTable items(List<ProposalItem> items, Texts texts) {
        PdfPTable table = new PdfPTable(new float[]{4, 11, 37, 9, 14, 9, 16});
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        // A row taller than what is left of a page starts on the next one; only a row taller than a page is cut.
        table.setSplitLate(true);
        table.setSplitRows(true);
        String[] headers = {"item.number", "item.code", "item.description", "item.quantity", "item.unitPrice",
                "item.discount", "item.total"};
        for (int c = 0; c < headers.length; c++) {
            PdfPCell cell = cell(texts.get(headers[c]), BOLD, c == 0 || c >= 3);
            cell.setBackgroundColor(HEADER_BACKGROUND);
            table.addCell(cell);
        }
        if (items.isEmpty()) {
            PdfPCell none = cell(texts.get("items.none"), TEXT, false);
            none.setColspan(headers.length);
            table.addCell(none);
        }
        int number = 1;
        for (ProposalItem item : items) {
            table.addCell(cell(String.valueOf(number++), TEXT, true));
            table.addCell(cell(clean(item.getProductCode()), TEXT, false));
            table.addCell(cell(clean(item.getDescription()), TEXT, false));
            table.addCell(cell(texts.number(item.getQuantity()), TEXT, true));
            table.addCell(cell(texts.money(item.getUnitPrice()), TEXT, true));
            table.addCell(cell(texts.number(item.getDiscountPercent()), TEXT, true));
            table.addCell(cell(texts.money(item.total()), TEXT, true));
        }
        return table;
    }

    private static PdfPTable totals(ProposalTotals totals, Texts texts) {
        PdfPTable table = new PdfPTable(new float[]{3, 2});
        table.setWidthPercentage(45);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(8);
        table.setKeepTogether(true);
        totalRow(table, texts.get("totals.subtotal"), texts.money(totals.subtotal()), TEXT);
        // Shown as a subtraction so the column reads as the sum it is.
        totalRow(table, texts.get("totals.discount"), texts.money(totals.discount().negate()), TEXT);
        totalRow(table, texts.get("totals.freight"), texts.money(totals.freight()), TEXT);
        totalRow(table, texts.get("totals.total"), texts.money(totals.total()), TOTAL);
        return table;
    }

    private static void totalRow(PdfPTable table, String label, String amount, Font font) {
        PdfPCell name = cell(label, font, false);
        PdfPCell value = cell(amount, font, true);
        for (PdfPCell cell : List.of(name, value)) {
            cell.setBorder(font == TOTAL ? Rectangle.TOP : Rectangle.NO_BORDER);
            cell.setBorderColor(RULE);
            table.addCell(cell);
        }
    }

    /** A titled paragraph, left out when there is nothing to say. */
    private static void section(Document pdf, String title, String text) {
        String body = clean(text);
        if (body.isEmpty()) {
            return;
        }
        Paragraph section = new Paragraph();
        section.setSpacingBefore(10);
        section.add(new Chunk(title, HEADING));
        section.add(Chunk.NEWLINE);
        section.add(new Chunk(body, TEXT));
        pdf.add(section);
    }

    private static PdfPCell cell(String text, Font font, boolean right) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setPadding(3);
        cell.setPaddingBottom(4);
        cell.setBorderColor(RULE);
        return cell;
    }

    private static void line(Paragraph paragraph, String text, Font font) {
        if (!text.isEmpty()) {
            paragraph.add(Chunk.NEWLINE);
            paragraph.add(new Chunk(text, font));
        }
    }

    private static void labelled(Paragraph paragraph, String label, String text) {
        if (!text.isEmpty()) {
            paragraph.add(Chunk.NEWLINE);
            paragraph.add(new Chunk(label + ": ", TEXT));
            paragraph.add(new Chunk(text, TEXT));
        }
    }

    private static String joined(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (!part.isEmpty()) {
                present.add(part);
            }
        }
        return String.join("  ·  ", present);
    }

    /** CPF and CNPJ digits as people write them; anything else (already formatted, foreign) as it came. */
    private static String taxId(String raw) {
        String text = clean(raw);
        return text.matches("\\d{11}|\\d{14}") ? TaxId.format(text) : text;
    }

    /**
     * User text made safe to print: null becomes empty, Windows line ends and tabs become what the PDF lays out,
     * other control characters go. Characters the font lacks (emoji) are skipped by the font itself.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ')
                .replaceAll("[\\p{Cntrl}&&[^\n]]", "").strip();
    }

    /** "Proposta comercial nº … · Página n" at the foot of every page, so loose printed pages find their place. */
    private static final class Footer extends PdfPageEventHelper {

        private final String title;
        private final Texts texts;

        Footer(String title, Texts texts) {
            this.title = title;
            this.texts = texts;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase text = new Phrase(title + "  ·  " + texts.format("page", String.valueOf(writer.getPageNumber())),
                    SMALL);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, text,
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
        }
    }

    /**
     * Labels, dates and numbers in the reader's language: English for English readers, Brazilian Portuguese for
     * everyone else (the CRM's two languages).
     */
    private static final class Texts {

        private final Locale locale;
        private final ResourceBundle bundle;
        private final DateTimeFormatter dates;

        Texts(Locale requested) {
            locale = "en".equals(requested.getLanguage()) ? Locale.ENGLISH : BRAZIL;
            // Without the fallback to the JVM's default locale, which would give English labels to a pt-BR
            // proposal on a server that runs in English.
            bundle = ResourceBundle.getBundle(BUNDLE, locale, ProposalPdf.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            dates = DateTimeFormatter.ofPattern(bundle.getString("date.pattern"), locale);
        }

        String get(String key) {
            return bundle.getString(key);
        }

        String format(String key, String argument) {
            return new MessageFormat(bundle.getString(key), locale).format(new Object[]{argument});
        }

        String date(LocalDate date) {
            return dates.format(date);
        }

        String money(BigDecimal amount) {
            return Money.format(amount, locale);
        }

        /** Quantities and percentages as people write them: "2", "1,5", "12,75", no trailing zeros. */
        String number(BigDecimal value) {
            DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(locale));
            return format.format(value.stripTrailingZeros());
        }
    }
}
