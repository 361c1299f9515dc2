package br.com.crm.web.shell;

import br.com.crm.kernel.BusinessCalendar;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Moments shown as São Paulo wall-clock time ({@code converter="crm.dateTime"} or {@code "crm.shortDateTime"}).
 * {@code f:convertDateTime type="offsetDateTime"} ignores its {@code timeZone} and prints the value's own offset,
 * which is UTC when the value comes from PostgreSQL: an activity due at 10:00 showed as 13:00.
 */
public abstract class SaoPauloTime implements Converter<OffsetDateTime> {

    /** 18/01/2027 10:00 */
    public static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(BusinessCalendar.ZONE);
    /** 18/01 10:00 */
    public static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(BusinessCalendar.ZONE);

    private final DateTimeFormatter format;

    SaoPauloTime(DateTimeFormatter format) {
        this.format = format;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, OffsetDateTime value) {
        return value == null ? "" : format.format(value);
    }

    @Override
    public OffsetDateTime getAsObject(FacesContext context, UIComponent component, String value) {
        throw new UnsupportedOperationException("for output only");
    }

    @FacesConverter("crm.dateTime")
    public static class Full extends SaoPauloTime {
        public Full() {
            super(FULL);
        }
    }

    @FacesConverter("crm.shortDateTime")
    public static class Short extends SaoPauloTime {
        public Short() {
            super(SHORT);
        }
    }
}
