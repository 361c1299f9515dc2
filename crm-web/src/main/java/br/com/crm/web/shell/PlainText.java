package br.com.crm.web.shell;

import br.com.crm.kernel.Text;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import org.omnifaces.util.Faces;

/**
 * Run on every input of every form (a default validator in faces-config): the text a user typed holds no
 * character the module refuses ({@link Text#forbiddenAt}), and is no longer than the field's {@code maxlength},
 * which the browser alone would not enforce against a hand-made postback. The message shows beside the field.
 */
@FacesValidator(PlainText.ID)
public class PlainText implements Validator<Object> {

    public static final String ID = "crm.plainText";

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (!(value instanceof String text)) {
            return;
        }
        if (Text.forbiddenAt(text) >= 0) {
            throw invalid("validation.text.control");
        }
        Object max = component.getAttributes().get("maxlength");
        if (max instanceof Number length && length.intValue() > 0 && text.length() > length.intValue()) {
            throw invalid("validation.text.tooLong", length.intValue());
        }
    }

    private static ValidatorException invalid(String key, Object... arguments) {
        String text = Feedback.format(Faces.getResourceBundle("msg"), key, arguments);
        return new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }
}
