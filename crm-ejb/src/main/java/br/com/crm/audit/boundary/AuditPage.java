package br.com.crm.audit.boundary;

import br.com.crm.audit.entity.AuditEntry;

import java.io.Serializable;
import java.util.List;

/**
 * A page of audit entries, newest first, and the cursor of the next (older) page: {@code null} on the last.
 * Keyset paging: a page deep in five million entries costs what the first does.
 */
public record AuditPage(List<AuditEntry> entries, Long next) implements Serializable {

    private static final long serialVersionUID = 1L;
}
