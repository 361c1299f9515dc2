package br.com.crm.audit.boundary;

import br.com.crm.kernel.AuditEvent;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * Which audit entries to read: each field narrows, {@code null} does not.
 *
 * @param actor  who (user name)
 * @param action what was done
 * @param entity the kind of record
 * @param id     the record (with {@code entity})
 * @param from   at or after
 * @param to     before
 */
public record AuditQuery(String actor, AuditEvent.Action action, AuditEvent.Entity entity, Long id,
                         OffsetDateTime from, OffsetDateTime to) implements Serializable {

    private static final long serialVersionUID = 1L;
}
