package br.com.crm.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Optimistic locking over HTTP: every resource carries its version as a strong ETag, and every change must name
 * the version it was made on in {@code If-Match} (428 without it; 412 when it is no longer current).
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the client claims to change. */
    public static long ifMatch(HttpHeaders headers) {
        String value = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (value == null || value.isBlank()) {
            throw new WebApplicationException("If-Match with the ETag of the resource is required.",
                    Response.status(428).build());
        }
        String tag = value.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new WebApplicationException("If-Match does not name a version of this resource.",
                    Response.Status.PRECONDITION_FAILED);
        }
    }
}
