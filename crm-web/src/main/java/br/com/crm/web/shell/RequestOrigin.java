package br.com.crm.web.shell;

import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.ChangeOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Tells the boundaries which door (page or API) and client address every request comes through, for the audit. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestOrigin extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ChangeOrigin origin;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        tell(origin, clientAddress, request);
        chain.doFilter(request, response);
    }

    /** Also from the login, which runs before any filter. */
    public static void tell(ChangeOrigin origin, ClientAddress clientAddress, HttpServletRequest request) {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        origin.through(api ? AuditEvent.Origin.API : AuditEvent.Origin.PAGE, clientAddress.of(request));
    }
}
