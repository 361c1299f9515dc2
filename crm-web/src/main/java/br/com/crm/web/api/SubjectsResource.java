package br.com.crm.web.api;

import br.com.crm.web.subject.FilterParams;
import br.com.crm.activity.boundary.Activities;
import br.com.crm.funnel.boundary.SubjectExports;
import br.com.crm.mail.boundary.Mails;
import br.com.crm.note.boundary.Notes;
import br.com.crm.proposal.boundary.Proposals;
import br.com.crm.timeline.boundary.Timeline;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.subject.SubjectsCsv;
import br.com.crm.web.subject.SubjectsXlsx;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.DateTimeException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import br.com.crm.kernel.BusinessException;
import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.funnel.boundary.Funnel;
import br.com.crm.subject.boundary.SubjectBulk;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.subject.boundary.SubjectImport;
import br.com.crm.funnel.boundary.SubjectList;
import br.com.crm.subject.boundary.Subjects;
import br.com.crm.subject.entity.Outcome;
import br.com.crm.subject.entity.Subject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Subjects over HTTP. Every response carries the subject's version as ETag; every change needs it in If-Match.
 * Lists are paged by a keyset cursor ({@code next}), per stage as on the board.
 */
@Path("subjects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectsResource {

    public record SubjectJson(long id, String title, long customerId, String customer, long stageId, String stage,
                              String responsible, BigDecimal amount, LocalDate expectedClose, String description,
                              Outcome outcome, Long lostReasonId, boolean archived, OffsetDateTime stageEnteredAt,
                              OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
                              List<TagsResource.TagJson> tags, long version) {
    }

    /** {@code contactStatus}, when given, changes the customer's contact status in the same call. */
    public record SubjectInput(String title, Long customerId, Long stageId, String responsible, BigDecimal amount,
                               LocalDate expectedClose, String description, ContactStatus contactStatus) {
        Subjects.Form form() {
            return new Subjects.Form(title, customerId, stageId, responsible, amount, expectedClose, description,
                    contactStatus);
        }
    }

    public record MoveInput(Long stageId, Outcome outcome, Long lostReasonId) {
    }

    public record PageJson(List<?> items, String next) {
    }

    /** A filter in a JSON body (bulk operations): the same fields as the list's query parameters. */
    public record FilterJson(String q, List<Long> tags, Long customer, String responsible, BigDecimal min,
                             BigDecimal max, LocalDate from, LocalDate to, Boolean archived) {
        SubjectFilter filter() {
            return new SubjectFilter(q, tags, customer, responsible, min, max, from, to,
                    archived != null && archived);
        }
    }

    /** The report of an import: counts, and every line with its status and problems (column and message). */
    public record ImportJson(String dialect, boolean imported, long created, long existing, long rejected,
                             List<ImportLineJson> lines) {
    }

    public record ImportLineJson(long line, String key, SubjectImport.Status status, List<Problem.FieldError> problems) {
    }

    /**
     * A bulk operation: {@code action} is archive, unarchive, delete, addTags, removeTags (with {@code tagIds}),
     * move (with {@code stageId}) or assign (with {@code responsible}); on {@code ids} or on all that {@code filter}
     * selects.
     */
    public record BulkInput(String action, List<Long> ids, FilterJson filter, List<Long> tagIds, Long stageId,
                            String responsible) {
    }

    @Inject
    Subjects subjects;

    @Inject
    Funnel funnel;

    @Inject
    SubjectExports exports;

    @Inject
    SubjectList list;

    @Inject
    SubjectBulk bulk;

    @Inject
    Activities activityBoundary;

    @Inject
    Notes noteBoundary;

    @Inject
    Proposals proposalBoundary;

    @Inject
    Mails mailBoundary;

    @Inject
    Timeline timeline;

    @Inject
    SubjectImport imports;

    /**
     * The subjects the filter selects, a page at a time; pass {@code next} back as {@code cursor}. With a
     * {@code stage}, that column as on the board (newest in the stage first); without, all stages, newest first.
     */
    @GET
    public PageJson list(@QueryParam("stage") Long stageId, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") @DefaultValue("25") int limit, @BeanParam FilterParams filterParams) {
        SubjectFilter filter = filterParams.filter();
        if (stageId == null) {
            Long after;
            try {
                after = cursor == null || cursor.isBlank() ? null : Long.valueOf(cursor);
            } catch (NumberFormatException e) {
                throw new BusinessException(BusinessException.Kind.INVALID, "api.cursor.invalid", "cursor");
            }
            List<SubjectList.Row> rows = list.after(filter, after, limit);
            return new PageJson(rows, rows.size() < Math.min(Math.max(limit, 1), SubjectList.MAX_PAGE_SIZE)
                    ? null : String.valueOf(rows.get(rows.size() - 1).id()));
        }
        Funnel.Page page;
        if (cursor == null || cursor.isBlank()) {
            page = funnel.firstPage(stageId, limit, filter);
        } else {
            OffsetDateTime at;
            long after;
            try {
                String[] parts = cursor.split("_", 2);
                after = Long.parseLong(parts[0]);
                at = OffsetDateTime.parse(parts[1]);
            } catch (RuntimeException e) {
                throw new BusinessException(BusinessException.Kind.INVALID, "api.cursor.invalid", "cursor");
            }
            page = funnel.nextPage(stageId, at, after, limit, filter);
        }
        Funnel.Card last = page.last();
        return new PageJson(page.cards(), page.more() && last != null ? last.id() + "_" + last.enteredAt() : null);
    }

    /** Every subject the filter selects, as CSV (Excel pt-BR dialect), streamed. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam FilterParams filterParams, @Context HttpHeaders headers) {
        SubjectFilter filter = filterParams.filter();
        Locale locale = locale(headers);
        StreamingOutput body = out -> SubjectsCsv.write(exports, filter,
                locale, out);
        return Response.ok(body, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"subjects.csv\"").build();
    }

    /** Every subject the filter selects, as an Excel workbook, streamed. */
    @GET
    @Path("export.xlsx")
    @Produces(SubjectsXlsx.CONTENT_TYPE)
    public Response exportXlsx(@BeanParam FilterParams filterParams, @Context HttpHeaders headers) {
        SubjectFilter filter = filterParams.filter();
        Locale locale = locale(headers);
        StreamingOutput body = out -> SubjectsXlsx.write(exports, filter,
                locale, out);
        return Response.ok(body, SubjectsXlsx.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"subjects.xlsx\"").build();
    }

    /** One operation on many subjects, all or nothing; answers how many were selected and how many changed. */
    @POST
    @Path("bulk")
    public SubjectBulk.Result bulk(BulkInput input) {
        if (input == null || input.action() == null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "bulk.action.unknown", "action", "");
        }
        SubjectBulk.Selection selection = new SubjectBulk.Selection(input.ids(),
                input.filter() == null ? null : input.filter().filter());
        return switch (input.action()) {
            case "archive" -> bulk.archive(selection);
            case "unarchive" -> bulk.unarchive(selection);
            case "delete" -> bulk.delete(selection);
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

    /**
     * Imports subjects from a CSV body (UTF-8 with ',' or Excel pt-BR with ';'); {@code dryRun=true} only reports.
     * The report lists every line with its status and, for rejected lines, the problems.
     */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public ImportJson importCsv(byte[] content, @QueryParam("dryRun") boolean dryRun, @Context HttpHeaders headers) {
        byte[] file = content == null ? new byte[0] : content;
        SubjectImport.Report report = dryRun ? imports.check(file) : imports.run(file);
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE,
                BusinessProblems.locale(headers));
        return new ImportJson(report.dialect(), report.imported(), report.count(SubjectImport.Status.NEW),
                report.count(SubjectImport.Status.EXISTS), report.count(SubjectImport.Status.REJECTED),
                report.lines().stream().map(line -> new ImportLineJson(line.line(), line.key(), line.status(),
                        line.problems().stream().map(p -> new Problem.FieldError(p.column(),
                                Feedback.format(bundle, p.messageKey(),
                                        p.arguments().toArray()))).toList())).toList());
    }

    @POST
    public Response create(SubjectInput input, @Context UriInfo uri) {
        Subject subject = subjects.create(input == null ? null : input.form());
        return Response.created(uri.getAbsolutePathBuilder().path(subject.getId().toString()).build())
                .tag(Versions.tag(subject.getVersion())).entity(json(subjects.find(subject.getId()))).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        Subject subject = subjects.find(id);
        return Response.ok(json(subject)).tag(Versions.tag(subject.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, SubjectInput input, @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers);
        return answer(subjects.edit(id, version, input == null ? null : input.form()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @Context HttpHeaders headers) {
        subjects.delete(id, Versions.ifMatch(headers));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/move")
    public Response move(@PathParam("id") long id, MoveInput input, @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers);
        if (input == null || input.stageId() == null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "api.stage.required", "stageId");
        }
        return answer(subjects.move(id, version, input.stageId(), input.outcome(), input.lostReasonId()));
    }

    /** Puts exactly these tags (a JSON array of tag ids) on the subject. */
    @PUT
    @Path("{id}/tags")
    public Response tag(@PathParam("id") long id, List<Long> tagIds, @Context HttpHeaders headers) {
        long version = Versions.ifMatch(headers);
        return answer(subjects.tag(id, version, tagIds == null ? List.of() : tagIds));
    }

    @POST
    @Path("{id}/archive")
    public Response archive(@PathParam("id") long id, @Context HttpHeaders headers) {
        return answer(subjects.archive(id, Versions.ifMatch(headers)));
    }

    @POST
    @Path("{id}/unarchive")
    public Response unarchive(@PathParam("id") long id, @Context HttpHeaders headers) {
        return answer(subjects.unarchive(id, Versions.ifMatch(headers)));
    }

    /** The subject's activities: open ones first by due date, then done ones. */
    @GET
    @Path("{id}/activities")
    public List<ActivitiesResource.ActivityJson> activities(@PathParam("id") long id) {
        subjects.find(id);
        return activityBoundary.ofSubject(id).stream().map(ActivitiesResource::json).toList();
    }

    /** Plans an activity on the subject (201, Location, ETag). */
    @POST
    @Path("{id}/activities")
    public Response plan(@PathParam("id") long id, ActivitiesResource.ActivityInput input, @Context UriInfo uri) {
        var activity = activityBoundary.create(id, input == null ? null : input.form());
        return Response.created(uri.getBaseUriBuilder().path("activities").path(activity.getId().toString()).build())
                .tag(Versions.tag(activity.getVersion()))
                .entity(ActivitiesResource.json(activityBoundary.find(activity.getId()))).build();
    }

    /** The subject's proposals, latest number and revision first. */
    @GET
    @Path("{id}/proposals")
    public List<ProposalsResource.ProposalJson> proposals(@PathParam("id") long id) {
        subjects.find(id);
        return proposalBoundary.ofSubject(id).stream().map(ProposalsResource::json).toList();
    }

    /** A new draft proposal under the next number (201, Location, ETag). */
    @POST
    @Path("{id}/proposals")
    public Response propose(@PathParam("id") long id, ProposalsResource.ProposalInput input, @Context UriInfo uri) {
        var proposal = proposalBoundary.create(id, input == null ? null : input.form());
        return Response.created(uri.getBaseUriBuilder().path("proposals").path(proposal.getId().toString()).build())
                .tag(Versions.tag(proposal.getVersion())).entity(ProposalsResource.json(proposal)).build();
    }

    /** The subject's e-mails, latest first, each with its state (QUEUED, SENDING, SENT, FAILED and why). */
    @GET
    @Path("{id}/emails")
    public List<ProposalsResource.MailJson> emails(@PathParam("id") long id) {
        subjects.find(id);
        return mailBoundary.ofSubject(id).stream().map(ProposalsResource::mail).toList();
    }

    /** Queues a plain e-mail to the subject's customer (202). */
    @POST
    @Path("{id}/emails")
    public Response email(@PathParam("id") long id, Mails.Message input) {
        if (input == null) {
            throw new BusinessException(BusinessException.Kind.INVALID,
                    "mail.to.required", "to");
        }
        return Response.accepted(ProposalsResource.mail(mailBoundary.send(id, null, input))).build();
    }

    @GET
    @Path("{id}/notes")
    public List<NotesResource.NoteJson> notes(@PathParam("id") long id) {
        subjects.find(id);
        return noteBoundary.ofSubject(id).stream().map(NotesResource::json).toList();
    }

    @POST
    @Path("{id}/notes")
    public Response addNote(@PathParam("id") long id, NotesResource.NoteInput input, @Context UriInfo uri) {
        var note = noteBoundary.add(id, input == null ? null : input.text());
        return Response.created(uri.getBaseUriBuilder().path("notes").path(note.getId().toString()).build())
                .tag(Versions.tag(note.getVersion())).entity(NotesResource.json(note)).build();
    }

    /**
     * The subject's timeline, newest first, a page at a time ({@code next} back as {@code cursor}); {@code kind}
     * (ACTIVITY, NOTE, STAGE_CHANGE; repeat for several) narrows it.
     */
    @GET
    @Path("{id}/timeline")
    public Timeline.Page timeline(@PathParam("id") long id,
                                                               @QueryParam("kind") List<String> kinds,
                                                               @QueryParam("cursor") String cursor,
                                                               @QueryParam("limit") @DefaultValue("20") int limit) {
        subjects.find(id);
        Set<Timeline.Kind> chosen = new HashSet<>();
        for (String kind : kinds == null ? List.<String>of() : kinds) {
            try {
                chosen.add(Timeline.Kind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                throw new BusinessException(BusinessException.Kind.INVALID, "timeline.kind.unknown", "kind", kind);
            }
        }
        try {
            return timeline.page(id, chosen, cursor == null || cursor.isBlank() ? null : cursor, limit);
        } catch (DateTimeException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "api.cursor.invalid", "cursor");
        }
    }

    private static Locale locale(HttpHeaders headers) {
        return headers.getAcceptableLanguages().isEmpty()
                || "*".equals(headers.getAcceptableLanguages().get(0).getLanguage())
                ? Locale.forLanguageTag("pt-BR") : headers.getAcceptableLanguages().get(0);
    }

    private Response answer(Subject changed) {
        Subject subject = subjects.find(changed.getId());
        return Response.ok(json(subject)).tag(Versions.tag(subject.getVersion())).build();
    }

    static SubjectJson json(Subject s) {
        return new SubjectJson(s.getId(), s.getTitle(), s.getCustomer().getId(), s.getCustomer().getName(),
                s.getStage().getId(), s.getStage().getDescription(), s.getResponsible().getUsername(), s.getAmount(),
                s.getExpectedClose(), s.getDescription(), s.getOutcome(),
                s.getLostReason() == null ? null : s.getLostReason().getId(), s.isArchived(), s.getStageEnteredAt(),
                s.getCreatedAt(), s.getCreatedBy(), s.getUpdatedAt(), s.getUpdatedBy(),
                s.getTags().stream().map(TagsResource::json)
                        .sorted(Comparator.comparing(TagsResource.TagJson::name)).toList(),
                s.getVersion());
    }
}
