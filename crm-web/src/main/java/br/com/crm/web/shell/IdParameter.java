package br.com.crm.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The {@code id} query parameter of a download (a proposal's PDF, an activity's calendar file, personal data). */
public final class IdParameter {

    private IdParameter() {
    }

    /** The id, or null once a 400 has been sent: a missing or malformed id is the caller's mistake, not a 500. */
    public static Long readOrRefuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return null;
        }
    }
}
