package br.com.crm.web.subject;

import br.com.crm.kernel.BusinessException;
import br.com.crm.subject.boundary.SubjectFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.QueryParam;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The subject filter as query parameters, the same on the pages' URLs and the API:
 * {@code q, tag (repeated), customer, responsible, min, max, from, to, archived}. Every field is text, read
 * here: Jersey logs a stack trace for any value it fails to convert into a bean parameter's field.
 */
public class FilterParams {

    @QueryParam("q")
    String q;
    @QueryParam("tag")
    List<String> tags;
    @QueryParam("customer")
    String customer;
    @QueryParam("responsible")
    String responsible;
    @QueryParam("min")
    String min;
    @QueryParam("max")
    String max;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("archived")
    String archived;

    /** @throws BusinessException (422, naming the parameter) when a number, date or yes/no does not read */
    public SubjectFilter filter() {
        List<Long> tagIds = tags == null ? List.of() : tags.stream().filter(t -> !t.isBlank())
                .map(t -> id(t, "tag")).toList();
        Long customerId = customer == null || customer.isBlank() ? null : id(customer, "customer");
        if (archived != null && !archived.isBlank() && !archived.strip().matches("(?i)true|false")) {
            throw new BusinessException(BusinessException.Kind.INVALID, "filter.boolean.invalid", "archived");
        }
        return of(q, tagIds, customerId, responsible, min, max, from, to,
                archived != null && archived.strip().equalsIgnoreCase("true"));
    }

    /** An id typed in a query parameter. */
    public static long id(String value, String name) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "filter.number.invalid", name, value);
        }
    }

    /** The filter of a page or download URL (the board's, its CSV export's). */
    public static SubjectFilter of(HttpServletRequest request) {
        String[] tags = request.getParameterValues("tag");
        List<Long> tagIds = tags == null ? List.of()
                : Arrays.stream(tags).filter(t -> t.matches("\\d+")).map(Long::valueOf).toList();
        String customer = request.getParameter("customer");
        Long customerId = customer != null && customer.matches("\\d{1,18}") ? Long.valueOf(customer) : null;
        return of(request.getParameter("q"), tagIds, customerId, request.getParameter("responsible"),
                request.getParameter("min"), request.getParameter("max"), request.getParameter("from"),
                request.getParameter("to"), "true".equals(request.getParameter("archived")));
    }

    /** @throws BusinessException (422, naming the parameter) when a number or date does not parse */
    public static SubjectFilter of(String q, List<Long> tags, Long customer, String responsible, String min,
                                   String max, String from, String to, boolean archived) {
        return new SubjectFilter(q, tags, customer, responsible, amount(min, "min"), amount(max, "max"),
                date(from, "from"), date(to, "to"), archived);
    }

    private static BigDecimal amount(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", "."));
        } catch (NumberFormatException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "filter.number.invalid", name, value);
        }
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (RuntimeException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "filter.date.invalid", name, value);
        }
    }
}
