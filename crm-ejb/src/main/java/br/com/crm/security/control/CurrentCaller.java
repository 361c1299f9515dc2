package br.com.crm.security.control;

import br.com.crm.security.entity.Roles;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/** The name of whoever called the current boundary, for attributing changes. */
@Stateless
public class CurrentCaller {

    @Resource
    SessionContext context;

    public String name() {
        return context.getCallerPrincipal().getName();
    }

    public boolean isAdministrator() {
        return context.isCallerInRole(Roles.ADMIN);
    }

    /**
     * May see people's data whole (a CPF unmasked, in the API and in exports): who works on subjects. A viewer
     * reads the funnel and the figures without it (LGPD: only who needs it).
     */
    public boolean seesPersonalData() {
        return context.isCallerInRole(Roles.ADMIN) || context.isCallerInRole(Roles.USER);
    }
}
