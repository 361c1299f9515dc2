package br.com.crm.web.api;

import br.com.crm.report.boundary.ActivityReport;
import br.com.crm.report.boundary.ForecastReport;
import br.com.crm.report.boundary.StageReport;
import br.com.crm.stage.boundary.Stages;
import br.com.crm.web.report.ForecastRows;
import br.com.crm.web.report.ReportTable;
import br.com.crm.web.report.Sheet;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.Languages;
import br.com.crm.web.shell.Xlsx;
import br.com.crm.web.subject.FilterParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The CRM report over HTTP: activities performed in {@code from}..{@code to} (days in São Paulo, default the last 30),
 * by {@code period} (DAY, WEEK, MONTH) and {@code by} (KIND, USER, STAGE, OUTCOME), optionally of one {@code user}
 * and one {@code kind}; as JSON or CSV.
 */
@Path("reports")
@RequestScoped
public class ReportsResource {

    public record GroupJson(String key, String label, List<Long> counts, long total) {
    }

    public record ReportJson(LocalDate from, LocalDate to, String period, String by, List<LocalDate> periods,
                             List<GroupJson> groups, List<Long> totals, long total) {
    }

    @Inject
    ActivityReport report;

    @Inject
    StageReport stageReport;

    @Inject
    ForecastReport forecast;

    /** Text, read by {@link FilterParams#id}: a field Jersey fails to convert is logged with a stack trace. */
    @QueryParam("tag")
    String tag;

    @Inject
    Stages stages;

    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("period")
    String period;
    @QueryParam("by")
    String by;
    @QueryParam("user")
    String user;
    @QueryParam("kind")
    String kind;

    @Context
    HttpHeaders headers;

    @GET
    @Path("activities")
    @Produces(MediaType.APPLICATION_JSON)
    public ReportJson json() {
        ReportTable table = table();
        ActivityReport.Result r = table.result();
        List<GroupJson> groups = new ArrayList<>();
        for (int g = 0; g < r.groups().size(); g++) {
            String key = r.groups().get(g);
            groups.add(new GroupJson(key, table.groupLabels().get(g),
                    Arrays.stream(r.counts().get(key)).boxed().toList(), r.totalOf(key)));
        }
        List<Long> totals = new ArrayList<>();
        for (int p = 0; p < r.periods().size(); p++) {
            totals.add(r.totalAt(p));
        }
        return new ReportJson(table.query().from(), table.query().to(), table.query().period().name(),
                table.query().by().name(), r.periods(), groups, totals, r.total());
    }

    @GET
    @Path("activities.csv")
    @Produces("text/csv")
    public Response csv() {
        return export(Sheet.Format.CSV);
    }

    @GET
    @Path("activities.xlsx")
    @Produces(Xlsx.CONTENT_TYPE)
    public Response xlsx() {
        return export(Sheet.Format.XLSX);
    }

    @GET
    @Path("activities.pdf")
    @Produces("application/pdf")
    public Response pdf() {
        return export(Sheet.Format.PDF);
    }

    private Response export(Sheet.Format format) {
        ReportTable table = table();
        ResourceBundle bundle = bundle();
        return download(out -> table.write(format, out, bundle), format, ReportTable.FILE);
    }

    /** A report's file, streamed, named for saving. */
    private static Response download(StreamingOutput body, Sheet.Format format, String name) {
        return Response.ok(body, format.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + format.fileName(name) + "\"").build();
    }

    /** The texts in the language the request asks for. */
    private ResourceBundle bundle() {
        return ResourceBundle.getBundle(Feedback.BUNDLE, Languages.of(headers));
    }

    /**
     * The funnel in {@code from}..{@code to} from the stage history: per stage entries, how many moved on, the
     * conversion (%) and average days in the stage; closings won and lost with values; lost reasons. Optionally of
     * one {@code user} (responsible) and one {@code tag}.
     */
    @GET
    @Path("stages")
    @Produces(MediaType.APPLICATION_JSON)
    public StageReport.Result stages() {
        ActivityReport.Query range = ReportTable.query(from, to, null, null, user, null);
        return stageReport.run(new StageReport.Query(range.from(), range.to(),
                range.user(), tag == null || tag.isBlank() ? null : FilterParams.id(tag, "tag")));
    }

    /** A forecast row as the API shows it: the key, its label in the asked language, the figures. */
    public record ForecastRowJson(String key, String label, long open, BigDecimal openValue, BigDecimal weightedValue,
                                  long won, BigDecimal wonValue, long lost, BigDecimal lostValue) {

        static ForecastRowJson of(String label, ForecastReport.Row row) {
            return new ForecastRowJson(row.key(), label, row.open(), row.openValue(), row.weighted(), row.won(),
                    row.wonValue(), row.lost(), row.lostValue());
        }
    }

    /** {@code from}, {@code to}: months as {@code 2026-12}. */
    public record ForecastJson(String from, String to, String by, String user, LocalDate today,
                               List<ForecastRowJson> rows, ForecastRowJson total) {
    }

    /**
     * The forecast: months {@code from}..{@code to} ({@code 2026-12}; default two months ago to three ahead),
     * {@code by} MONTH (with OVERDUE and UNDATED rows), USER or STAGE, optionally of one {@code user}: open subjects
     * and value, weighted value, won and lost with values.
     */
    @GET
    @Path("forecast")
    @Produces(MediaType.APPLICATION_JSON)
    public ForecastJson forecast() {
        ForecastRows rows = forecastRows();
        ForecastReport.Result result = rows.result();
        List<ForecastRowJson> json = new ArrayList<>();
        for (int i = 0; i < result.rows().size(); i++) {
            json.add(ForecastRowJson.of(rows.labels().get(i), result.rows().get(i)));
        }
        return new ForecastJson(result.query().from().toString(), result.query().to().toString(),
                result.query().by().name(), result.query().user(), result.today(), json,
                ForecastRowJson.of(bundle().getString("report.total"), result.total()));
    }

    @GET
    @Path("forecast.csv")
    @Produces("text/csv")
    public Response forecastCsv() {
        return forecastExport(Sheet.Format.CSV);
    }

    @GET
    @Path("forecast.xlsx")
    @Produces(Xlsx.CONTENT_TYPE)
    public Response forecastXlsx() {
        return forecastExport(Sheet.Format.XLSX);
    }

    private Response forecastExport(Sheet.Format format) {
        ForecastRows rows = forecastRows();
        ResourceBundle bundle = bundle();
        forecast.exported(rows.result().query(), format.name());
        return download(out -> rows.write(format, out, bundle), format, ForecastRows.FILE);
    }

    private ForecastRows forecastRows() {
        ForecastReport.Result result = forecast.run(ForecastRows.query(from, to, by, user));
        return ForecastRows.of(result, stages.list(), bundle(), Languages.of(headers));
    }

    private ReportTable table() {
        ActivityReport.Query query = ReportTable.query(from, to, period, by, user, kind);
        return ReportTable.of(query, report.run(query), stages.list(), Languages.of(headers));
    }
}
