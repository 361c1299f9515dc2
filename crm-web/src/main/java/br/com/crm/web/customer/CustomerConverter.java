package br.com.crm.web.customer;

import br.com.crm.customer.boundary.Customers;
import br.com.crm.customer.entity.Customer;
import br.com.crm.kernel.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;

/** A customer on a page is its id. A CDI bean, so that Faces injects it (managed = true). */
@ApplicationScoped
@FacesConverter(value = "customerConverter", managed = true)
public class CustomerConverter implements Converter<Customer> {

    @Inject
    Customers customers;

    @Override
    public Customer getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return customers.find(Long.parseLong(value));
        } catch (NumberFormatException | BusinessException e) {
            throw new ConverterException(e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Customer customer) {
        return customer == null || customer.getId() == null ? "" : customer.getId().toString();
    }
}
