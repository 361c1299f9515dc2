package br.com.crm.web.subject;

import br.com.crm.funnel.boundary.SubjectExports;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.web.shell.Feedback;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Subjects as an Excel workbook: numbers as numbers, dates as dates, one header row frozen. Streamed: POI's SXSSF
 * keeps a window of {@link #WINDOW} rows in memory and the rest in a compressed temporary file, so 100,000 rows
 * take the same heap as 100.
 */
public final class SubjectsXlsx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final int WINDOW = 100;
    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private SubjectsXlsx() {
    }

    public static long write(SubjectExports exports, SubjectFilter filter, Locale locale, OutputStream out)
            throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, locale);
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            SXSSFSheet sheet = workbook.createSheet(bundle.getString("list.title"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));

            Row header = sheet.createRow(0);
            for (int i = 0; i < SubjectsCsv.HEADERS.length; i++) {
                var cell = header.createCell(i);
                cell.setCellValue(bundle.getString("export." + SubjectsCsv.HEADERS[i]));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            long rows = exports.each(filter, subject -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(subject.id());
                row.createCell(1).setCellValue(subject.title());
                row.createCell(2).setCellValue(subject.customer());
                if (subject.taxId() != null) {
                    row.createCell(3).setCellValue(subject.taxId());
                }
                row.createCell(4).setCellValue(subject.stage());
                if (subject.outcome() != null) {
                    row.createCell(5).setCellValue(bundle.getString("outcome." + subject.outcome()));
                }
                if (subject.amount() != null) {
                    var cell = row.createCell(6);
                    cell.setCellValue(subject.amount().doubleValue());
                    cell.setCellStyle(money);
                }
                if (subject.expectedClose() != null) {
                    var cell = row.createCell(7);
                    cell.setCellValue(subject.expectedClose());
                    cell.setCellStyle(date);
                }
                row.createCell(8).setCellValue(subject.responsible());
                row.createCell(9).setCellValue(bundle.getString(subject.archived() ? "yes" : "no"));
                var created = row.createCell(10);
                created.setCellValue(subject.createdAt().atZoneSameInstant(ZONE).toLocalDateTime());
                created.setCellStyle(dateTime);
                var updated = row.createCell(11);
                updated.setCellValue(subject.updatedAt().atZoneSameInstant(ZONE).toLocalDateTime());
                updated.setCellStyle(dateTime);
            });
            workbook.write(out);
            out.flush();
            return rows;
        } finally {
            workbook.close();
        }
    }
}
