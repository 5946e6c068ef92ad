package org.trek.vacay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trek.platform.DomainException;
import org.trek.platform.http.HttpProvider;

/** The vacay rules that need no database: dates, years, colours, regions, weekends, carry-over, the holiday provider. */
class VacayLogicTest {
    static {
        if (System.getProperty("jakarta.json.provider") == null) {
            System.setProperty("jakarta.json.provider", "org.glassfish.json.JsonProviderImpl");
        }
    }

    HttpServer stub;
    String base;

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", HolidayStub.HANDLER);
        stub.start();
        base = "http://127.0.0.1:" + stub.getAddress().getPort();
        HolidayStub.REQUESTS.set(0);
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    PublicHolidays provider(String url, long cacheMillis) {
        PublicHolidays p = new PublicHolidays();
        p.configure(new HttpProvider("Public holidays", url, Duration.ofSeconds(2), 65_536, PublicHolidays.UNAVAILABLE,
                PublicHolidays.NOT_CONFIGURED), cacheMillis);
        return p;
    }

    @Test
    void datesMustExistAndYearsStayInRange() {
        assertEquals(LocalDate.of(2028, 2, 29), VacayService.date("2028-02-29"));
        for (String bad : List.of("2027-02-29", "2027-02-30", "2027-13-01", "2027-1-5", "tomorrow", "")) {
            VacayException e = assertThrows(VacayException.class, () -> VacayService.date(bad));
            assertTrue(e.getMessage().startsWith("Not a calendar date"), e.getMessage());
        }
        assertThrows(VacayException.class, () -> VacayService.date("1999-12-31"), "year out of range");
        assertThrows(VacayException.class, () -> VacayService.date("2101-01-01"));
        VacayService.checkYear(2000);
        VacayService.checkYear(2100);
        assertEquals("year must be between 2000 and 2100.", assertThrows(VacayException.class, () -> VacayService.checkYear(1999)).getMessage());
    }

    @Test
    void coloursAndRegionsAreChecked() {
        assertEquals("#aabbcc", VacayService.color("#AABBCC"));
        for (String bad : List.of("red", "#abc", "#12345g", "123456")) {
            assertThrows(VacayException.class, () -> VacayService.color(bad), bad);
        }
        assertEquals("DE", VacayService.region("de"));
        assertEquals("DE-BY", VacayService.region("de-by"));
        for (String bad : List.of("D", "DEU", "DE_BY", "DE-", "12")) {
            assertThrows(VacayException.class, () -> VacayService.region(bad), bad);
        }
    }

    @Test
    void weekendDaysFollowThePlan() {
        Plan plan = new Plan(1, 1, true, false, "", true, true, "0,6", 1, 0);
        assertTrue(plan.blocked(LocalDate.of(2027, 3, 6)), "Saturday");
        assertTrue(plan.blocked(LocalDate.of(2027, 3, 7)), "Sunday");
        assertFalse(plan.blocked(LocalDate.of(2027, 3, 8)), "Monday");
        Plan fridays = new Plan(1, 1, true, false, "", true, true, "5,6", 1, 0);
        assertTrue(fridays.blocked(LocalDate.of(2027, 3, 5)));
        assertFalse(fridays.blocked(LocalDate.of(2027, 3, 7)));
        Plan open = new Plan(1, 1, false, false, "", true, true, "0,6", 1, 0);
        assertFalse(open.blocked(LocalDate.of(2027, 3, 6)), "weekends not blocked");
    }

