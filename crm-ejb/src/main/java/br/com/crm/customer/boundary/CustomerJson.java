package br.com.crm.customer.boundary;

import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.customer.entity.LegalBasis;
import br.com.crm.customer.entity.TaxId;

import java.time.OffsetDateTime;

/**
 * A customer as the REST API shows it ({@code /api/v1/customers/{id}}), and as a webhook's event carries it: one
 * definition for both.
 */
public record CustomerJson(long id, String name, CustomerKind kind, String taxId, String email, String phone,
                           ContactStatus contactStatus, String erpCode, LegalBasis legalBasis,
                           OffsetDateTime anonymizedAt, long version) {

    public static CustomerJson of(Customer c) {
        return of(c, true);
    }

    /** The customer, its CPF {@link TaxId#masked(String) masked} for who may not see personal data. */
    public static CustomerJson of(Customer c, boolean personalData) {
        return new CustomerJson(c.getId(), c.getName(), c.getKind(),
                personalData ? c.getTaxId() : TaxId.masked(c.getTaxId()), c.getEmail(), c.getPhone(),
                c.getContactStatus(), c.getErpCode(), c.getLegalBasis(), c.getAnonymizedAt(), c.getVersion());
    }
}
