package br.com.crm.web.security;

import br.com.crm.security.boundary.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** For the pages: whether people come from the company's directory (no own passwords, new users or roles here). */
@Named
@ApplicationScoped
public class Identity {

    @Inject
    Users users;

    public boolean isDirectory() {
        return users.fromDirectory();
    }
}
