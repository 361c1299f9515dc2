package br.com.crm.web.report;

import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.report.boundary.ActivityReport;
import br.com.crm.stage.entity.Stage;
import br.com.crm.web.shell.Feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
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

    /** The table as a file in {@code format}, labelled from {@code bundle}. */
    public void write(Sheet.Format format, OutputStream out, ResourceBundle bundle) throws IOException {
        String filters = bundle.getString("report.from") + " " + query.from() + "  "
                + bundle.getString("report.to") + " " + query.to() + "  ·  "
                + bundle.getString("report.by." + query.by().name()) + "  ·  "
                + bundle.getString("report.period." + query.period().name())
                + (query.user() == null ? "" : "  ·  " + query.user())
                + (query.kind() == null ? "" : "  ·  " + bundle.getString("activity.kind." + query.kind()));
        new Sheet(bundle.getString("report.title"), filters, rows(bundle)).write(format, out);
    }

    /** The name of the exported files. */
    public static final String FILE = "crm-report";

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
