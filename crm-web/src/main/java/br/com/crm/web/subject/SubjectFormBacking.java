package br.com.crm.web.subject;

import br.com.crm.customer.boundary.Customers;
import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpDocuments;
import br.com.crm.erp.boundary.ErpUnavailable;
import br.com.crm.kernel.BusinessException;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.User;
import br.com.crm.stage.boundary.Stages;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.boundary.Subjects;
import br.com.crm.subject.entity.Subject;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Creating (Incluir assunto) and editing a subject, with the customer picked by autocomplete or registered on the
 * spot. Saving lands on the subject's page.
 */
@Named
@ViewScoped
public class SubjectFormBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    @Param(name = "id")
    Long id;

    @Inject
    Subjects subjects;

    @Inject
    Customers customers;

    @Inject
    Stages stages;

    @Inject
    Users users;

    @Inject
    Feedback feedback;

    // Read once per page: their getters run many times per render.
    private List<Stage> stageList;
    private List<User> responsibles;

    private long version;
    private String title;
    private Customer customer;
    private Long stageId;
    private String responsible;
    private BigDecimal amount;
    private LocalDate expectedClose;
    private String description;
    private ContactStatus contactStatus;

    // Quick registration of a customer
    private String customerName;
    private CustomerKind customerKind = CustomerKind.COMPANY;
    private String customerTaxId;
    private String customerEmail;
    private String customerPhone;
    private ContactStatus customerStatus = ContactStatus.LEAD;

    @PostConstruct
    void load() {
        List<Stage> all = stages.list();
        // A new subject starts open: not in the closing stage.
        stageList = id == null ? all.stream().filter(s -> !s.isClosing()).toList() : List.copyOf(all);
        responsibles = users.responsibles();
        if (id == null) {
            stageId = all.get(0).getId();
            responsible = Faces.getRemoteUser();
            return;
        }
        Subject subject = subjects.find(id);
        version = subject.getVersion();
        title = subject.getTitle();
        customer = subject.getCustomer();
        stageId = subject.getStage().getId();
        responsible = subject.getResponsible().getUsername();
        amount = subject.getAmount();
        expectedClose = subject.getExpectedClose();
        description = subject.getDescription();
        contactStatus = subject.getCustomer().getContactStatus();
    }

    public void save() throws IOException {
        Subjects.Form form = new Subjects.Form(title, customer == null ? null : customer.getId(), stageId,
                responsible, amount, expectedClose, description, id == null ? null : contactStatus);
        Subject saved = feedback.attempt(() -> id == null ? subjects.create(form) : subjects.edit(id, version, form));
        if (saved != null) {
            feedback.infoAfterRedirect(id == null ? "subject.created" : "subject.saved", saved.getTitle());
            Faces.redirect("subject/view.xhtml?id=" + saved.getId() + (id == null ? "&created=true" : ""));
        }
    }

    @Inject
    ErpDocuments erpDocuments;

    private String erpCustomerCode;

    public List<Customer> completeCustomer(String query) {
        return customers.search(query, Customers.SEARCH_LIMIT);
    }

    /** ERP customers by name or CPF/CNPJ, so quick registration links one instead of typing it again. */
    public List<Erp.Customer> completeErpCustomer(String query) {
        try {
            return erpDocuments.findCustomers(query);
        } catch (ErpUnavailable e) {
            return List.of();
        }
    }

    /** The chosen ERP customer becomes (or is found as) the subject's customer. */
    public void linkErpCustomer() {
        Customer linked = feedback.attempt(() -> customers.fromErp(erpCustomerCode));
        erpCustomerCode = null;
        if (linked != null) {
            customer = linked;
            PrimeFaces.current().ajax().addCallbackParam("registered", true);
        }
    }

    public String getErpCustomerCode() {
        return erpCustomerCode;
    }

    /**
     * A suggestion's label. While rendering the field PrimeFaces puts the submitted code itself (a String) in
     * {@code var}, so this takes either.
     */
    public String erpLabel(Object item) {
        return item instanceof Erp.Customer c ? c.name() + " · " + c.taxId() + " · " + c.city() : String.valueOf(item);
    }

    public String erpCode(Object item) {
        return item instanceof Erp.Customer c ? c.code() : String.valueOf(item);
    }

    public void setErpCustomerCode(String erpCustomerCode) {
        this.erpCustomerCode = erpCustomerCode;
    }

    public void registerCustomer() {
        Customer registered = feedback.attempt(() -> customers.register(customerName, customerKind, customerTaxId,
                customerEmail, customerPhone, customerStatus));
        if (registered != null) {
            customer = registered;
            customerName = null;
            customerTaxId = null;
            customerEmail = null;
            customerPhone = null;
            feedback.info("customer.registered", registered.getName());
            PrimeFaces.current().ajax().addCallbackParam("registered", true);
        }
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    /** A new subject starts in an open stage; closing happens by moving it. */
    public List<Stage> getStages() {
        return stageList;
    }

    public List<User> getResponsibles() {
        return responsibles;
    }

    public CustomerKind[] getKinds() {
        return CustomerKind.values();
    }

    public ContactStatus[] getStatuses() {
        return ContactStatus.values();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Customer getCustomer() {
        return customer;
    }

    public void setCustomer(Customer customer) {
        this.customer = customer;
    }

    public Long getStageId() {
        return stageId;
    }

    public void setStageId(Long stageId) {
        this.stageId = stageId;
    }

    public String getResponsible() {
        return responsible;
    }

    public void setResponsible(String responsible) {
        this.responsible = responsible;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getExpectedClose() {
        return expectedClose;
    }

    public void setExpectedClose(LocalDate expectedClose) {
        this.expectedClose = expectedClose;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public ContactStatus getContactStatus() {
        return contactStatus;
    }

    public void setContactStatus(ContactStatus contactStatus) {
        this.contactStatus = contactStatus;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public CustomerKind getCustomerKind() {
        return customerKind;
    }

    public void setCustomerKind(CustomerKind customerKind) {
        this.customerKind = customerKind;
    }

    public String getCustomerTaxId() {
        return customerTaxId;
    }

    public void setCustomerTaxId(String customerTaxId) {
        this.customerTaxId = customerTaxId;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public void setCustomerEmail(String customerEmail) {
        this.customerEmail = customerEmail;
    }

    public String getCustomerPhone() {
        return customerPhone;
    }

    public void setCustomerPhone(String customerPhone) {
        this.customerPhone = customerPhone;
    }

    public ContactStatus getCustomerStatus() {
        return customerStatus;
    }

    public void setCustomerStatus(ContactStatus customerStatus) {
        this.customerStatus = customerStatus;
    }
}
