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
 * {@code q, tag (repeated), customer, responsible, min, max, from, to, archived}.
 */
public class FilterParams {

    @QueryParam("q")
    String q;
    @QueryParam("tag")
    List<Long> tags;
    @QueryParam("customer")
    Long customer;
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
    boolean archived;

    public SubjectFilter filter() {
        return of(q, tags, customer, responsible, min, max, from, to, archived);
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
