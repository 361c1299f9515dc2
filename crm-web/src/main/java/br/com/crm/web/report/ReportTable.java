package br.com.crm.web.report;

import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.report.boundary.ActivityReport;
import br.com.crm.stage.entity.Stage;
import br.com.crm.web.shell.Csv;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.subject.SubjectsXlsx;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The report as people read it: periods labelled in their language, groups named (a stage's name, a kind's), and
 * the same table for the page, the API and the CSV export, so they always hold the same numbers.
 */
public record ReportTable(ActivityReport.Query query, ActivityReport.Result result, List<String> periodLabels,
                          List<String> groupLabels) implements Serializable {

    /** Reads a query from text parameters (the page's URL, the API's query string). */
    public static ActivityReport.Query query(String from, String to, String period, String by, String user,
                                             String kind) {
        LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
        return new ActivityReport.Query(
                date(from, "from", today.minusDays(29)), date(to, "to", today),
                value(ActivityReport.Period.class, period, "period", ActivityReport.Period.DAY),
                value(ActivityReport.Dimension.class, by, "by", ActivityReport.Dimension.KIND),
                user == null || user.isBlank() ? null : user.strip(),
                value(ActivityKind.class, kind, "kind", null));
    }

    public static ReportTable of(ActivityReport.Query query, ActivityReport.Result result, List<Stage> stages,
                                 Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, locale);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(
                query.period() == ActivityReport.Period.MONTH ? "MM/yyyy" : "dd/MM/yyyy");
        List<String> periods = result.periods().stream().map(format::format).toList();
        Function<String, String> label = switch (query.by()) {
            case KIND -> k -> bundle.getString("activity.kind." + k);
            case OUTCOME -> o -> bundle.getString("OPEN".equals(o) ? "report.open" : "outcome." + o);
            case STAGE -> id -> stages.stream().filter(s -> s.getId().toString().equals(id)).findFirst()
                    .map(s -> s.describedIn(locale)).orElse(id);
            case USER -> u -> u;
        };
        return new ReportTable(query, result, periods, result.groups().stream().map(label).toList());
    }

    public long count(int group, int period) {
        return result.counts().get(result.groups().get(group))[period];
    }

    public Map<String, long[]> counts() {
        return result.counts();
    }

    /** The export formats: file extension, content type, writer. */
    public enum Format {
        CSV("text/csv;charset=UTF-8"), XLSX(SubjectsXlsx.CONTENT_TYPE), PDF("application/pdf");

        public final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String fileName() {
            return "crm-report." + name().toLowerCase(Locale.ROOT);
        }
    }

    public void write(Format format, OutputStream out, ResourceBundle bundle) throws IOException {
        switch (format) {
            case CSV -> writeCsv(out, bundle);
            case XLSX -> writeXlsx(out, bundle);
            case PDF -> writePdf(out, bundle);
        }
    }

    /** CSV for Excel pt-BR (BOM, ';'): a row per period, a column per group, totals last. */
    public void writeCsv(OutputStream out, ResourceBundle bundle) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        for (List<Object> row : rows(bundle)) {
            writer.write(String.join(";", row.stream()
                    .map(v -> v instanceof Number ? String.valueOf(v) : Csv.cell(String.valueOf(v))).toList())
                    + "\r\n");
        }
        writer.flush();
    }

    /** The same table as an Excel workbook: numbers as numbers, header and totals in bold. */
    public void writeXlsx(OutputStream out, ResourceBundle bundle) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet(bundle.getString("report.title"));
            var bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<List<Object>> rows = rows(bundle);
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    var cell = row.createCell(c);
                    Object value = rows.get(r).get(c);
                    if (value instanceof Long number) {
                        cell.setCellValue(number);
                    } else {
                        cell.setCellValue(String.valueOf(value));
                    }
                    if (r == 0 || r == rows.size() - 1 || c == 0) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            sheet.createFreezePane(1, 1);
            workbook.write(out);
        }
    }

    /** The same table as a printable PDF (landscape A4), with the filters it was made with. */
    public void writePdf(OutputStream out, ResourceBundle bundle) throws IOException {
        com.lowagie.text.Document document = new com.lowagie.text.Document(
                com.lowagie.text.PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
            document.open();
            var title = com.lowagie.text.FontFactory.getFont(com.lowagie.text.FontFactory.HELVETICA_BOLD, 16);
            var small = com.lowagie.text.FontFactory.getFont(com.lowagie.text.FontFactory.HELVETICA, 9);
            var boldSmall = com.lowagie.text.FontFactory.getFont(com.lowagie.text.FontFactory.HELVETICA_BOLD, 9);
            document.add(new com.lowagie.text.Paragraph(bundle.getString("report.title"), title));
            document.add(new com.lowagie.text.Paragraph(bundle.getString("report.from") + " " + query.from() + "  "
                    + bundle.getString("report.to") + " " + query.to() + "  ·  "
                    + bundle.getString("report.by." + query.by().name()) + "  ·  "
                    + bundle.getString("report.period." + query.period().name())
                    + (query.user() == null ? "" : "  ·  " + query.user())
                    + (query.kind() == null ? "" : "  ·  " + bundle.getString("activity.kind." + query.kind())),
                    small));
            List<List<Object>> rows = rows(bundle);
            com.lowagie.text.pdf.PdfPTable table = new com.lowagie.text.pdf.PdfPTable(rows.get(0).size());
            table.setWidthPercentage(100);
            table.setSpacingBefore(12);
            table.setHeaderRows(1);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    var cell = new com.lowagie.text.pdf.PdfPCell(new com.lowagie.text.Phrase(String.valueOf(value),
                            r == 0 || r == rows.size() - 1 || c == 0 ? boldSmall : small));
                    if (value instanceof Long) {
                        cell.setHorizontalAlignment(com.lowagie.text.Element.ALIGN_RIGHT);
                    }
                    table.addCell(cell);
                }
            }
            document.add(table);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IOException(e);
        } finally {
            document.close();
        }
    }

    /** Header, a row per period, totals: what every export writes. */
    private List<List<Object>> rows(ResourceBundle bundle) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of(bundle.getString("report.period")));
        header.addAll(groupLabels);
        header.add(bundle.getString("report.total"));
        rows.add(header);
        for (int p = 0; p < periodLabels.size(); p++) {
            List<Object> row = new ArrayList<>(List.of(periodLabels.get(p)));
            for (int g = 0; g < groupLabels.size(); g++) {
                row.add(count(g, p));
            }
            row.add(result.totalAt(p));
            rows.add(row);
        }
        List<Object> total = new ArrayList<>(List.of(bundle.getString("report.total")));
        result.groups().forEach(g -> total.add(result.totalOf(g)));
        total.add(result.total());
        rows.add(total);
        return rows;
    }

    private static LocalDate date(String value, String name, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (RuntimeException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "filter.date.invalid", name, value);
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String value, String name, E otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "report.value.invalid", name, name, value);
        }
    }
}
