package br.com.crm.web.proposal;

import br.com.crm.kernel.BusinessException;
import br.com.crm.proposal.boundary.Proposals;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.web.shell.IdParameter;
import br.com.crm.web.shell.LocaleBacking;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A proposal's PDF for the logged-in user, in the user's language ({@code /proposal/pdf?id=}). */
@WebServlet("/proposal/pdf")
public class ProposalPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Proposals proposals;

    @Inject
    LocaleBacking locale;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id = IdParameter.readOrRefuse(request, response);
        if (id == null) {
            return;
        }
        byte[] pdf;
        Proposal proposal;
        try {
            proposal = proposals.find(id);
            pdf = proposals.pdf(id, locale.localeOf(request));
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setContentLength(pdf.length);
        response.setHeader("Content-Disposition", "inline; filename=\"" + proposal.fileName() + "\"");
        response.getOutputStream().write(pdf);
    }
}
