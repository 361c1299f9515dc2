package br.com.crm.web.report;

import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.report.boundary.ForecastReport;
import br.com.crm.stage.entity.Stage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The forecast as people read it: rows labelled in their language (a month as {@code 12/2026}, the overdue and
 * undated rows named, a stage's or responsible's name) and the same cells for the page, the API and the exports.
 */
public record ForecastRows(ForecastReport.Result result, List<String> labels) implements Serializable {

    /** The name of the exported files. */
    public static final String FILE = "crm-forecast";

    /**
     * Reads a query from text parameters (the page's URL, the API's query string): months as {@code 2026-12} (a
     * date stands for its month); by default from two months ago (what was won and lost) to three ahead.
     */
    public static ForecastReport.Query query(String from, String to, String by, String user) {
        YearMonth now = YearMonth.now(BusinessCalendar.ZONE);
        ForecastReport.Grouping grouping;
        try {
            grouping = by == null || by.isBlank() ? ForecastReport.Grouping.MONTH
                    : ForecastReport.Grouping.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "report.value.invalid", "by", "by", by);
        }
        return new ForecastReport.Query(month(from, "from", now.minusMonths(2)), month(to, "to", now.plusMonths(3)),
                grouping, user == null || user.isBlank() ? null : user.strip());
    }

    public static ForecastRows of(ForecastReport.Result result, List<Stage> stages, ResourceBundle bundle,
                                  Locale locale) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MM/yyyy");
        List<String> labels = result.rows().stream().map(row -> switch (result.query().by()) {
            case MONTH -> switch (row.key()) {
                case ForecastReport.OVERDUE -> bundle.getString("forecast.overdue");
                case ForecastReport.UNDATED -> bundle.getString("forecast.undated");
                default -> month.format(YearMonth.parse(row.key()));
            };
            case USER -> row.name();
            case STAGE -> stages.stream().filter(s -> s.getId().toString().equals(row.key())).findFirst()
                    .map(s -> s.describedIn(locale)).orElse(row.key());
        }).toList();
        return new ForecastRows(result, labels);
    }

    /** The page's URL parameters for this query: what the exports and a kept link repeat. */
    public String link() {
        ForecastReport.Query query = result.query();
        return "from=" + query.from() + "&to=" + query.to() + "&by=" + query.by()
                + (query.user() == null ? "" : "&user=" + URLEncoder.encode(query.user(), StandardCharsets.UTF_8));
    }

    public void write(Sheet.Format format, OutputStream out, ResourceBundle bundle) throws IOException {
        ForecastReport.Query query = result.query();
        String filters = bundle.getString("report.from") + " " + query.from() + "  " + bundle.getString("report.to")
                + " " + query.to() + "  ·  " + bundle.getString("forecast.by." + query.by().name())
                + (query.user() == null ? "" : "  ·  " + query.user()) + "  ·  "
                + bundle.getString("forecast.madeOn") + " " + result.today();
        new Sheet(bundle.getString("forecast.title"), filters, cells(bundle)).write(format, out);
    }

    /** Header, a row per month, responsible or stage, the total. */
    private List<List<Object>> cells(ResourceBundle bundle) {
        List<List<Object>> cells = new ArrayList<>();
        cells.add(List.of(bundle.getString("forecast.by." + result.query().by().name()),
                bundle.getString("forecast.open"), bundle.getString("forecast.openValue"),
                bundle.getString("forecast.weighted"), bundle.getString("forecast.won"),
                bundle.getString("forecast.wonValue"), bundle.getString("forecast.lost"),
                bundle.getString("forecast.lostValue")));
        for (int i = 0; i < labels.size(); i++) {
            cells.add(cells(labels.get(i), result.rows().get(i)));
        }
        cells.add(cells(bundle.getString("report.total"), result.total()));
        return cells;
    }

    private static List<Object> cells(String label, ForecastReport.Row row) {
        return List.of(label, row.open(), row.openValue(), row.weighted(), row.won(), row.wonValue(), row.lost(),
                row.lostValue());
    }

    private static YearMonth month(String value, String name, YearMonth otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String text = value.strip();
        YearMonth month = null;
        try {
            month = text.length() > 7 ? YearMonth.from(LocalDate.parse(text)) : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            // refused below
        }
        // Years the databases store alike, short of the undated subjects' day.
        if (month == null || month.getYear() < 1900 || month.getYear() > 9998) {
            throw new BusinessException(BusinessException.Kind.INVALID, "forecast.month.invalid", name, value);
        }
        return month;
    }
}
