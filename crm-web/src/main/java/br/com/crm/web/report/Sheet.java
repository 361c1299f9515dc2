package br.com.crm.web.report;

import br.com.crm.web.shell.Csv;
import br.com.crm.web.shell.Xlsx;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A report's table as a file: a header row, rows (the first cell names the row; counts are {@code Long}, values
 * {@code BigDecimal}), a total row last. The same cells for every format, so the files hold what the page shows.
 *
 * @param title   the sheet's (and the PDF's) title
 * @param filters what the report was made with, one line (the PDF prints it)
 * @param rows    header, rows, totals
 */
public record Sheet(String title, String filters, List<List<Object>> rows) {

    /** The export formats: file extension, content type. */
    public enum Format {
        CSV("text/csv;charset=UTF-8"), XLSX(Xlsx.CONTENT_TYPE), PDF("application/pdf");

        public final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        /** The format a path ends with ({@code …/report.csv}). */
        public static Format of(String path) {
            return valueOf(path.substring(path.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT));
        }

        public String fileName(String name) {
            return name + "." + name().toLowerCase(Locale.ROOT);
        }
    }

    public void write(Format format, OutputStream out) throws IOException {
        switch (format) {
            case CSV -> writeCsv(out);
            case XLSX -> writeXlsx(out);
            case PDF -> writePdf(out);
        }
    }

    /** CSV for Excel pt-BR (BOM, ';', decimal comma); text that a spreadsheet would run stays text. */
    private void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        for (List<Object> row : rows) {
            writer.write(String.join(";", row.stream().map(Sheet::csv).toList()) + "\r\n");
        }
        writer.flush();
    }

    private static String csv(Object value) {
        if (value instanceof BigDecimal money) {
            return money.toPlainString().replace('.', ',');
        }
        return value instanceof Number ? String.valueOf(value) : Csv.cell(String.valueOf(value));
    }

    /** An Excel workbook: numbers as numbers (values with two decimals), header, first column and totals in bold. */
    private void writeXlsx(OutputStream out) throws IOException {
        var workbook = Xlsx.workbook(out);
        var sheet = workbook.newWorksheet(title);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                var style = sheet.style(r, c);
                if (value instanceof BigDecimal amount) {
                    sheet.value(r, c, amount);
                    style.format(Xlsx.MONEY);
                } else if (value instanceof Long number) {
                    sheet.value(r, c, number);
                } else {
                    sheet.value(r, c, String.valueOf(value));
                }
                if (r == 0 || r == rows.size() - 1 || c == 0) {
                    style.bold();
                }
                style.set();
            }
        }
        sheet.freezePane(1, 1);
        workbook.finish();
    }

    /** A printable PDF (landscape A4) with the filters it was made with. */
    private void writePdf(OutputStream out) throws IOException {
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            var heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            var small = FontFactory.getFont(FontFactory.HELVETICA, 9);
            var boldSmall = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
            document.add(new Paragraph(title, heading));
            document.add(new Paragraph(filters, small));
            PdfPTable table = new PdfPTable(rows.get(0).size());
            table.setWidthPercentage(100);
            table.setSpacingBefore(12);
            table.setHeaderRows(1);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    String text = value instanceof BigDecimal amount ? amount.toPlainString() : String.valueOf(value);
                    var cell = new PdfPCell(new Phrase(text,
                            r == 0 || r == rows.size() - 1 || c == 0 ? boldSmall : small));
                    if (value instanceof Number) {
                        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    }
                    table.addCell(cell);
                }
            }
            document.add(table);
        } catch (DocumentException e) {
            throw new IOException(e);
        } finally {
            document.close();
        }
    }
}
