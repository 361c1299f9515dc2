package br.com.crm.web.security;

import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.DirectoryUnreachable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.logging.Logger;

/**
 * The one identity store: the module's own users or the company's directory, as {@code crm.identity} says
 * ({@link Users#login}). Its groups are the module's roles, which the container maps to the roles of the same
 * name.
 */
@ApplicationScoped
public class CrmIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(CrmIdentityStore.class.getName());

    @Inject
    Users users;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            return users.login(credential.getCaller(), credential.getPassword().getValue())
                    .map(login -> new CredentialValidationResult(login.username(), login.roles()))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (DirectoryUnreachable e) {
            LOG.warning(e.getMessage());
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }
}
