package br.com.crm.security.boundary;

import java.io.Serializable;

/**
 * A user as an administrator creates or edits them. {@code username} and {@code password} count only when
 * creating (a user name never changes: subjects, history and the audit name people by it).
 */
public record UserForm(String username, String displayName, String email, String role, String password)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
