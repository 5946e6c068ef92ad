package org.trek.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JourneyInputTest {

    static String refusal(Runnable r) {
        return assertThrows(JourneyException.class, r::run).getMessage();
    }

    @Test
    void datesMustExistAndLieInRange() {
        assertEquals("2028-02-29", JourneyInput.date("2028-02-29", "entry_date"));
        assertEquals("entry_date 2027-02-29 is not a date that exists.", refusal(() -> JourneyInput.date("2027-02-29", "entry_date")));
        assertEquals("entry_date 2027-13-01 is not a date that exists.", refusal(() -> JourneyInput.date("2027-13-01", "entry_date")));
        assertTrue(refusal(() -> JourneyInput.date("1899-12-31", "entry_date")).contains("1900 to 2199"));
        assertTrue(refusal(() -> JourneyInput.date("2200-01-01", "entry_date")).contains("1900 to 2199"));
        assertEquals("entry_date must be a date YYYY-MM-DD.", refusal(() -> JourneyInput.date("June 3rd", "entry_date")));
        assertEquals("entry_date must be a date YYYY-MM-DD.", refusal(() -> JourneyInput.date(null, "entry_date")));
    }

    @Test
    void timesAre24HourClockTimes() {
        assertEquals("00:00", JourneyInput.time("00:00", "entry_time"));
        assertEquals("23:59", JourneyInput.time(" 23:59 ", "entry_time"));
        assertNull(JourneyInput.time("", "entry_time"));
        assertNull(JourneyInput.time(null, "entry_time"));
        for (String bad : new String[] {"24:00", "9:30", "12:60", "noon", "12:30:00"}) {
            assertEquals("entry_time must be a time HH:MM (24 h).", refusal(() -> JourneyInput.time(bad, "entry_time")), bad);
        }
    }

    @Test
    void titlesTextsAndStatuses() {
        assertEquals("Lisbon", JourneyInput.title("  Lisbon ", 200, "title"));
        assertEquals("title must not be empty.", refusal(() -> JourneyInput.title("   ", 200, "title")));
        assertEquals("title is longer than 5 characters.", refusal(() -> JourneyInput.title("abcdef", 5, "title")));
        assertNull(JourneyInput.optional("  ", 10, "mood"));
        assertEquals("ok", JourneyInput.optional(" ok ", 10, "mood"));
        for (String s : JourneyInput.STATUSES) {
            assertEquals(s, JourneyInput.status(s));
        }
        assertEquals("status must be one of draft, active, completed, archived.", refusal(() -> JourneyInput.status("bogus")));
    }

    @Test
    void rolesTheOwnerMayGive() {
        assertEquals(JourneyRole.EDITOR, JourneyRole.assignable("editor"));
        assertEquals(JourneyRole.VIEWER, JourneyRole.assignable("viewer"));
        assertEquals("role must be editor or viewer.", refusal(() -> JourneyRole.assignable("owner")));
        assertEquals("role must be editor or viewer.", refusal(() -> JourneyRole.assignable("admin")));
        assertTrue(JourneyRole.OWNER.canEdit() && JourneyRole.EDITOR.canEdit());
        assertFalse(JourneyRole.VIEWER.canEdit());
        assertEquals(JourneyRole.VIEWER, JourneyRole.of("viewer").orElseThrow());
    }
}
