package br.com.crm.web.report;

import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.business.BusinessException;
import br.com.crm.funnel.entity.Stage;
import br.com.crm.report.boundary.ActivityReport;
import br.com.crm.web.shell.Feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
                          List<String> groupLabels) {

    /** Reads a query from text parameters (the page's URL, the API's query string). */
    public static ActivityReport.Query query(String from, String to, String period, String by, String user,
                                             String kind) {
        LocalDate today = LocalDate.now(br.com.crm.activity.boundary.Activities.ZONE);
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

    /** CSV for Excel pt-BR (BOM, ';'): a row per period, a column per group, totals last. */
    public void writeCsv(OutputStream out, ResourceBundle bundle) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        StringBuilder header = new StringBuilder(bundle.getString("report.period"));
        groupLabels.forEach(g -> header.append(';').append(g.replace(";", ",")));
        writer.write(header.append(';').append(bundle.getString("report.total")).append("\r\n").toString());
        for (int p = 0; p < periodLabels.size(); p++) {
            StringBuilder row = new StringBuilder(periodLabels.get(p));
            for (int g = 0; g < groupLabels.size(); g++) {
                row.append(';').append(count(g, p));
            }
            writer.write(row.append(';').append(result.totalAt(p)).append("\r\n").toString());
        }
        StringBuilder total = new StringBuilder(bundle.getString("report.total"));
        result.groups().forEach(g -> total.append(';').append(result.totalOf(g)));
        writer.write(total.append(';').append(result.total()).append("\r\n").toString());
        writer.flush();
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
