package br.com.crm.web.subject;

import br.com.crm.funnel.boundary.SubjectExports;
import br.com.crm.kernel.BusinessException;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.web.shell.LocaleBacking;
import br.com.crm.web.shell.Xlsx;
import br.com.crm.web.subject.FilterParams;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * "Exportar CSV" and "Exportar Excel" of the funnel and the list: the subjects of the screen's filter (same URL
 * parameters), for a logged-in user, streamed.
 */
@WebServlet({"/export/subjects.csv", "/export/subjects.xlsx"})
public class SubjectsExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SubjectExports exports;

    @Inject
    LocaleBacking locale;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SubjectFilter filter;
        try {
            filter = FilterParams.of(request);
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (request.getServletPath().endsWith(".xlsx")) {
            response.setContentType(Xlsx.CONTENT_TYPE);
            response.setHeader("Content-Disposition", "attachment; filename=\"subjects.xlsx\"");
            SubjectsXlsx.write(exports, filter, locale.localeOf(request), response.getOutputStream());
        } else {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"subjects.csv\"");
            SubjectsCsv.write(exports, filter, locale.localeOf(request), response.getOutputStream());
        }
    }
}
