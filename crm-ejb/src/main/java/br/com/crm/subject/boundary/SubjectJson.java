package br.com.crm.subject.boundary;

import br.com.crm.subject.entity.Outcome;
import br.com.crm.subject.entity.Subject;
import br.com.crm.tag.boundary.TagJson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A subject as the REST API shows it ({@code /api/v1/subjects/{id}}), and as a webhook's event carries it: one
 * definition for both, so the two cannot drift apart. Read inside a transaction (customer, stage and tags are
 * loaded on the way).
 */
public record SubjectJson(long id, String title, long customerId, String customer, long stageId, String stage,
                          String responsible, BigDecimal amount, LocalDate expectedClose, String description,
                          Outcome outcome, Long lostReasonId, boolean archived, OffsetDateTime stageEnteredAt,
                          OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
                          List<TagJson> tags, long version) {

    public static SubjectJson of(Subject s) {
        return new SubjectJson(s.getId(), s.getTitle(), s.getCustomer().getId(), s.getCustomer().getName(),
                s.getStage().getId(), s.getStage().getDescription(), s.getResponsible().getUsername(), s.getAmount(),
                s.getExpectedClose(), s.getDescription(), s.getOutcome(),
                s.getLostReason() == null ? null : s.getLostReason().getId(), s.isArchived(), s.getStageEnteredAt(),
                s.getCreatedAt(), s.getCreatedBy(), s.getUpdatedAt(), s.getUpdatedBy(),
                s.getTags().stream().map(TagJson::of).sorted(Comparator.comparing(TagJson::name)).toList(),
                s.getVersion());
    }
}
