package org.trek.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.trek.audit.AuditService;

/**
 * The audit filter as the admin typed it: action, user, and a date range in whole UTC days ("to" includes its whole
 * day). A date that is not a date, or a "from" after "to", is an error at that field, never silently ignored.
 */
record AuditQuery(AuditService.Filter filter, Map<String, String> errors) {

    /** @param userIdOf the id of an account with exactly this username, or null */
    static AuditQuery parse(Function<String, String> params, Function<String, Long> userIdOf) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(params.apply("from"), "from", "From", errors);
        LocalDate to = date(params.apply("to"), "to", "To", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.put("from", "“From” (" + from + ") is after “To” (" + to + "). Choose a start on or before the end.");
        }
        String user = blankToNull(params.apply("user"));
        AuditService.Filter filter = new AuditService.Filter(blankToNull(params.apply("action")), user,
                user == null ? null : userIdOf.apply(user), start(from, 0), start(to, 1));
        return new AuditQuery(filter, Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    private static LocalDate date(String value, String field, String label, Map<String, String> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(field, "“" + label + "” is not a date: use YYYY-MM-DD.");
            return null;
        }
    }

    private static Instant start(LocalDate day, int plusDays) {
        return day == null ? null : day.plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
