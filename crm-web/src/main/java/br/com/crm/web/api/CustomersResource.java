package br.com.crm.web.api;

import br.com.crm.customer.boundary.CustomerDocuments;
import br.com.crm.customer.boundary.CustomerJson;
import br.com.crm.customer.boundary.Customers;
import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpDocuments;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.security.control.CurrentCaller;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Customers: search by name or CPF/CNPJ, and registration with the tax id verified. */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomersResource {

    public record CustomerInput(String name, CustomerKind kind, String taxId, String email, String phone,
                                ContactStatus contactStatus) {
    }

    @Inject
    Customers customers;

    @Inject
    CurrentCaller caller;

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

    private CustomerJson json(Customer c) {
        return CustomerJson.of(c, caller.seesPersonalData());
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
