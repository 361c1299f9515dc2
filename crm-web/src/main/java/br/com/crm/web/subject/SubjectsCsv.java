package br.com.crm.web.subject;

import br.com.crm.funnel.boundary.SubjectExports;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.web.shell.Csv;
import br.com.crm.web.shell.Feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Subjects as CSV in the dialect Excel pt-BR opens as it is: UTF-8 with a byte-order mark, ';' between fields,
 * decimal comma, ISO dates; fields with ';', quotes or line breaks quoted. Written as rows arrive (streamed).
 */
public final class SubjectsCsv {

    static final String[] HEADERS = {"id", "title", "customer", "taxId", "stage", "outcome", "amount",
            "expectedClose", "responsible", "archived", "createdAt", "updatedAt"};

    private SubjectsCsv() {
    }

    public static long write(SubjectExports exports, SubjectFilter filter, Locale locale, OutputStream out)
            throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, locale);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        StringBuilder header = new StringBuilder();
        for (String column : HEADERS) {
            header.append(header.length() == 0 ? "" : ";").append(field(bundle.getString("export." + column)));
        }
        writer.write(header.append("\r\n").toString());
        long rows;
        try {
            rows = exports.each(filter, row -> {
                try {
                    writer.write(String.join(";", String.valueOf(row.id()), field(row.title()), field(row.customer()),
                            field(row.taxId()), field(row.stage()),
                            row.outcome() == null ? "" : field(bundle.getString("outcome." + row.outcome())),
                            amount(row.amount()), value(row.expectedClose()), field(row.responsible()),
                            bundle.getString(row.archived() ? "yes" : "no"), value(row.createdAt()),
                            value(row.updatedAt())) + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
        return rows;
    }

    static String field(String value) {
        return Csv.cell(value);
    }

    static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString().replace('.', ',');
    }

    private static String value(Object value) {
        return value == null ? "" : value.toString();
    }
}
