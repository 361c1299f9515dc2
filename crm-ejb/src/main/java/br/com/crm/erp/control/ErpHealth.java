package br.com.crm.erp.control;

import br.com.crm.erp.boundary.Erp;
import br.com.crm.erp.boundary.ErpUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the ERP answers. The module stays ready without it (the CRM works, the ERP tabs and badges say the ERP
 * is unavailable), so the public check is UP either way and says nothing more: anyone can read readiness, and
 * what failed in the ERP is for administrators ({@link #details()}, over the API's health resource).
 */
@Readiness
@ApplicationScoped
public class ErpHealth implements HealthCheck {

    public static final String NAME = "crm-erp";

    @Inject
    Erp erp;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).up().build();
    }

    /** The ERP's state ({@code erp}: UP or DOWN) and, when down, the reason. */
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        try {
            erp.facts(List.of(new Erp.CustomerKey("-", "-")));
            details.put("erp", "UP");
        } catch (ErpUnavailable e) {
            details.put("erp", "DOWN");
            details.put("reason", String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            details.put("erp", "DOWN");
            details.put("reason", String.valueOf(e));
        }
        return details;
    }
}
