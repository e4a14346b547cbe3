package org.marginconsult.admin;

import org.jboss.resteasy.reactive.RestForm;
import org.marginconsult.consultation.PeriodRequest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** A comment-period change form as typed; {@code step} is preview (default), confirm or edit. */
public class PeriodForm {

    @RestForm public String citation;
    @RestForm public String reason;
    @RestForm public String publishedOn;
    @RestForm public String periodDays;
    @RestForm public String closingDate;
    @RestForm public String closingTime;
    @RestForm public String overrideReason;
    @RestForm public String expectedEventCount;
    @RestForm public String step;

    PeriodRequest toRequest(Map<String, String> errors) {
        return new PeriodRequest(citation, reason, date("publishedOn", publishedOn, errors),
                ConsultationForm.number("periodDays", periodDays, errors), date("closingDate", closingDate, errors),
                time(errors), overrideReason, ConsultationForm.number("expectedEventCount", expectedEventCount, errors));
    }

    private static LocalDate date(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Expected a date such as 2026-11-02.");
            return null;
        }
    }

    private LocalTime time(Map<String, String> errors) {
        if (closingTime == null || closingTime.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(closingTime.strip());
        } catch (DateTimeParseException e) {
            errors.put("closingTime", "Expected a time such as 23:59:59.");
            return null;
        }
    }
}
