package br.com.crm.web.shell;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import org.omnifaces.util.Faces;
import org.primefaces.component.inputnumber.InputNumberRenderer;

/**
 * PrimeFaces' number input, but a value that is not a number (a hand-made postback: the browser's widget never
 * sends one) is a message beside the field. PrimeFaces itself parses it while decoding and fails the whole
 * request with a {@link NumberFormatException}. Registered for the component in faces-config.
 */
public class CheckedInputNumberRenderer extends InputNumberRenderer {

    @Override
    public void decode(FacesContext context, UIComponent component) {
        try {
            super.decode(context, component);
        } catch (RuntimeException e) {
            if (!notANumber(e)) {
                throw e;
            }
            UIInput input = (UIInput) component;
            input.setSubmittedValue(null);
            input.setValid(false);
            String text = Feedback.format(Faces.getResourceBundle("msg"), "validation.number");
            context.addMessage(component.getClientId(context),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }

    /** PrimeFaces wraps the parse failure (in a FacesException): look down the causes. */
    private static boolean notANumber(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NumberFormatException || t instanceof ArithmeticException) {
                return true;
            }
        }
        return false;
    }
}
