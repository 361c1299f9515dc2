package br.com.crm.erp.boundary;

import br.com.crm.erp.control.ErpCalls;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What pages and the API ask of the ERP that is not one customer's documents: its customers (to link one instead
 * of registering a duplicate), its catalogue of products, and links to its documents. The ERP being down comes as
 * {@link ErpUnavailable} without failing what the caller does in the module's database.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER, Roles.VIEWER})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ErpDocuments {

    @Inject
    ErpCalls erp;

    /** A URL pattern with {@code {kind}} and {@code {number}}, e.g. {@code https://erp.example/doc/{kind}/{number}}. */
    @Inject
    @ConfigProperty(name = "crm.erp.document-url")
    Optional<String> documentUrl;

    /** For linking a customer, which only who works on subjects does: the ERP's answer holds whole CPFs (LGPD). */
    @RolesAllowed({Roles.ADMIN, Roles.USER})
    public List<Erp.Customer> findCustomers(String text) {
        return erp.findCustomers(text);
    }

    public List<Erp.Product> products(String text) {
        return erp.products(text);
    }

    /**
     * The links to documents' pages in the ERP, as the administrator configured them: asked once per table, not per
     * row (a page of twenty documents asked forty times through the container).
     */
    public DocumentLinks documentLinks() {
        return new DocumentLinks(documentUrl.filter(p -> !p.isBlank()).orElse(null));
    }

    /** A URL pattern with {@code {kind}} and {@code {number}}, or none. */
    public record DocumentLinks(String pattern) implements Serializable {

        /** The document's page in the ERP, when a URL pattern is configured; else {@code null}. */
        public String link(String kind, String number) {
            return pattern == null ? null : pattern.replace("{kind}", encode(kind)).replace("{number}", encode(number));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
