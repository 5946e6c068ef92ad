package org.trek.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
    static final LocalDateTime WEDNESDAY_NOON = LocalDateTime.of(2027, 4, 7, 12, 0);
    static final LocalDateTime SUNDAY_NOON = LocalDateTime.of(2027, 4, 11, 12, 0);

    @Test
    void theWeeklyForm() {
        OpeningHours.Week w = OpeningHours.parse("Mo-Fr 09:00-18:00; Sa 10:00-14:00", WEDNESDAY_NOON);
        assertEquals(List.of("Monday: 09:00-18:00", "Tuesday: 09:00-18:00", "Wednesday: 09:00-18:00", "Thursday: 09:00-18:00",
                "Friday: 09:00-18:00", "Saturday: 10:00-14:00", "Sunday: ?"), w.weekdayDescriptions());
        assertTrue(w.openNow());
        assertNull(OpeningHours.parse("Mo-Fr 09:00-18:00", SUNDAY_NOON).openNow(), "no hours today: unknown");
        assertTrue(w.hasData());
    }

    @Test
    void wrapAroundDaysListsAndNights() {
        OpeningHours.Week w = OpeningHours.parse("Fr-Mo 20:00-02:00; We,Th 12:30-13:00", WEDNESDAY_NOON);
        assertEquals("Sunday: 20:00-02:00", w.weekdayDescriptions().get(6));
        assertEquals("Monday: 20:00-02:00", w.weekdayDescriptions().get(0));
        assertEquals("Tuesday: ?", w.weekdayDescriptions().get(1));
        assertFalse(w.openNow(), "12:00 is before 12:30");
        assertTrue(OpeningHours.parse("Su 20:00-02:00", SUNDAY_NOON.withHour(23)).openNow(), "over midnight");
    }

    @Test
    void theWholeWeek() {
        OpeningHours.Week w = OpeningHours.parse("Mo-Su 00:00-24:00", SUNDAY_NOON);
        assertTrue(w.weekdayDescriptions().stream().allMatch(l -> l.endsWith("00:00-24:00")), w.weekdayDescriptions().toString());
        assertTrue(w.openNow());
    }

    @Test
    void formsItDoesNotUnderstandStayUnknown() {
        OpeningHours.Week w = OpeningHours.parse("24/7", WEDNESDAY_NOON);
        assertFalse(w.hasData());
        assertNull(w.openNow());
    }
}
