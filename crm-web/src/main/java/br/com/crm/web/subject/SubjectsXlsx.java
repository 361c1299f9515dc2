package br.com.crm.web.subject;

import br.com.crm.funnel.boundary.SubjectExports;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.Xlsx;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Subjects as an Excel workbook: numbers as numbers, dates as dates, one header row frozen. Streamed: every
 * {@link #WINDOW} rows go to the response, and the subjects' own texts are written in their cells (inline) rather
 * than kept for the workbook's shared table of strings, so 100,000 rows take the same heap as 100. Only the few
 * labels that repeat (stage, outcome, yes or no) are shared.
 */
public final class SubjectsXlsx {

    static final int WINDOW = 100;
    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private SubjectsXlsx() {
    }

    public static long write(SubjectExports exports, SubjectFilter filter, Locale locale, OutputStream out)
            throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, locale);
        Workbook workbook = Xlsx.workbook(out);
        Worksheet sheet = workbook.newWorksheet(bundle.getString("list.title"));
        for (int i = 0; i < SubjectsCsv.HEADERS.length; i++) {
            sheet.value(0, i, bundle.getString("export." + SubjectsCsv.HEADERS[i]));
        }
        sheet.range(0, 0, 0, SubjectsCsv.HEADERS.length - 1).style().bold().set();
        sheet.freezePane(0, 1);
        int[] next = {1};
        long rows;
        try {
            rows = exports.each(filter, subject -> {
                int r = next[0]++;
                sheet.value(r, 0, subject.id());
                sheet.inlineString(r, 1, subject.title());
                sheet.inlineString(r, 2, subject.customer());
                if (subject.taxId() != null) {
                    sheet.inlineString(r, 3, subject.taxId());
                }
                sheet.value(r, 4, subject.stage());
                if (subject.outcome() != null) {
                    sheet.value(r, 5, bundle.getString("outcome." + subject.outcome()));
                }
                if (subject.amount() != null) {
                    sheet.value(r, 6, subject.amount());
                    sheet.style(r, 6).format(Xlsx.MONEY).set();
                }
                if (subject.expectedClose() != null) {
                    sheet.value(r, 7, subject.expectedClose());
                    sheet.style(r, 7).format("dd/mm/yyyy").set();
                }
                sheet.inlineString(r, 8, subject.responsible());
                sheet.value(r, 9, bundle.getString(subject.archived() ? "yes" : "no"));
                sheet.value(r, 10, subject.createdAt().atZoneSameInstant(ZONE).toLocalDateTime());
                sheet.value(r, 11, subject.updatedAt().atZoneSameInstant(ZONE).toLocalDateTime());
                sheet.range(r, 10, r, 11).style().format("dd/mm/yyyy hh:mm").set();
                if (r % WINDOW == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (RuntimeException e) {
            // The response failing (the client went away) comes back through the boundary, which wraps it.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
            }
            throw e;
        }
        workbook.finish();
        out.flush();
        return rows;
    }
}
