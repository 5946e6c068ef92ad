package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IcsExporterTest {

    private static Trip trip() {
        Trip t = new Trip();
        t.setTitle("Road, trip; \\ north");
        t.setStartDate("2027-07-30");
        t.setEndDate("2027-08-01");
        t.setDescription("é".repeat(100));
        return t;
    }

    @Test
    void foldsAtSeventyFiveOctetsWithoutSplittingCharacters() {
        String ics = IcsExporter.export(trip(), List.of(), Map.of(), "trek.example", Instant.parse("2027-01-01T00:00:00Z"));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("DESCRIPTION:" + "é".repeat(100) + "\r\n"));
        assertTrue(unfolded.contains("SUMMARY:Road\\, trip\\; \\\\ north\r\n"));
        assertTrue(ics.contains("DTEND;VALUE=DATE:20270802\r\n"));
        assertTrue(ics.contains("DTSTAMP:20270101T000000Z\r\n"));
    }

    @Test
    void reservationsWithDateTimeOrDayBecomeEvents() {
        Reservation timed = new Reservation();
        timed.setTitle("Dinner");
        timed.setType("restaurant");
        timed.setStatus("confirmed");
        timed.setTime("2027-07-30T19:30");
        Reservation byDay = new Reservation();
        byDay.setTitle("Museum");
        byDay.setType("event");
        byDay.setStatus("pending");
        byDay.setDayId(7L);
        Reservation undated = new Reservation();
        undated.setTitle("Someday");
        undated.setType("other");
        undated.setStatus("pending");
        String ics = IcsExporter.export(trip(), List.of(timed, byDay, undated), Map.of(7L, "2027-07-31"), "h", Instant.EPOCH);
        assertTrue(ics.contains("DTSTART:20270730T193000\r\nSUMMARY:Dinner"));
        assertTrue(ics.contains("STATUS:CONFIRMED"));
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20270731\r\nSUMMARY:Museum"));
        assertEquals(3, ics.split("BEGIN:VEVENT").length - 1, "trip + two dated reservations");
    }
}
