package org.trek.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trek.platform.DomainException;

/** The collab services' value rules: deadlines, texts, colours, emoji, poll options, closing by deadline. */
class CollabValuesTest {

    @Test
    void deadlinesAreDatesOrTimesThatExist() {
        assertEquals(Instant.parse("2027-05-01T23:59:59Z"), Deadlines.parse("2027-05-01"));
        assertEquals(Instant.parse("2027-05-01T18:00:00Z"), Deadlines.parse("2027-05-01T18:00"));
        assertEquals(Instant.parse("2027-05-01T16:00:30Z"), Deadlines.parse("2027-05-01T18:00:30+02:00"));
        assertEquals(Instant.parse("2027-05-01T18:00:00.5Z"), Deadlines.parse("2027-05-01T18:00:00.5Z"));
        assertEquals(Instant.parse("2028-02-29T23:59:59Z"), Deadlines.parse("2028-02-29"));
        for (String bad : List.of("2027-02-29", "2027-02-30", "2027-13-01", "2027-04-31", "2027-05-01T24:00", "2027-05-01T18:60",
                "2027-05-01 18:00", "27-05-01", "20270501", "2027-05-01T18", "2027-05-01T18:00+25:00", "")) {
            assertThrows(DomainException.class, () -> Deadlines.parse(bad), bad);
        }
        assertEquals("deadline must lie in the future.", assertThrows(DomainException.class, () -> Deadlines.parse("1999-12-31"))
                .getMessage());
    }

    @Test
    void aPollIsClosedWhenClosedOrPastItsDeadline() {
        Instant now = Instant.parse("2027-05-01T12:00:00Z");
        assertFalse(CollabService.isClosed(false, null, now));
        assertTrue(CollabService.isClosed(true, null, now));
        assertTrue(CollabService.isClosed(false, now, now));
        assertFalse(CollabService.isClosed(false, now.plusSeconds(1), now));
    }

    @Test
    void textsAreTrimmedAndBounded() {
        assertEquals("Ideas", CollabService.required("  Ideas \n", "title", 200));
        assertEquals("title must not be empty.", assertThrows(DomainException.class, () -> CollabService.required(" ", "title", 200)).getMessage());
        assertThrows(DomainException.class, () -> CollabService.required("x".repeat(201), "title", 200));
        assertEquals("😀".repeat(200), CollabService.required("😀".repeat(200), "title", 200), "characters, not UTF-16 units");
        assertEquals("#abcdef", CollabService.color("#ABCDEF"));
        for (String bad : List.of("abcdef", "#abcde", "#abcdeg", "#abcdef0", "red")) {
            assertThrows(DomainException.class, () -> CollabService.color(bad), bad);
        }
    }

    @Test
    void emojiAreShortAndWithoutSpaces() {
        assertEquals("👍", CollabService.emoji(" 👍 "));
        assertEquals("👨‍👩‍👧‍👦", CollabService.emoji("👨‍👩‍👧‍👦"));
        for (String bad : List.of("", " ", "a b", "x".repeat(33), "\u0007")) {
            assertThrows(DomainException.class, () -> CollabService.emoji(bad), bad);
        }
    }

    @Test
    void pollOptionsAreTwoToFiftyDifferentLabels() {
        assertEquals("[\"Bistro\",\"Brasserie\"]", CollabService.optionsJson(List.of(" Bistro", "Brasserie ")));
        assertEquals(List.of("Bistro", "Brasserie"), CollabService.labels(CollabService.optionsJson(List.of("Bistro", "Brasserie"))));
        assertThrows(DomainException.class, () -> CollabService.optionsJson(List.of("only")));
        assertThrows(DomainException.class, () -> CollabService.optionsJson(java.util.Collections.nCopies(51, "x")));
        assertTrue(assertThrows(DomainException.class, () -> CollabService.optionsJson(List.of("Yes", "YES"))).getMessage()
                .startsWith("options must differ"));
        assertThrows(DomainException.class, () -> CollabService.optionsJson(List.of("a", "  ")));
    }
}
