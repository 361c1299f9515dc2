package br.com.crm.privacy.control;

import br.com.crm.customer.entity.TaxId;
import br.com.crm.privacy.boundary.PersonalDataReport;
import br.com.crm.proposal.control.ProposalPdf;
import br.com.crm.proposal.entity.Money;
import jakarta.enterprise.context.ApplicationScoped;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A person's data as a readable A4 PDF to hand them: the customer, bases and consents, each subject with what was
 * done, written and sent, and the audit trail's entries, under headings in the reader's language (Portuguese or
 * English). Times in São Paulo's zone, as the pages show them.
 */
@ApplicationScoped
public class PersonalDataPdf {

    static final String BUNDLE = "br.com.crm.privacy.control.PersonalDataPdf";
    private static final Locale BRAZIL = Locale.forLanguageTag("pt-BR");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    // The proposals' fonts: Helvetica in WinAnsi, which every reader has and which covers Portuguese.
    private static final BaseFont HELVETICA = ProposalPdf.HELVETICA;
    private static final BaseFont HELVETICA_BOLD = ProposalPdf.HELVETICA_BOLD;
    private static final Font TEXT = new Font(HELVETICA, 9);
    private static final Font SMALL = new Font(HELVETICA, 8);
    private static final Font BOLD = new Font(HELVETICA_BOLD, 9);
    private static final Font HEADING = new Font(HELVETICA_BOLD, 11);
    private static final Font TITLE = new Font(HELVETICA_BOLD, 15);
    private static final Color LABEL_BACKGROUND = new Color(235, 235, 235);

