package br.com.crm.web.customer;

import br.com.crm.kernel.BusinessException;
import br.com.crm.privacy.boundary.PersonalData;
import br.com.crm.web.shell.IdParameter;
import br.com.crm.web.shell.LocaleBacking;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A person's data for the logged-in user to hand them, from the customer's page: {@code ?id=…&format=json|pdf}
 * (the API's {@code /customers/{id}/personal-data} takes Basic logins only). Audited by the boundary; refused to a
 * viewer.
 */
@WebServlet("/export/personal-data")
public class PersonalDataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    @Inject
    PersonalData personalData;

    @Inject
    LocaleBacking locale;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id = IdParameter.readOrRefuse(request, response);
        if (id == null) {
            return;
        }
        String format = request.getParameter("format");
        if (!"pdf".equals(format) && !"json".equals(format)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        byte[] body;
        try {
            body = "pdf".equals(format) ? personalData.pdf(id, locale.localeOf(request))
                    : JSON.toJson(personalData.report(id)).getBytes(StandardCharsets.UTF_8);
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("pdf".equals(format) ? "application/pdf" : "application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.setHeader("Content-Disposition", "attachment; filename=\"dados-pessoais-" + id + "." + format + "\"");
        response.getOutputStream().write(body);
    }
}
