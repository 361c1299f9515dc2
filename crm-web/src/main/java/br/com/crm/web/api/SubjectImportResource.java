package br.com.crm.web.api;

import br.com.crm.subject.boundary.SubjectImport;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.Languages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.ResourceBundle;

/**
 * Subjects imported from a CSV file, with a report of every line; a dry run only reports.
 */
@Path("subjects/import")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectImportResource {

    /** The report of an import: counts, and every line with its status and problems (column and message). */
    public record ImportJson(String dialect, boolean imported, long created, long existing, long rejected,
                             List<ImportLineJson> lines) {
    }

    public record ImportLineJson(long line, String key, SubjectImport.Status status, List<Problem.FieldError> problems) {
    }

    @Inject
    SubjectImport imports;

    /**
     * Imports subjects from a CSV body (UTF-8 with ',' or Excel pt-BR with ';'); {@code dryRun=true} only reports.
     * The report lists every line with its status and, for rejected lines, the problems.
     */
    @POST
    @Consumes("text/csv")
    public ImportJson importCsv(byte[] content, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                @Context HttpHeaders headers) {
        byte[] file = content == null ? new byte[0] : content;
        SubjectImport.Report report = dryRun ? imports.check(file) : imports.run(file);
        ResourceBundle bundle = ResourceBundle.getBundle(Feedback.BUNDLE, Languages.of(headers));
        return new ImportJson(report.dialect(), report.imported(), report.count(SubjectImport.Status.NEW),
                report.count(SubjectImport.Status.EXISTS), report.count(SubjectImport.Status.REJECTED),
                report.lines().stream().map(line -> new ImportLineJson(line.line(), line.key(), line.status(),
                        line.problems().stream().map(p -> new Problem.FieldError(p.column(),
                                Feedback.format(bundle, p.messageKey(),
                                        p.arguments().toArray()))).toList())).toList());
    }
}