    /**
     * Worked by hand: 2026 allows 30 and used 12 → 18 carried into 2027; 2027 allows 25 + 18 = 43, used 50 → nothing
     * (never below 0) into 2028; 2029 allows 30 (default) + 0 - 4 used = 26 into 2030; 2032 follows no tracked year.
     */
    @Test
    void carryOverChainsThroughTheTrackedYears() {
        List<Integer> tracked = List.of(2026, 2027, 2028, 2029, 2030, 2032);
        Map<Integer, int[]> allowances = Map.of(2026, new int[] {30, 0}, 2027, new int[] {25, 99}, 2030, new int[] {20, 0});
        Map<Integer, Integer> used = Map.of(2026, 12, 2027, 50, 2028, 0, 2029, 4);
        assertEquals(0, VacayService.carried(2026, tracked, allowances, used), "first tracked year: the stored value");
        assertEquals(18, VacayService.carried(2027, tracked, allowances, used), "stored 99 is ignored: worked out");
        assertEquals(0, VacayService.carried(2028, tracked, allowances, used), "never below 0");
        assertEquals(30, VacayService.carried(2029, tracked, allowances, used), "2028: 30 + 0 - 0");
        assertEquals(56, VacayService.carried(2030, tracked, allowances, used), "2029: 30 + 30 - 4");
        assertEquals(0, VacayService.carried(2032, tracked, allowances, used), "2031 is not tracked: nothing carried");
        assertEquals(0, VacayService.carried(2031, tracked, allowances, used), "an untracked year carries nothing");
        assertEquals(7, VacayService.carried(2026, tracked, Map.of(2026, new int[] {30, 7}), used), "a stored base is kept");
    }

    @Test
    void holidaysAreFetchedOnceAndKeepOnlyKnownFields() {
        PublicHolidays p = provider(base, 60_000);
        JsonArray de = p.holidays(2027, "de");
        assertEquals(5, de.size());
        JsonObject first = de.getJsonObject(0);
        assertEquals("2027-01-01", first.getString("date"));
        assertEquals("New Year's Day", first.getString("name"));
        assertFalse(first.containsKey("unexpected"), "only the known fields pass");
        assertEquals(JsonValue.NULL, first.get("launchYear"));
        p.holidays(2027, "DE");
        assertEquals(1, HolidayStub.REQUESTS.get(), "the second read came from the cache");
        p.holidays(2028, "DE");
        assertEquals(2, HolidayStub.REQUESTS.get(), "per country and year");
        assertEquals(2, p.countries().size());
        p.countries();
        assertEquals(3, HolidayStub.REQUESTS.get());
    }

    @Test
    void theCacheAges() throws InterruptedException {
        PublicHolidays p = provider(base, 1);
        p.holidays(2027, "DE");
        Thread.sleep(5);
        p.holidays(2027, "DE");
        assertEquals(2, HolidayStub.REQUESTS.get());
    }

    @Test
    void regionsKeepTheirOwnAndTheNationalHolidays() {
        PublicHolidays p = provider(base, 60_000);
        List<String> bavaria = p.forRegion(2027, "DE-BY").stream().map(h -> h.asJsonObject().getString("date")).toList();
        assertEquals(List.of("2027-01-01", "2027-01-06", "2027-03-26", "2027-03-29", "2027-05-01"), bavaria);
        List<String> berlin = p.forRegion(2027, "DE-BE").stream().map(h -> h.asJsonObject().getString("date")).toList();
        assertFalse(berlin.contains("2027-01-06"), "Epiphany is not a holiday in Berlin");
        List<String> country = p.forRegion(2027, "DE").stream().map(h -> h.asJsonObject().getString("date")).toList();
        assertEquals(List.of("2027-01-01", "2027-03-26", "2027-03-29", "2027-05-01"), country, "nationwide ones only");
    }

    @Test
    void failuresAreClearErrors() {
        PublicHolidays p = provider(base, 60_000);
        VacayException unknown = assertThrows(VacayException.class, () -> p.holidays(2027, "ZZ"));
        assertTrue(unknown.getMessage().contains("ZZ"), unknown.getMessage());
        assertEquals(PublicHolidays.UNAVAILABLE, assertThrows(DomainException.class, () -> p.holidays(2027, "XX")).getMessage());
        assertThrows(VacayException.class, () -> p.holidays(2027, "Germany"), "not an alpha-2 code");
        assertThrows(VacayException.class, () -> p.holidays(1999, "DE"));
        int before = HolidayStub.REQUESTS.get();
        assertEquals(before, 2, "bad input asked nobody");
        for (String off : new String[] {null, "", "  ", "none"}) {
            PublicHolidays disabled = provider(off, 60_000);
            assertFalse(disabled.configured());
            assertEquals(PublicHolidays.NOT_CONFIGURED, assertThrows(DomainException.class, () -> disabled.countries()).getMessage());
        }
        assertEquals(2, HolidayStub.REQUESTS.get());
    }
}
