package br.com.crm.web.audit;

import br.com.crm.audit.boundary.Audit;
import br.com.crm.audit.boundary.AuditPage;
import br.com.crm.audit.boundary.AuditQuery;
import br.com.crm.audit.entity.AuditEntry;
import br.com.crm.kernel.BusinessException;
import br.com.crm.web.shell.Csv;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.LocaleBacking;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;

/**
 * The audit page's CSV: the entries of the same filter, newest first, read a keyset page at a time so a large
 * export holds one page in memory. Administrators only (the boundary checks); the export is itself audited.
 */
@WebServlet("/export/audit.csv")
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String[] HEADERS = {"at", "actor", "action", "entity", "id", "summary", "changes",
        "origin", "address"};

    @Inject
    Audit audit;

    @Inject
    LocaleBacking locale;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditQuery query;
        try {
            query = AuditEntries.query(request.getParameter("actor"), request.getParameter("action"),
                    request.getParameter("entity"), request.getParameter("id"), request.getParameter("from"),
                    request.getParameter("to"));
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        AuditPage page;
        try {
            page = audit.page(query, null, Audit.MAX_PAGE);
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN); // before the first byte: administrators only
            return;
        }
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, locale.localeOf(request));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        StringBuilder header = new StringBuilder();
        for (String column : HEADERS) {
            header.append(header.isEmpty() ? "" : ";").append(Csv.cell(bundle.getString("audit." + column)));
        }
        writer.write(header.append("\r\n").toString());
        long rows = 0;
        while (true) {
            for (AuditEntry e : page.entries()) {
                writer.write(String.join(";", String.valueOf(e.getAt().toInstant()), Csv.cell(e.getActor()),
                        Csv.cell(label(bundle, "audit.action.", e.getAction())),
                        Csv.cell(label(bundle, "audit.entity.", e.getEntity())),
                        e.getEntityId() == null ? "" : String.valueOf(e.getEntityId()), Csv.cell(e.getSummary()),
                        Csv.cell(e.getChanges()), Csv.cell(label(bundle, "audit.origin.", e.getOrigin())),
                        Csv.cell(e.getAddress())) + "\r\n");
            }
            rows += page.entries().size();
            if (page.next() == null) {
                break;
            }
            page = audit.page(query, page.next(), Audit.MAX_PAGE);
        }
        writer.flush();
        audit.exported(query, rows);
    }

    private static String label(ResourceBundle bundle, String prefix, String name) {
        return bundle.containsKey(prefix + name) ? bundle.getString(prefix + name) : name;
    }
}
