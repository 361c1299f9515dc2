package br.com.crm.web.report;

import br.com.crm.kernel.BusinessException;
import br.com.crm.report.boundary.ActivityReport;
import br.com.crm.report.boundary.ForecastReport;
import br.com.crm.stage.boundary.Stages;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.LocaleBacking;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The report pages' exports (CSV, Excel, PDF): the same table as the page (same URL parameters), for a logged-in
 * user; the activity report's and the forecast's.
 */
@WebServlet({"/export/report.csv", "/export/report.xlsx", "/export/report.pdf",
    "/export/forecast.csv", "/export/forecast.xlsx", "/export/forecast.pdf"})
public class ReportExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ActivityReport report;

    @Inject
    ForecastReport forecast;

    @Inject
    Stages stages;

    @Inject
    LocaleBacking locale;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Sheet.Format format = Sheet.Format.of(request.getServletPath());
        if (request.getServletPath().startsWith("/export/forecast.")) {
            forecast(format, request, response);
            return;
        }
        ActivityReport.Query query;
        try {
            query = ReportTable.query(request.getParameter("from"), request.getParameter("to"),
                    request.getParameter("period"), request.getParameter("by"), request.getParameter("user"),
                    request.getParameter("kind"));
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Locale language = locale.localeOf(request);
        ReportTable table = ReportTable.of(query, report.run(query), stages.list(), language);
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, language);
        response.setContentType(format.contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + format.fileName(ReportTable.FILE)
                + "\"");
        table.write(format, response.getOutputStream(), bundle);
        report.exported(query, format.name());
    }

    private void forecast(Sheet.Format format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ForecastReport.Query query;
        ForecastReport.Result result;
        try {
            query = ForecastRows.query(request.getParameter("from"), request.getParameter("to"),
                    request.getParameter("by"), request.getParameter("user"));
            result = forecast.run(query);
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Locale language = locale.localeOf(request);
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, language);
        ForecastRows rows = ForecastRows.of(result, stages.list(), bundle, language);
        response.setContentType(format.contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + format.fileName(ForecastRows.FILE)
                + "\"");
        rows.write(format, response.getOutputStream(), bundle);
        forecast.exported(result.query(), format.name());
    }
}
