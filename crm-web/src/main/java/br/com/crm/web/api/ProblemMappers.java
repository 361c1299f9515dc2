package br.com.crm.web.api;

import br.com.crm.erp.boundary.ErpUnavailable;
import br.com.crm.kernel.BusinessException;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.Languages;
import br.com.crm.web.shell.RequestLimits;
import jakarta.ejb.EJBAccessException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.time.DateTimeException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A body beyond the limit of {@link RequestLimits}. */
    @Provider
    public static class TooLarge implements ExceptionMapper<JsonBodies.BodyTooLarge> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(JsonBodies.BodyTooLarge e) {
            String detail = message(headers, "api.body.tooLarge", RequestLimits.maxBodyBytes() / 1024);
            return new Problem("about:blank", "Content Too Large", 413, detail, null).toResponse();
        }
    }

    /** A body {@link JsonBodies} refused before binding: 400, naming the field when one is to blame. */
    @Provider
    public static class BadBody implements ExceptionMapper<JsonBodies.BadRequestBody> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(JsonBodies.BadRequestBody e) {
            return badRequest(headers, e.field(), message(headers, e.messageKey(), e.arguments()));
        }
    }

    /**
     * A well-formed JSON body that does not bind to what the resource takes: a string for a number, an unknown
     * enum value or field, an impossible date, a number out of its type's range. JSON-B says which property in
     * its message; the client gets the property and what was expected, never the Java types.
     */
    @Provider
    public static class BadQuery implements ExceptionMapper<QueryParameters.BadParameter> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(QueryParameters.BadParameter e) {
            return badRequest(headers, e.name(), message(headers, e.messageKey(), e.name()));
        }
    }

    @Provider
    public static class Unbindable implements ExceptionMapper<ProcessingException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ProcessingException e) {
            if (!bindingFailure(e)) {
                LOG.log(Level.SEVERE, "Unexpected processing error in the REST API", e);
                return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, null).toResponse();
            }
            LOG.fine(() -> "Unbindable body: " + causes(e));
            Matcher unknown = UNKNOWN_PROPERTY.matcher(causes(e));
            if (unknown.find()) {
                return badRequest(headers, unknown.group(1), message(headers, "api.body.unknownField",
                        unknown.group(1)));
            }
            Matcher property = PROPERTY.matcher(causes(e));
            String field = property.find() ? property.group(1) : null;
            return badRequest(headers, field, message(headers, field == null ? "api.body.unbindable"
                    : "api.body.fieldUnbindable", field));
        }
    }

    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("[Uu]nknown propert(?:y|ies)[^\\[']*[\\[']([A-Za-z0-9_]+)");
    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

    /** Whether JSON binding failed somewhere down the causes (the client's fault), not writing an answer. */
    static boolean bindingFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException || t instanceof DateTimeException
                    || t instanceof NumberFormatException || t instanceof ArithmeticException) {
                return true;
            }
        }
        return false;
    }

    /** The messages down the causes, where JSON-B names the innermost property last. */
    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(' ').append(t.getMessage());
        }
        return messages.toString();
    }

    static Response badRequest(HttpHeaders headers, String field, String detail) {
        return new Problem("about:blank", "Bad Request", 400, detail,
                field == null ? null : List.of(new Problem.FieldError(field, detail))).toResponse();
    }

    static String message(HttpHeaders headers, String key, Object... arguments) {
        return Feedback.format(ResourceBundle.getBundle(Feedback.BUNDLE, Languages.of(headers)), key, arguments);
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            Optional<BusinessException> lost = BusinessException.lostToConcurrentWrite(e);
            if (lost.isPresent()) {
                LOG.info(() -> "A write lost to a concurrent one, answered 409: " + e);
                return BusinessProblems.problem(lost.get(), headers);
            }
            LOG.log(Level.SEVERE, "Unexpected error in the REST API", e);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, null).toResponse();
        }
    }
}
