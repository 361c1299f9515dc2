package br.com.crm.erp.control;

import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Whether the ERP answers, for the administrator reading health. The module stays ready without it (the CRM works,
 * the ERP tabs and badges say the ERP is unavailable), so this check is UP either way and tells the ERP's state in
 * its data: {@code erp: UP} or {@code erp: DOWN} with the reason.
 */
@Readiness
@ApplicationScoped
public class ErpHealth implements HealthCheck {

    @Inject
    Erp erp;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("crm-erp").up();
        try {
            erp.facts(List.of(new Erp.CustomerKey("-", "-")));
            return response.withData("erp", "UP").build();
        } catch (ErpUnavailable e) {
            return response.withData("erp", "DOWN").withData("reason", String.valueOf(e.getMessage())).build();
        } catch (RuntimeException e) {
            // Whatever else failed, the check reports it and the module stays ready.
            return response.withData("erp", "DOWN").withData("reason", String.valueOf(e)).build();
        }
    }
}
