package org.trek.journey;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** The checks of what callers give a journey: plain rules without the database, each refusal a clear message. */
public final class JourneyInput {
    public static final List<String> STATUSES = List.of("draft", "active", "completed", "archived");
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private JourneyInput() {
    }

    /** A title: 1 to max characters once trimmed. */
    public static String title(String value, int max, String field) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            throw new JourneyException(field + " must not be empty.");
        }
        return limit(t, max, field);
    }

    /** An optional text: null stays null, blank becomes null, longer than max is refused. */
    public static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return limit(value.strip(), max, field);
    }

    private static String limit(String value, int max, String field) {
        if (value.length() > max) {
            throw new JourneyException(field + " is longer than " + max + " characters.");
        }
        return value;
    }

    /** A calendar date YYYY-MM-DD that exists, in the years MIN_YEAR..MAX_YEAR. */
    public static String date(String value, String field) {
        if (value == null || !DATE.matcher(value).matches()) {
            throw new JourneyException(field + " must be a date YYYY-MM-DD.");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new JourneyException(field + " " + value + " is not a date that exists.");
        }
        if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
            throw new JourneyException(field + " must lie in the years " + MIN_YEAR + " to " + MAX_YEAR + ".");
        }
        return value;
    }

    /** A time of day HH:MM (24 h), or null. */
    public static String time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!TIME.matcher(value.strip()).matches()) {
            throw new JourneyException(field + " must be a time HH:MM (24 h).");
        }
        return value.strip();
    }

    /** One of draft, active, completed, archived. */
    public static String status(String value) {
        if (!STATUSES.contains(value)) {
            throw new JourneyException("status must be one of " + String.join(", ", STATUSES) + ".");
        }
        return value;
    }
}
