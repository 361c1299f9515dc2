package br.com.crm.activity.boundary;

import br.com.crm.activity.entity.Activity;
import br.com.crm.activity.entity.ActivityKind;

import java.time.OffsetDateTime;

/**
 * An activity as the REST API shows it ({@code /api/v1/activities/{id}}), and as a webhook's event carries it: one
 * definition for both.
 */
public record ActivityJson(long id, long subjectId, ActivityKind kind, String description, OffsetDateTime dueAt,
                           String responsible, OffsetDateTime doneAt, String result, OffsetDateTime createdAt,
                           String createdBy, OffsetDateTime updatedAt, String updatedBy, long version) {

    public static ActivityJson of(Activity a) {
        return new ActivityJson(a.getId(), a.getSubjectId(), a.getKind(), a.getDescription(), a.getDueAt(),
                a.getResponsible().getUsername(), a.getDoneAt(), a.getResult(), a.getCreatedAt(), a.getCreatedBy(),
                a.getUpdatedAt(), a.getUpdatedBy(), a.getVersion());
    }
}
