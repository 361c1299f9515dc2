package br.com.crm.web.api;

import br.com.crm.customer.boundary.CustomerDocuments;
import br.com.crm.customer.boundary.CustomerJson;
import br.com.crm.customer.boundary.Customers;
import br.com.crm.customer.entity.Consent;
import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.customer.entity.LegalBasis;
import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpDocuments;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.privacy.boundary.Anonymizations;
import br.com.crm.privacy.boundary.PersonalData;
import br.com.crm.security.entity.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Customers: search by name or CPF/CNPJ, and registration with the tax id verified. */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomersResource {

    public record CustomerInput(String name, CustomerKind kind, String taxId, String email, String phone,
                                ContactStatus contactStatus) {
    }

    static final String PDF = "application/pdf";

    public record ConsentInput(LegalBasis basis, Consent.Action consent, String how, OffsetDateTime givenAt) {
    }

    public record ConsentJson(long id, LegalBasis basis, Consent.Action consent, String how, OffsetDateTime givenAt,
                              OffsetDateTime recordedAt, String recordedBy) {
    }

    /** The customer as it is now, and how many records of each kind named the person. */
    public record AnonymizedJson(CustomerJson customer, Map<String, Integer> replaced) {
    }

    @Inject
    Customers customers;

    @Inject
    PersonalData personalData;

    @Inject
    Anonymizations anonymizations;

    @Context
    SecurityContext security;

    @GET
    public List<CustomerJson> search(@QueryParam("q") @DefaultValue("") String query,
                                     @QueryParam("limit") @DefaultValue("20") int limit) {
        return customers.search(query, limit).stream().map(this::json).toList();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        Customer customer = customers.find(id);
        return Response.ok(json(customer)).tag(Versions.tag(customer.getVersion())).build();
    }

    @POST
    public Response register(CustomerInput input, @Context UriInfo uri) {
        if (input == null || input.name() == null || input.name().isBlank() || input.kind() == null) {
            throw new BusinessException(BusinessException.Kind.INVALID,
                    "api.customer.nameAndKindRequired", input == null || input.kind() != null ? "name" : "kind");
        }
        Customer customer = customers.register(input.name(), input.kind(), input.taxId(), input.email(),
                input.phone(), input.contactStatus());
        return Response.created(uri.getAbsolutePathBuilder().path(customer.getId().toString()).build())
                .tag(Versions.tag(customer.getVersion())).entity(json(customer)).build();
    }

    /**
     * Everything the module holds about the customer (LGPD, art. 18): JSON, or with {@code Accept:
     * application/pdf} (or {@code ?format=pdf}) a PDF in the caller's language. For who works on subjects;
     * audited.
     */
    @GET
    @Path("{id}/personal-data")
    @Produces({MediaType.APPLICATION_JSON, PDF})
    public Response personalData(@PathParam("id") long id, @QueryParam("format") String format,
                                 @Context HttpHeaders headers) {
        if (format != null && !format.isBlank() && !"pdf".equals(format) && !"json".equals(format)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "api.personalData.format", "format");
        }
        // A link in a page cannot set Accept: ?format=pdf says the same.
        boolean pdf = "pdf".equals(format) || format == null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.valueOf(PDF)) && !type.isWildcardType());
        if (pdf) {
            Locale locale = headers.getAcceptableLanguages().stream().findFirst().orElse(Locale.forLanguageTag("pt-BR"));
            return Response.ok(personalData.pdf(id, locale), PDF)
                    .header("Content-Disposition", "attachment; filename=\"dados-pessoais-" + id + ".pdf\"").build();
        }
        return Response.ok(personalData.report(id), MediaType.APPLICATION_JSON).build();
    }

    /**
     * Replaces the person's name, CPF, e-mail and phone everywhere the module wrote them ({@code crm-admin},
     * {@code If-Match} with the customer's version). Answers with how many records of each kind named them.
     */
    @POST
    @Path("{id}/anonymize")
    public Response anonymize(@PathParam("id") long id, @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers);
        Map<String, Integer> replaced = anonymizations.anonymize(id, version);
        Customer customer = customers.find(id);
        return Response.ok(new AnonymizedJson(json(customer), replaced))
                .tag(Versions.tag(customer.getVersion())).build();
    }

    /** What an anonymisation would touch, for a confirmation ({@code crm-admin}). */
    @GET
    @Path("{id}/anonymize")
    public Anonymizations.Scope anonymizationScope(@PathParam("id") long id) {
        return anonymizations.scope(id);
    }

    /** The customer's legal bases and consents, latest first. */
    @GET
    @Path("{id}/consents")
    public List<ConsentJson> consents(@PathParam("id") long id) {
        return customers.consents(id).stream().map(CustomersResource::json).toList();
    }

    /** Records a legal basis, or consent given or withdrawn ({@code crm-admin}, {@code crm-user}). */
    @POST
    @Path("{id}/consents")
    public Response recordConsent(@PathParam("id") long id, ConsentInput input, @Context UriInfo uri) {
        Consent consent = customers.record(id, input == null ? null
                : new Customers.ConsentForm(input.basis(), input.consent(), input.how(), input.givenAt()));
        return Response.status(Response.Status.CREATED).entity(json(consent)).build();
    }

    static ConsentJson json(Consent c) {
        return new ConsentJson(c.getId(), c.getBasis(), c.getConsent(), c.getHow(), c.getGivenAt(),
                c.getRecordedAt(), c.getRecordedBy());
    }

    private CustomerJson json(Customer c) {
        return CustomerJson.of(c, security.isUserInRole(Roles.ADMIN) || security.isUserInRole(Roles.USER));
    }

    /** The customer's sales documents in the ERP (orders, invoices, ERP proposals), newest first. */
    @GET
    @Path("{id}/sales")
    public Erp.Page<Erp.SalesDocument> sales(
            @PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return documents.sales(id, offset, limit);
    }

    /** The customer's open receivables in the ERP, the oldest due first; {@code total} is the open balance. */
    @GET
    @Path("{id}/finance")
    public Erp.Page<ReceivableJson> finance(
            @PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        var page = documents.receivables(id, offset, limit);
        LocalDate today = BusinessCalendar.today();
        return new Erp.Page<>(page.rows().stream().map(r -> new ReceivableJson(r.document(),
                r.issuedOn(), r.dueOn(), r.amount(), r.balance(), r.daysOverdue(today))).toList(), page.count(),
                page.total());
    }

    public record ReceivableJson(String document, LocalDate issuedOn, LocalDate dueOn,
                                 BigDecimal amount, BigDecimal balance, long daysOverdue) {
    }

    /** The customer's service invoices (NFS-e) and service orders in the ERP, newest first. */
    @GET
    @Path("{id}/service")
    public Erp.Page<Erp.ServiceDocument> service(
            @PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return documents.service(id, offset, limit);
    }

    /** Customers in the ERP by name, CPF/CNPJ or code, to link instead of registering again. */
    @GET
    @Path("erp")
    public List<Erp.Customer> erpCustomers(@QueryParam("q") @DefaultValue("") String query) {
        return erp.findCustomers(query);
    }

    /** The CRM customer of an ERP customer: the one already linked or with its CPF/CNPJ, else a new one (no duplicate). */
    @POST
    @Path("erp/{code}")
    public CustomerJson fromErp(@PathParam("code") String code) {
        return json(customers.fromErp(code));
    }

    @Inject
    ErpDocuments erp;

    @Inject
    CustomerDocuments documents;
}
