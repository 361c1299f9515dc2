package br.com.crm.web.shell;

import br.com.crm.erp.boundary.ErpUnavailable;
import br.com.crm.kernel.BusinessException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolationException;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** Tells the user, in their language, what happened: a business refusal or a success. */
@ApplicationScoped
public class Feedback {

    public static final String BUNDLE = "br.com.crm.web.i18n.messages";

    /**
     * Runs one user action and tells the user how it went: the done message, or why it was refused (a business
     * rule, or a role the page should not have offered). Returns whether it was done.
     */
    public boolean attempt(Runnable action, String doneKey, Object... arguments) {
        boolean done = attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
        if (done) {
            info(doneKey, arguments);
        }
        return done;
    }

    /** Runs one user action that has a result; when refused, says why and returns {@code null}. */
    public <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (BusinessException e) {
            refused(e);
        } catch (EJBAccessException e) {
            forbidden();
        } catch (ConstraintViolationException e) {
            invalid(e);
        } catch (EJBException e) {
            // A boundary's own validation of its arguments (a hand-made postback past the page's validators), or a
            // write the database gave up for a colleague's at the same moment (the user may simply repeat it).
            ConstraintViolationException invalid = violations(e);
            if (invalid != null) {
                invalid(invalid);
            } else {
                refused(BusinessException.lostToConcurrentWrite(e).orElseThrow(() -> e));
            }
        } catch (ErpUnavailable e) {
            // The ERP's own words are for the log; the user reads that it did not answer, and may try again.
            Logger.getLogger(Feedback.class.getName()).info(() -> "ERP unavailable: " + e.getMessage());
            Messages.addGlobal(new FacesMessage(FacesMessage.SEVERITY_ERROR, format(bundle(), "erp.unavailable.action"),
                    null));
            FacesContext.getCurrentInstance().validationFailed();
        }
        return null;
    }

    private void invalid(ConstraintViolationException e) {
        e.getConstraintViolations().stream().map(v -> format(bundle(), "validation.rejected",
                        field(v.getPropertyPath().toString()), v.getMessage())).sorted().distinct()
                .forEach(text -> Messages.addGlobal(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null)));
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static String field(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static ConstraintViolationException violations(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException invalid) {
                return invalid;
            }
        }
        return null;
    }

    public void refused(BusinessException e) {
        Messages.addGlobal(new FacesMessage(FacesMessage.SEVERITY_ERROR, text(e), null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** The server refused because of the user's role (the page should not have offered it). */
    public void forbidden() {
        Messages.addGlobal(new FacesMessage(FacesMessage.SEVERITY_ERROR, format(bundle(), "error.forbidden"), null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    public void info(String key, Object... arguments) {
        Messages.addGlobalInfo(format(bundle(), key, arguments));
    }

    /** A done message that must survive the redirect that follows (it is shown on the next page only). */
    public void infoAfterRedirect(String key, Object... arguments) {
        Messages.addFlashGlobalInfo(format(bundle(), key, arguments));
    }

    /** A text of the bundle, in the page's language (e.g. what a live region announces). */
    public String text(String key, Object... arguments) {
        return format(bundle(), key, arguments);
    }

    public String text(BusinessException e) {
        return format(bundle(), e.getMessageKey(), e.getArguments());
    }

    public static String format(ResourceBundle bundle, String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException missing) {
            pattern = key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    private static ResourceBundle bundle() {
        return Faces.getResourceBundle("msg");
    }
}
