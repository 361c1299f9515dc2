package br.com.crm.web.api;

import br.com.crm.kernel.BusinessException;
import br.com.crm.subject.boundary.SubjectBulk;
import br.com.crm.subject.boundary.SubjectFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One operation on many subjects (ids, or all a filter selects), in one transaction: all or nothing.
 */
@Path("subjects/bulk")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectBulkResource {

    /** A filter in a JSON body (bulk operations): the same fields as the list's query parameters. */
    public record FilterJson(String q, List<Long> tags, Long customer, String responsible, BigDecimal min,
                             BigDecimal max, LocalDate from, LocalDate to, Boolean archived) {
        SubjectFilter filter() {
            return new SubjectFilter(q, tags, customer, responsible, min, max, from, to,
                    archived != null && archived);
        }
    }

    /**
     * A bulk operation: {@code action} is archive, unarchive, delete, addTags, removeTags (with {@code tagIds}),
     * move (with {@code stageId}) or assign (with {@code responsible}); on {@code ids} or on all that {@code filter}
     * selects. Delete (administrators) names how many subjects it expects ({@code expectedCount}) and, to delete
     * subjects that sent proposals or e-mails, {@code confirm: true}.
     */
    public record BulkInput(String action, List<Long> ids, FilterJson filter, List<Long> tagIds, Long stageId,
                            String responsible, Integer expectedCount, Boolean confirm) {
    }

    @Inject
    SubjectBulk bulk;

    /** One operation on many subjects, all or nothing; answers how many were selected and how many changed. */
    @POST
    public SubjectBulk.Result bulk(BulkInput input) {
        if (input == null || input.action() == null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "bulk.action.unknown", "action", "");
        }
        SubjectBulk.Selection selection = new SubjectBulk.Selection(input.ids(),
                input.filter() == null ? null : input.filter().filter());
        return switch (input.action()) {
            case "archive" -> bulk.archive(selection);
            case "unarchive" -> bulk.unarchive(selection);
            case "delete" -> {
                if (input.expectedCount() == null) {
                    throw new BusinessException(BusinessException.Kind.INVALID, "bulk.delete.expectedCount",
                            "expectedCount");
                }
                yield bulk.delete(selection, input.expectedCount(), Boolean.TRUE.equals(input.confirm()));
            }
            case "addTags" -> bulk.addTags(selection, input.tagIds());
            case "removeTags" -> bulk.removeTags(selection, input.tagIds());
            case "move" -> {
                if (input.stageId() == null) {
                    throw new BusinessException(BusinessException.Kind.INVALID, "api.stage.required", "stageId");
                }
                yield bulk.move(selection, input.stageId());
            }
            case "assign" -> bulk.assign(selection, input.responsible());
            default -> throw new BusinessException(BusinessException.Kind.INVALID, "bulk.action.unknown", "action",
                    input.action());
        };
    }
}
