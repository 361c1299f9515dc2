package br.com.crm.web.shell;

import jakarta.faces.context.FacesContext;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The page's texts ({@code msg}) and money in the view's locale, for components that write their markup in Java.
 * One instance per render: the currency format is built once, not once per value as a converter does.
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final NumberFormat money;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(Currency.getInstance("BRL"));
    }

    public static Texts of(FacesContext context) {
        return new Texts(context.getApplication().getResourceBundle(context, "msg"), context.getViewRoot().getLocale());
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    /** A message with parameters, as {@code h:outputFormat} formats it. */
    public String format(String key, Object... parameters) {
        return Feedback.format(bundle, key, parameters);
    }

    /** R$ 1.234,56 (in pt-BR), as {@code f:convertNumber type="currency" currencyCode="BRL"} writes it. */
    public String money(BigDecimal amount) {
        return money.format(amount);
    }
}
