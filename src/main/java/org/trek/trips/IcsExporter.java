package org.trek.trips;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Writes a trip as iCalendar (RFC 5545): the trip as an all-day event and each dated reservation as an event.
 * Lines end in CRLF (§3.1), are folded at 75 octets (§3.1), text values are escaped (§3.3.11), every VEVENT has
 * the required UID and DTSTAMP (§3.6.1), and an all-day DTEND is exclusive (§3.6.1).
 */
public final class IcsExporter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();
    private final String host;
    private final String stamp;

    private IcsExporter(String host, Instant now) {
        this.host = host;
        this.stamp = UTC.format(now);
    }

    /** @param dayDates day id → ISO date, to place reservations given only by day */
    public static String export(Trip trip, List<Reservation> reservations, Map<Long, String> dayDates, String host, Instant now) {
        IcsExporter w = new IcsExporter(host, now);
        w.line("BEGIN:VCALENDAR");
        w.line("VERSION:2.0");
        w.line("PRODID:-//TREK//Trip export//EN");
        w.line("CALSCALE:GREGORIAN");
        w.line("METHOD:PUBLISH");
        w.line("X-WR-CALNAME:" + escape(trip.getTitle()));
        if (trip.getStartDate() != null) {
            LocalDate start = LocalDate.parse(trip.getStartDate());
            LocalDate end = trip.getEndDate() == null ? start : LocalDate.parse(trip.getEndDate());
            w.line("BEGIN:VEVENT");
            w.line("UID:trip-" + trip.getId() + "@" + host);
            w.line("DTSTAMP:" + w.stamp);
            w.line("DTSTART;VALUE=DATE:" + DATE.format(start));
            w.line("DTEND;VALUE=DATE:" + DATE.format(end.plusDays(1)));
            w.line("SUMMARY:" + escape(trip.getTitle()));
            if (trip.getDescription() != null) {
                w.line("DESCRIPTION:" + escape(trip.getDescription()));
            }
            w.line("END:VEVENT");
        }
        for (Reservation r : reservations) {
            String when = when(r, dayDates);
            if (when == null) {
                continue;
            }
            w.line("BEGIN:VEVENT");
            w.line("UID:reservation-" + r.getId() + "@" + host);
            w.line("DTSTAMP:" + w.stamp);
            w.line(when);
            w.line("SUMMARY:" + escape(r.getTitle()));
            if (r.getLocation() != null) {
                w.line("LOCATION:" + escape(r.getLocation()));
            }
            StringBuilder desc = new StringBuilder("Type: " + r.getType() + ", status: " + r.getStatus());
            if (r.getConfirmationNumber() != null) {
                desc.append("\nConfirmation: ").append(r.getConfirmationNumber());
            }
            if (r.getNotes() != null) {
                desc.append("\n").append(r.getNotes());
            }
            w.line("DESCRIPTION:" + escape(desc.toString()));
            w.line("STATUS:" + ("cancelled".equals(r.getStatus()) ? "CANCELLED" : "confirmed".equals(r.getStatus()) ? "CONFIRMED" : "TENTATIVE"));
            w.line("END:VEVENT");
        }
        w.line("END:VCALENDAR");
        return w.out.toString();
    }

    /** DTSTART from reservation_time (local date-time, floating) or the reservation's day (all-day). */
    private static String when(Reservation r, Map<Long, String> dayDates) {
        if (r.getTime() != null) {
            try {
                LocalDateTime t = LocalDateTime.parse(r.getTime().length() == 16 ? r.getTime() + ":00" : r.getTime());
                return "DTSTART:" + LOCAL.format(t);
            } catch (DateTimeParseException ignored) {
                // not a date-time: fall back to the day
            }
        }
        String date = r.getDayId() == null ? null : dayDates.get(r.getDayId());
        return date == null ? null : "DTSTART;VALUE=DATE:" + DATE.format(LocalDate.parse(date));
    }

    /** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 sequence. */
    private void line(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.append(content).append("\r\n");
            return;
        }
        int octets = 0;
        int limit = 75;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > limit) {
                out.append(current).append("\r\n ");
                current.setLength(0);
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }
            current.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        out.append(current).append("\r\n");
    }
}
