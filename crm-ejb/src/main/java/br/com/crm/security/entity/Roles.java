package br.com.crm.security.entity;

import java.util.Collection;
import java.util.List;

/** The module's roles, as the identity store reports them and as the container checks them. */
public final class Roles {

    /** Configures stages, tags and users; sees everyone's work. */
    public static final String ADMIN = "crm-admin";
    /** Works on subjects. */
    public static final String USER = "crm-user";
    /** Reads only. */
    public static final String VIEWER = "crm-viewer";

    public static final List<String> ALL = List.of(ADMIN, USER, VIEWER);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return ALL.contains(role);
    }

    /** The highest of these roles (crm-admin, then crm-user, then crm-viewer); {@code null} when none is one. */
    public static String highest(Collection<String> roles) {
        return ALL.stream().filter(roles::contains).findFirst().orElse(null);
    }
}
