package br.com.crm.web.shell;

import br.com.crm.kernel.Jsonp;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;

/** An {@code application/problem+json} answer written by a filter or the login mechanism, outside JAX-RS. */
public final class ServletProblems {

    private ServletProblems() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        try {
            response.getWriter().write(Jsonp.createObjectBuilder().add("type", "about:blank").add("title", title)
                    .add("status", status).add("detail", detail).build().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
