package br.com.crm.web.api;

import br.com.crm.funnel.boundary.SubjectExports;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.web.shell.Languages;
import br.com.crm.web.shell.Xlsx;
import br.com.crm.web.subject.FilterParams;
import br.com.crm.web.subject.SubjectsCsv;
import br.com.crm.web.subject.SubjectsXlsx;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.Locale;

/**
 * Every subject a filter selects, as a file, in the caller's language: the list's filter as query parameters.
 */
@Path("subjects/export.{format: csv|xlsx}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubjectExportResource {

    @Inject
    SubjectExports exports;

    /** Every subject the filter selects, streamed: {@code export.csv} (Excel pt-BR dialect) or {@code export.xlsx}. */
    @GET
    @Produces({"text/csv", Xlsx.CONTENT_TYPE})
    public Response export(@PathParam("format") String format, @BeanParam FilterParams filterParams,
                           @Context HttpHeaders headers) {
        SubjectFilter filter = filterParams.filter();
        Locale locale = Languages.of(headers);
        if ("xlsx".equals(format)) {
            StreamingOutput body = out -> SubjectsXlsx.write(exports, filter, locale, out);
            return Response.ok(body, Xlsx.CONTENT_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"subjects.xlsx\"").build();
        }
        StreamingOutput body = out -> SubjectsCsv.write(exports, filter, locale, out);
        return Response.ok(body, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"subjects.csv\"").build();
    }
}
