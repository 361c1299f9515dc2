package br.com.crm.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, version 1: JSON in and out, errors as {@code application/problem+json}, HTTP Basic. */
@ApplicationPath(CrmApi.PATH)
@OpenAPIDefinition(
        info = @Info(title = "crm", version = "1", description = "CRM module: subjects, stages, activities, customers"),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class CrmApi extends Application {

    public static final String PATH = "api/v1";
}