    public byte[] print(PersonalDataReport report, Locale requested) {
        Locale locale = "en".equals(requested.getLanguage()) ? Locale.ENGLISH : BRAZIL;
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, PersonalDataPdf.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        DateTimeFormatter times = DateTimeFormatter.ofPattern(texts.getString("time.pattern"), locale);
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(texts.getString("date.pattern"), locale);
        Printer p = new Printer(texts, locale, times, dates);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 36, 36, 36, 50);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        String title = MessageFormat.format(texts.getString("title"), report.customer().id());
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER, new Phrase(title + "  ·  "
                                + MessageFormat.format(texts.getString("page"), w.getPageNumber()), SMALL),
                        (d.left() + d.right()) / 2, d.bottom() - 24, 0);
            }
        });
        pdf.addTitle(title);
        pdf.addCreator("crm");
        pdf.open();
        try {
            pdf.add(new Paragraph(title, TITLE));
            pdf.add(new Paragraph(MessageFormat.format(texts.getString("produced"), p.time(report.producedAt()),
                    ProposalPdf.clean(report.producedBy())), SMALL));
            PersonalDataReport.CustomerData c = report.customer();
            p.heading(pdf, "customer");
            pdf.add(p.fields(List.of(
                    p.field("name", c.name()), p.field("kind", texts.getString("kind." + c.kind())),
                    p.field("taxId", c.taxId() == null ? null : TaxId.format(c.taxId())),
                    p.field("email", c.email()), p.field("phone", c.phone()),
                    p.field("contactStatus", c.contactStatus() == null ? null
                            : texts.getString("contactStatus." + c.contactStatus())),
                    p.field("erpCode", c.erpCode()),
                    p.field("legalBasis", c.legalBasis() == null ? texts.getString("basis.none")
                            : texts.getString("basis." + c.legalBasis())),
                    p.field("createdAt", p.time(c.createdAt())),
                    p.field("anonymizedAt", p.time(c.anonymizedAt())))));
            p.heading(pdf, "consents");
            if (report.consents().isEmpty()) {
                pdf.add(new Paragraph(texts.getString("none"), TEXT));
            }
            for (PersonalDataReport.ConsentData e : report.consents()) {
                pdf.add(new Paragraph(p.time(e.givenAt()) + " · " + (e.basis() == null ? ""
                        : texts.getString("basis." + e.basis())) + (e.consent() == null ? ""
                        : " · " + texts.getString("consent." + e.consent())) + (e.how() == null ? ""
                        : " · " + ProposalPdf.clean(e.how())) + " (" + ProposalPdf.clean(e.recordedBy()) + ")",
                        TEXT));
            }
            p.heading(pdf, "subjects");
            if (report.subjects().isEmpty()) {
                pdf.add(new Paragraph(texts.getString("none"), TEXT));
            }
            for (PersonalDataReport.SubjectData s : report.subjects()) {
                subject(pdf, p, s);
            }
            p.heading(pdf, "audit");
            for (PersonalDataReport.AuditData a : report.audit()) {
                pdf.add(new Paragraph(p.time(a.at()) + " · " + ProposalPdf.clean(a.actor()) + " · " + a.action()
                        + " " + a.entity() + (a.entityId() == null ? "" : " #" + a.entityId())
                        + (a.summary() == null ? "" : " · " + ProposalPdf.clean(a.summary())), SMALL));
            }
        } finally {
            pdf.close();
        }
        return out.toByteArray();
    }

    private static void subject(Document pdf, Printer p, PersonalDataReport.SubjectData s) {
        Paragraph title = new Paragraph("#" + s.id() + " " + ProposalPdf.clean(s.title()), BOLD);
        title.setSpacingBefore(8);
        pdf.add(title);
        pdf.add(p.fields(List.of(p.field("stage", s.stage()),
                p.field("outcome", s.outcome() == null ? null : s.outcome().name()),
                p.field("amount", p.money(s.amount())), p.field("expectedClose", p.date(s.expectedClose())),
                p.field("responsible", s.responsible()), p.field("description", s.description()),
                p.field("createdAt", p.time(s.createdAt())))));
        for (PersonalDataReport.ActivityData a : s.activities()) {
            pdf.add(new Paragraph(p.label("activity") + " · " + a.kind() + " · " + p.time(a.dueAt())
                    + (a.doneAt() == null ? "" : " · " + p.label("done") + " " + p.time(a.doneAt())) + " · "
                    + ProposalPdf.clean(a.description()) + (a.result() == null ? "" : " · "
                    + ProposalPdf.clean(a.result())), TEXT));
        }
        for (PersonalDataReport.NoteData n : s.notes()) {
            pdf.add(new Paragraph(p.label("note") + " · " + p.time(n.createdAt()) + " · "
                    + ProposalPdf.clean(n.author()) + ": " + ProposalPdf.clean(n.text()), TEXT));
        }
        for (PersonalDataReport.EmailData m : s.emails()) {
            pdf.add(new Paragraph(p.label("email") + " · " + p.time(m.createdAt()) + " · " + m.status() + " · "
                    + ProposalPdf.clean(m.to()) + (m.cc() == null ? "" : " (cc " + ProposalPdf.clean(m.cc())
                    + ")") + " · " + ProposalPdf.clean(m.subject()) + "\n" + ProposalPdf.clean(m.body()), TEXT));
        }
        for (PersonalDataReport.ProposalData r : s.proposals()) {
            pdf.add(new Paragraph(p.label("proposal") + " " + r.number() + " · " + r.status() + " · "
                    + p.date(r.issuedOn()) + " · " + p.money(r.total()), TEXT));
        }
    }

    /** The headings, labels, times and money of one report in one language. */
    private record Printer(ResourceBundle texts, Locale locale, DateTimeFormatter times, DateTimeFormatter dates) {

        String label(String key) {
            return texts.getString(key);
        }

        void heading(Document pdf, String key) {
            Paragraph heading = new Paragraph(new Chunk(texts.getString(key), HEADING));
            heading.setSpacingBefore(12);
            heading.setSpacingAfter(4);
            pdf.add(heading);
        }

        String[] field(String key, String value) {
            return new String[]{texts.getString(key), value};
        }

        PdfPTable fields(List<String[]> fields) {
            PdfPTable table = new PdfPTable(new float[]{1, 3});
            table.setWidthPercentage(100);
            for (String[] field : fields) {
                if (field[1] == null || field[1].isBlank()) {
                    continue;
                }
                PdfPCell label = new PdfPCell(new Phrase(field[0], BOLD));
                label.setBackgroundColor(LABEL_BACKGROUND);
                table.addCell(label);
                table.addCell(new PdfPCell(new Phrase(ProposalPdf.clean(field[1]), TEXT)));
            }
            return table;
        }

        String time(OffsetDateTime at) {
            return at == null ? null : times.format(at.atZoneSameInstant(SAO_PAULO));
        }

        String date(LocalDate date) {
            return date == null ? null : dates.format(date);
        }

        String money(BigDecimal amount) {
            return amount == null ? null : Money.format(amount, locale);
        }
    }
}
