package br.com.crm.web.api;

import br.com.crm.kernel.BusinessException;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.Languages;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** A business refusal as a problem: the message in the caller's language ({@link Languages}), and the field. */
@Provider
public class BusinessProblems implements ExceptionMapper<BusinessException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(BusinessException e) {
        return problem(e, headers);
    }

    static Response problem(BusinessException e, HttpHeaders headers) {
        Response.StatusType status = switch (e.getKind()) {
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case INVALID -> new UnprocessableEntity();
            case CONFLICT -> Response.Status.CONFLICT;
            case STALE -> Response.Status.PRECONDITION_FAILED;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
        };
        Locale locale = Languages.of(headers);
        String detail = Feedback.format(ResourceBundle.getBundle(Feedback.BUNDLE, locale), e.getMessageKey(),
                e.getArguments());
        List<Problem.FieldError> errors = e.getField() == null ? null
                : List.of(new Problem.FieldError(e.getField(), detail));
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors)
                .toResponse();
    }

    /** 422: the request is well-formed, but a rule refuses its content. */
    static final class UnprocessableEntity implements Response.StatusType {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    }
}
