package org.trek.collab;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.trek.platform.DomainException;

/**
 * A poll's deadline as a client gives it: a date ({@code 2027-05-01}: the end of that day, UTC) or a date and time
 * ({@code 2027-05-01T18:00}, with seconds and fraction optional, and a zone {@code Z} / {@code +02:00}; without one it is
 * UTC). Dates that do not exist (February 30th, hour 25) are refused, as are years before 2000.
 */
final class Deadlines {
    static final String PATTERN = "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?$";
    private static final Pattern FORM = Pattern.compile(PATTERN);
    static final String INVALID = "deadline must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM, optionally "
            + "with seconds and a zone such as Z or +02:00) that exists.";

    private Deadlines() {
    }

    static Instant parse(String value) {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new DomainException(INVALID);
        }
        Instant at;
        try {
            if (value.length() == 10) {
                at = LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
            } else if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                at = OffsetDateTime.parse(value).toInstant();
            } else {
                at = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeException e) {
            throw new DomainException(INVALID);
        }
        if (at.isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
            throw new DomainException("deadline must lie in the future.");
        }
        return at;
    }
}
