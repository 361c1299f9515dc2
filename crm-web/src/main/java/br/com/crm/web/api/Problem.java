package br.com.crm.web.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An error as RFC 9457 describes it ({@code application/problem+json}). {@code errors} names the fields that were
 * refused, when there are any.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
