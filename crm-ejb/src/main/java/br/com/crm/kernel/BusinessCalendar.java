package br.com.crm.kernel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The business day: "today", "overdue" and a report's days are Brazilian days, whatever the server's zone. */
public final class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private BusinessCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The business day an instant falls on. */
    public static LocalDate dayOf(OffsetDateTime at) {
        return at.atZoneSameInstant(ZONE).toLocalDate();
    }
}
