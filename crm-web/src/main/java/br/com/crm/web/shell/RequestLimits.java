package br.com.crm.web.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.ResourceBundle;

/**
 * The largest request body the module reads, {@code crm.request.max-bytes} (default 6 MiB, above the 5 MB
 * import file with its form around it). A request that announces a larger body is refused here with 413 before
 * anything reads it; the API counts what it reads too, for bodies sent without a length.
 * <p>
 * And the query string: a parameter holding a character no field takes ({@link QueryStrings#badParameter}: a NUL, which
 * PostgreSQL refuses inside any query, an escape code) or that does not decode is refused with 400, naming it,
 * before a search carries it to the database.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLimits extends HttpFilter {

    private static final long MAX_BODY_BYTES = ConfigProvider.getConfig()
            .getOptionalValue("crm.request.max-bytes", Long.class).orElse(6L << 20);

    public static long maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            String detail = Feedback.format(ResourceBundle.getBundle(Feedback.BUNDLE, Languages.of(request)),
                    "api.body.tooLarge", MAX_BODY_BYTES / 1024);
            // The client is told to stop sending; what it already sent is not read.
            response.setHeader("Connection", "close");
            ServletProblems.write(response, 413, "Content Too Large", detail);
            return;
        }
        String bad = QueryStrings.badParameter(request.getQueryString());
        if (bad != null) {
            String detail = Feedback.format(ResourceBundle.getBundle(Feedback.BUNDLE, Languages.of(request)),
                    "api.parameter.control", bad);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ServletProblems.write(response, 400, "Bad Request", detail);
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
