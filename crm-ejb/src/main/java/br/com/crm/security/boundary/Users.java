package br.com.crm.security.boundary;

import br.com.crm.security.control.Accounts;
import br.com.crm.security.entity.User;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * The people who log in, and their roles. Read only, for anyone: the login itself and every role's pages ask
 * who someone is and who may be responsible for a subject.
 */
@Stateless
@PermitAll
public class Users {

    @Inject
    Accounts accounts;

    public Optional<User> find(String username) {
        return accounts.find(username);
    }

    /** Those who can be responsible for subjects: active users who work on them. */
    public List<User> responsibles() {
        return accounts.responsibles();
    }
}
