package br.com.crm.erp.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The ERP did not answer (its data source is down or not configured, a view is missing). Not a business rule and not
 * a failure of the module: pages show it in plain words and go on without the ERP's data.
 */
@ApplicationException(rollback = false)
public class ErpUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ErpUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
