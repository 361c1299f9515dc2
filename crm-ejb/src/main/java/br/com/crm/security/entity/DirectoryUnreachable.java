package br.com.crm.security.entity;

import jakarta.ejb.ApplicationException;

/**
 * The company's directory could not be asked (down, refused the service account, too slow): nobody new gets in.
 * An application exception, so the web module's identity store receives it as it is, not as an EJB failure.
 */
@ApplicationException(rollback = true)
public class DirectoryUnreachable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DirectoryUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
