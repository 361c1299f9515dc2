package br.com.crm.web.api;

import br.com.crm.erp.boundary.ErpUnavailable;
import jakarta.ejb.EJBAccessException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error of the API leaves as {@code application/problem+json}, and never with a stack trace. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class HttpErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            int code = status.getStatusCode();
            String title = code == 428 ? "Precondition Required" : status.getReasonPhrase();
            return new Problem("about:blank", title, code, code >= 500 ? null : e.getMessage(), null).toResponse();
        }
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return new Problem("about:blank", "Bad Request", 400, "The request has invalid fields.", errors)
                    .toResponse();
        }

        /** The last node of the property path: the field as the client named it, not the Java method. */
        private static String field(ConstraintViolation<?> v) {
            String path = v.getPropertyPath().toString();
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    /** The ERP did not answer: 503, in plain words (the reason is for the log and health, not for clients). */
    @Provider
    public static class ErpDown implements ExceptionMapper<ErpUnavailable> {
        @Override
        public Response toResponse(ErpUnavailable e) {
            LOG.info(() -> "ERP unavailable: " + e.getMessage());
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "The ERP is not answering now; its documents are unavailable. The rest of the CRM works.")
                    .toResponse();
        }
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return Problem.of(Response.Status.FORBIDDEN, "Your role does not allow this.").toResponse();
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.log(Level.SEVERE, "Unexpected error in the REST API", e);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, null).toResponse();
        }
    }
}
