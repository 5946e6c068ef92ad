package org.trek.atlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bundled ISO 3166 data, the borders and how a place finds its country. */
class AtlasDataTest {
    final Iso3166 iso = Iso3166.bundled();
    final CountryBorders borders = CountryBorders.bundled();
    final PlaceCountries places = PlaceCountries.bundled();

    @Test
    void iso3166OneHasTheAssignedCodesOnly() {
        assertEquals(249, iso.countries().size());
        assertEquals("FR", iso.country("fr").orElseThrow().alpha2());
        assertEquals("JPN", iso.country(" JP ").orElseThrow().alpha3());
        assertEquals("Europe", iso.continent("DE"));
        assertEquals("Asia", iso.continent("JP"));
        assertEquals("North America", iso.continent("US"));
        assertEquals("South America", iso.continent("BR"));
        assertEquals("Africa", iso.continent("KE"));
        assertEquals("Oceania", iso.continent("AU"));
        assertEquals("Antarctica", iso.continent("AQ"));
        for (String bad : new String[] {"XX", "ZZ", "EU", "UK", "", "F", "FRA", "1A"}) {
            assertTrue(iso.country(bad).isEmpty(), bad + " is not an assigned alpha-2 code");
        }
        assertTrue(iso.country(null).isEmpty());
    }

    @Test
    void iso3166TwoKnowsSubdivisionsAndTheirCountry() {
        assertTrue(iso.subdivisionCount() > 5000, "all ISO 3166-2 subdivisions: " + iso.subdivisionCount());
        Iso3166.Subdivision ca = iso.subdivision("us-ca").orElseThrow();
        assertEquals("US-CA", ca.code());
        assertEquals("California", ca.name());
        assertEquals("US", ca.country());
        assertEquals("FR", iso.subdivision("FR-IDF").orElseThrow().country());
        assertEquals("GB", iso.subdivision("GB-BFS").orElseThrow().country(), "a nested subdivision's country is its prefix");
        for (String bad : new String[] {"US-XX", "XX-CA", "USCA", "US", "", "US-CA-1"}) {
            assertTrue(iso.subdivision(bad).isEmpty(), bad);
        }
    }

    @Test
    void countryNames() {
        assertEquals(Optional.of("FR"), iso.countryNamed("France"));
        assertEquals(Optional.of("DE"), iso.countryNamed("Deutschland"));
        assertEquals(Optional.of("AT"), iso.countryNamed("Österreich"));
        assertEquals(Optional.of("US"), iso.countryNamed("United States of America"));
        assertEquals(Optional.of("US"), iso.countryNamed("USA"));
        assertEquals(Optional.of("GB"), iso.countryNamed("United Kingdom"));
        assertEquals(Optional.of("BO"), iso.countryNamed("Bolivia"), "the part before the ISO name's comma");
        assertEquals(Optional.of("KR"), iso.countryNamed("South Korea"));
        assertTrue(iso.countryNamed("Korea").isEmpty(), "two ISO names start with Korea");
        assertEquals(Optional.of("JP"), iso.countryNamed("JP"));
        assertEquals(Optional.of("JP"), iso.countryNamed("JPN"));
        assertTrue(iso.countryNamed("Paris").isEmpty());
        assertTrue(iso.countryNamed("75007").isEmpty());
    }

    @Test
    void bordersPlacePositions() {
        assertEquals(Optional.of("FR"), borders.countryAt(48.8584, 2.2945), "Eiffel Tower");
        assertEquals(Optional.of("DE"), borders.countryAt(52.52, 13.405), "Berlin");
        assertEquals(Optional.of("JP"), borders.countryAt(35.6762, 139.6503), "Tokyo");
        assertEquals(Optional.of("US"), borders.countryAt(37.7749, -122.4194), "San Francisco");
        assertEquals(Optional.of("US"), borders.countryAt(21.3069, -157.8583), "Honolulu (Hawaii counts for the US)");
        assertEquals(Optional.of("VA"), borders.countryAt(41.9022, 12.4539), "the Vatican inside Rome");
        assertEquals(Optional.of("IT"), borders.countryAt(41.8902, 12.4922), "the Colosseum");
        assertEquals(Optional.of("GB"), borders.countryAt(51.5074, -0.1278), "London (England counts for GB)");
        assertEquals(Optional.of("BR"), borders.countryAt(-22.9068, -43.1729), "Rio");
        assertEquals(Optional.of("AU"), borders.countryAt(-33.8688, 151.2093), "Sydney");
        assertTrue(borders.countryAt(45.0, -35.0).isEmpty(), "the middle of the North Atlantic");
        assertTrue(borders.countryAt(null, 2.0).isEmpty());
        assertTrue(borders.countryAt(91.0, 2.0).isEmpty());
        assertTrue(borders.polygonCount() > 300);
        // Every border belongs to an assigned country.
        for (Iso3166.Country c : iso.countries()) {
            assertFalse(c.continent().isBlank(), c.alpha2());
        }
    }

    @Test
    void aPlaceFindsItsCountryByAddressThenPosition() {
        assertEquals(Optional.of("FR"), places.countryOf("Champ de Mars, 75007 Paris, France", null, null));
        assertEquals(Optional.of("FR"), places.countryOf("Champ de Mars, Paris", 48.8584, 2.2945), "address without country");
        assertEquals(Optional.of("FR"), places.countryOf(null, 48.8867, 2.3431));
        assertEquals(Optional.of("DE"), places.countryOf("Marienplatz 1, München, Deutschland", 48.8584, 2.2945),
                "the address wins, as in the original");
        assertTrue(places.countryOf("Somewhere", null, null).isEmpty());
        assertTrue(places.countryOf(null, null, null).isEmpty());
    }

    @Test
    void cityOfAnAddress() {
        assertEquals(Optional.of("paris"), PlaceCountries.cityOf("Champ de Mars, Paris, France"));
        assertEquals(Optional.of("bucharest"), PlaceCountries.cityOf("Bucharest, 010071, Romania"), "postal code skipped");
        assertEquals(Optional.of("champ de mars"), PlaceCountries.cityOf("Champ de Mars, 75007 Paris"),
                "the last part counts as the country, as in the original");
        assertEquals(Optional.of("lisbon"), PlaceCountries.cityOf("Lisbon"));
        assertTrue(PlaceCountries.cityOf(null).isEmpty());
        assertTrue(PlaceCountries.cityOf(" , ").isEmpty());
    }

    @Test
    void instructionsNameTheCodesAndTheAddon() {
        String text = new AtlasInstructions().instructions();
        for (String part : new String[] {"ISO 3166-1", "ISO 3166-2", "trek://bucket-list", "add-on"}) {
            assertTrue(text.contains(part), part);
        }
        assertEquals(200, new AtlasInstructions().order(), "after the trip part");
    }
}
