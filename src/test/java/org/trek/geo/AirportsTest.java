package org.trek.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled airport list: loaded once, searched in memory, ranked as the original. */
class AirportsTest {
    final Airports airports = new Airports();

    @Test
    void theListIsBundledAndComplete() {
        assertTrue(airports.size() > 3000, "about 3,200 airports with scheduled service: " + airports.size());
        Airports.Airport fra = airports.byIata("fra");
        assertEquals("FRA", fra.iata());
        assertEquals("EDDF", fra.icao());
        assertEquals("Frankfurt am Main", fra.city());
        assertEquals("DE", fra.country());
        assertEquals("Europe/Berlin", fra.tz());
        assertEquals(50.04, fra.lat(), 0.05);
        assertEquals(8.56, fra.lng(), 0.05);
        assertNull(airports.byIata("QQQ"));
    }

    @Test
    void aCityFindsItsAirportsInTheOriginalsOrder() {
        List<String> found = airports.search("Frankfurt", 10).stream().map(Airports.Airport::iata).toList();
        assertEquals(List.of("FRA", "HHN"), found, "city prefix (60) for both, then by IATA code");
    }

    @Test
    void anExactIataCodeAnswersJustThatAirport() {
        assertEquals(List.of("ZRH"), airports.search("zrh", 10).stream().map(Airports.Airport::iata).toList());
    }

    @Test
    void icaoCodesNamesAndLimits() {
        assertEquals("CDG", airports.search("LFPG", 5).get(0).iata(), "ICAO code (90)");
        assertEquals("CDG", airports.search("charles de gaulle", 5).get(0).iata(), "name prefix");
        assertEquals(3, airports.search("inter", 3).size(), "limit");
        assertTrue(airports.search("   ", 10).isEmpty());
        assertTrue(airports.search("no airport is called this", 10).isEmpty());
        List<Airports.Airport> london = airports.search("London", 50);
        assertTrue(london.stream().anyMatch(a -> a.iata().equals("LHR")), "LHR is a London airport");
        assertTrue(london.stream().allMatch(a -> a.tz() != null && !a.tz().isEmpty()), "every airport has a time zone");
    }
}
