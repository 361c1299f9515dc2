package br.com.crm.web.subject;

import br.com.crm.customer.boundary.Customers;
import br.com.crm.kernel.BusinessException;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.User;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.tag.boundary.Tags;
import br.com.crm.tag.entity.Tag;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.subject.FilterParams;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The filter of the subjects' screens (funnel and list), read from the page's URL: a filtered view is a link to
 * bookmark or share, the view-type switch keeps it, and the API takes the same parameters.
 */
@Named
@ViewScoped
public class FilterBarBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Feedback feedback;

    @Inject
    Tags tags;

    @Inject
    Users users;

    @Inject
    Customers customers;

    private SubjectFilter filter = SubjectFilter.NONE;
    private String page;
    private boolean open;
    private String customerName;
    // Read when the form opens, once: getters run many times per render.
    private List<Tag> tagChoices = List.of();
    private List<User> responsibleChoices = List.of();

    @PostConstruct
    void init() {
        page = Faces.getViewId().substring(1);
        try {
            filter = FilterParams.of(Faces.getRequest());
        } catch (BusinessException e) {
            feedback.refused(e);
            filter = SubjectFilter.NONE;
        }
        if (filter.customerId() != null) {
            try {
                customerName = customers.find(filter.customerId()).getName();
            } catch (BusinessException e) {
                feedback.refused(e);
                filter = new SubjectFilter(filter.text(), filter.tagIds(), null, filter.responsible(),
                        filter.minAmount(), filter.maxAmount(), filter.closeFrom(), filter.closeTo(),
                        filter.archived());
            }
        }
        open = isFiltered();
        if (open) {
            loadChoices();
        }
    }

    /** Opens or closes the filter form; its choices are read only when it opens. */
    public void toggle() {
        open = !open;
        if (open) {
            loadChoices();
        }
    }

    private void loadChoices() {
        tagChoices = tags.list();
        responsibleChoices = users.responsibles();
    }

    public SubjectFilter getFilter() {
        return filter;
    }

    /** Anything asked beyond the tab. */
    public boolean isFiltered() {
        return filter.isNarrowed();
    }

    /** This screen with the same filter, on the active or the archived tab. */
    public String tabUrl(boolean archived) {
        return url(page, archived, filter.customerId());
    }

    /** The other view type (funnel or list) with the same filter and tab. */
    public String viewUrl(String otherPage) {
        return url(otherPage, filter.archived(), filter.customerId());
    }

    /** This screen with the same filter but any customer. */
    public String getWithoutCustomerUrl() {
        return url(page, filter.archived(), null);
    }

    /** This screen with the same filter narrowed to one customer (the customer links on cards and rows). */
    public String customerUrl(long customerId) {
        return url(page, filter.archived(), customerId);
    }

    /** The export of what this screen shows (its filter and tab), as {@code csv} or {@code xlsx}. */
    public String exportUrl(String format) {
        return url("export/subjects." + format, filter.archived(), filter.customerId());
    }

    private String url(String target, boolean archived, Long customer) {
        StringBuilder url = new StringBuilder(target).append("?archived=").append(archived);
        append(url, "q", filter.text());
        filter.tagIds().forEach(t -> append(url, "tag", t));
        append(url, "customer", customer);
        append(url, "responsible", filter.responsible());
        append(url, "min", filter.minAmount());
        append(url, "max", filter.maxAmount());
        append(url, "from", filter.closeFrom());
        append(url, "to", filter.closeTo());
        return url.toString();
    }

    private static void append(StringBuilder url, String name, Object value) {
        if (value != null) {
            url.append('&').append(name).append('=')
                    .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    public boolean hasTag(long tagId) {
        return filter.tagIds().contains(tagId);
    }

    public String getPage() {
        return page;
    }

    public boolean isOpen() {
        return open;
    }

    public String getCustomerName() {
        return customerName;
    }

    public List<Tag> getTagChoices() {
        return tagChoices;
    }

    public List<User> getResponsibleChoices() {
        return responsibleChoices;
    }
}
