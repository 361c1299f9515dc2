package br.com.crm.operations.boundary;

import br.com.crm.database.control.DatabaseHealth;
import br.com.crm.erp.control.ErpHealth;
import br.com.crm.kernel.Cluster;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The readiness checks with their details, for administrators only. */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Diagnostics {

    /** One check: its name as readiness lists it, and what it found. */
    public record Check(String name, Map<String, String> details) {
    }

    @Inject
    @Readiness
    DatabaseHealth database;

    @Inject
    @Readiness
    ErpHealth erp;

    @Inject
    Cluster cluster;

    public List<Check> checks() {
        return List.of(new Check(DatabaseHealth.NAME, database.details()), new Check(ErpHealth.NAME, erp.details()),
                new Check("cluster", cluster()));
    }

    /** Which server answered and which servers the data grid holds (this one first). */
    private Map<String, String> cluster() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("status", "UP");
        details.put("instance", cluster.instance());
        details.put("clustered", String.valueOf(cluster.isClustered()));
        details.put("members", String.join(", ", cluster.members()));
        return details;
    }
}
