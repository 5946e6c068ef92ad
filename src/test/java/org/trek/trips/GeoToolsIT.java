package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.McpTripHarness.LEGACY;
import static org.trek.trips.McpTripHarness.MODERN;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.mcp.it.McpTestClient;

/**
 * The maps, weather and airport tools through /mcp on the shared server, with Nominatim, Open-Meteo and the map hosts
 * played by {@link GeoStubs} on 127.0.0.1: result shapes (the transcripts' for the airports), provider failures as
 * isError, resolve_maps_url's redirect chain and its refusals (private address, unknown host, too many hops), and the
 * scope gates of geo:read and weather:read.
 */
class GeoToolsIT {
    static McpTripHarness mcp;
    static McpTripHarness.Account user;

    @BeforeAll
    static void setUp() {
        mcp = new McpTripHarness();
        GeoStubs.register();
        user = mcp.newAccount("geo");
    }

    static JsonObjectBuilder args() {
        return Json.createObjectBuilder();
    }

    JsonObject ok(String tool, JsonObjectBuilder a) {
        return mcp.ok(user, tool, a);
    }

    String error(String tool, JsonObjectBuilder a) {
        JsonObject arguments = a.build();
        String modern = mcp.error(user, MODERN, tool, arguments);
        assertEquals(modern, mcp.error(user, LEGACY, tool, arguments), "the same on both wires");
        return modern;
    }

    // ---------------------------------------------------------------- airports (transcripts)

    @Test
    void airportsHaveTheTranscriptsShape() {
        JsonObject found = ok("search_airports", args().add("query", "Frankfurt"));
        JsonArray airports = found.getJsonArray("airports");
        assertEquals(List.of("FRA", "HHN"), airports.stream().map(a -> a.asJsonObject().getString("iata")).toList());
        JsonObject fra = airports.getJsonObject(0);
        assertEquals(Set.of("iata", "icao", "name", "city", "country", "lat", "lng", "tz"), fra.keySet());
        assertEquals("EDDF", fra.getString("icao"));
        assertEquals("Frankfurt am Main", fra.getString("city"));
        assertEquals("DE", fra.getString("country"));
        assertEquals("Europe/Berlin", fra.getString("tz"));
        assertTrue(fra.get("lat") instanceof JsonNumber && fra.get("lng") instanceof JsonNumber);
        assertEquals("Frankfurt am Main (Lautzenhausen)", airports.getJsonObject(1).getString("city"));

        assertEquals(fra, ok("get_airport", args().add("iata", "fra")).getJsonObject("airport"), "upper-cased");
        assertEquals("Airport not found.", error("get_airport", args().add("iata", "QQQ")));
        assertEquals(1, ok("search_airports", args().add("query", "ZRH").add("limit", 5)).getJsonArray("airports").size());
        assertEquals(2, ok("search_airports", args().add("query", "inter").add("limit", 2)).getJsonArray("airports").size());
        assertEquals(-32602, mcp.call(user.token(), MODERN, "search_airports", args().add("query", "x").add("limit", 51).build())
                .error().getInt("code"), "limit is 1 to 50");
    }

    // ---------------------------------------------------------------- geocoding

    @Test
    void placeDetailsOfAnOpenStreetMapPlace() {
        JsonObject d = ok("get_place_details", args().add("placeId", "node:240109189").add("lang", "de")).getJsonObject("details")
                .getJsonObject("place");
        assertEquals("Brandenburger Tor", d.getString("name"));
        assertEquals("Brandenburger Tor, Pariser Platz, Berlin, Deutschland", d.getString("address"));
        assertEquals(52.5162746, d.getJsonNumber("lat").doubleValue(), 1e-9);
        assertEquals(13.3777041, d.getJsonNumber("lng").doubleValue(), 1e-9);
        assertEquals("https://www.berlin.de/tor", d.getString("website"));
        assertEquals("+49 30 1234", d.getString("phone"));
        assertEquals(7, d.getJsonArray("opening_hours").size());
        assertEquals("Monday: 00:00-24:00", d.getJsonArray("opening_hours").getString(0));
        assertEquals("https://www.openstreetmap.org/node/240109189", d.getString("osm_url"));
        assertEquals("Gate", d.getString("summary"));
        assertEquals("openstreetmap", d.getString("source"));
        assertEquals("node:240109189", d.getString("osm_id"));
        assertTrue(d.containsKey("open_now"));

        assertEquals("Place not found.", error("get_place_details", args().add("placeId", "node:404")));
        assertTrue(error("get_place_details", args().add("placeId", "ChIJLU7jZClu5kcR4PcOOO6p3I0"))
                .startsWith("Google Maps API key not configured"));
        assertTrue(error("get_place_details", args().add("placeId", "http://10.0.0.1/x")).startsWith("placeId must be"));
        assertTrue(error("get_place_details", args().add("placeId", "node:1").add("lang", "de&x=1")).startsWith("lang must be"));
    }

    @Test
    void reverseGeocode() {
        JsonObject r = ok("reverse_geocode", args().add("lat", 48.8583701).add("lng", 2.2944813));
        assertEquals("Tour Eiffel", r.getString("name"));
        assertEquals("Tour Eiffel, 5, Avenue Anatole France, Paris, France", r.getString("address"));
        JsonObject sea = ok("reverse_geocode", args().add("lat", 0.5).add("lng", -30.5));
        assertEquals(JsonValue.NULL, sea.get("name"), "nothing there: nulls");
        assertEquals(JsonValue.NULL, sea.get("address"));
        assertEquals("lat must be between -90 and 90.", error("reverse_geocode", args().add("lat", 91).add("lng", 0)));
        assertEquals("lng must be between -180 and 180.", error("reverse_geocode", args().add("lat", 0).add("lng", 180.5)));
    }

    @Test
    void aFailingGeocoderIsAClearError() {
        assertEquals("Geocoding is unavailable right now; try again later.",
                error("reverse_geocode", args().add("lat", GeoStubs.DOWN).add("lng", 1.5)));
    }

    // ---------------------------------------------------------------- map links

    @Test
    void aShortLinkIsFollowedHopByHopToItsPlace() {
        GeoStubs.mapRequests.clear();
        // (a query of its own: ToolCatalogIT resolves the plain link, and answers are cached for an hour)
        JsonObject r = ok("resolve_maps_url", args().add("url", "https://maps.app.goo.gl/geo-short/eiffel?g=it"));
        assertEquals(48.8583701, r.getJsonNumber("lat").doubleValue(), 1e-9);
        assertEquals(2.2944813, r.getJsonNumber("lng").doubleValue(), 1e-9);
        assertEquals("Eiffel Tower", r.getString("name"), "the name in the link wins over the geocoder's");
        assertEquals("Tour Eiffel, 5, Avenue Anatole France, Paris, France", r.getString("address"));
        assertEquals("0x47e66e2964e34e2d:0x8ddca9ee380ef7e0", r.getString("google_ftid"));
        assertEquals(3, GeoStubs.mapRequests.size(), "short link, goo.gl hop, the place page: " + GeoStubs.mapRequests);
    }

    @Test
    void aPlacePageWithoutCoordinatesInItsLinkIsRead() {
        JsonObject r = ok("resolve_maps_url", args().add("url", "https://maps.app.goo.gl/geo-short/cid"));
        assertEquals(41.8902102, r.getJsonNumber("lat").doubleValue(), 1e-9);
        assertEquals(JsonValue.NULL, r.get("google_ftid"));
    }

    @Test
    void linksWithTheirCoordinatesAreNotFetched() {
        GeoStubs.mapRequests.clear();
        JsonObject apple = ok("resolve_maps_url", args().add("url", "https://maps.apple.com/?ll=48.85,2.29&q=Eiffel%20Tower"));
        assertEquals("Eiffel Tower", apple.getString("name"));
        JsonObject osm = ok("resolve_maps_url", args().add("url", "https://www.openstreetmap.org/#map=17/52.51630/13.37770"));
        assertEquals(13.3777, osm.getJsonNumber("lng").doubleValue(), 1e-9);
        JsonObject google = ok("resolve_maps_url", args().add("url", "https://www.google.com/maps/@35.6586,139.7454,15z"));
        assertEquals(35.6586, google.getJsonNumber("lat").doubleValue(), 1e-9);
        assertTrue(GeoStubs.mapRequests.isEmpty(), "no map host asked: " + GeoStubs.mapRequests);
    }

    @Test
    void refusals() {
        GeoStubs.mapRequests.clear();
        assertEquals("URL blocked: the link leads to a private or local network address.",
                error("resolve_maps_url", args().add("url", "https://maps.app.goo.gl/geo-short/private")));
        String unknown = error("resolve_maps_url", args().add("url", "https://maps.app.goo.gl/geo-short/unknown"));
        assertTrue(unknown.contains("which is not a known maps host; it was not followed."), unknown);
        String metadata = error("resolve_maps_url", args().add("url", "https://maps.app.goo.gl/geo-short/metadata"));
        assertTrue(metadata.startsWith("The link redirects to 169.254.169.254, which is not a known maps host"), metadata);
        assertFalse(GeoStubs.mapRequests.stream().anyMatch(p -> p.startsWith("/geo-secret")), "the refused target was never asked");
        String loop = error("resolve_maps_url", args().add("url", "https://maps.app.goo.gl/geo-short/loop"));
        assertTrue(loop.startsWith("The link redirects too often (more than 5 times)"), loop);
        for (String url : List.of("https://evil.example/maps/@1.5,2.5", "http://127.0.0.1/maps", "https://google.evil.com/maps/@1.5,2.5",
                "file:///etc/passwd", "https://goo.gl/notmaps")) {
            GeoStubs.mapRequests.clear();
            assertTrue(error("resolve_maps_url", args().add("url", url)).startsWith("url must be a Google Maps, Apple Maps or OpenStreetMap link"), url);
            assertTrue(GeoStubs.mapRequests.isEmpty(), url);
        }
        assertEquals("Could not extract coordinates from URL.", error("resolve_maps_url", args().add("url", "https://maps.apple.com/?q=Paris")));
    }

    // ---------------------------------------------------------------- weather

    static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    @Test
    void forecastAndClimate() {
        JsonObject w = ok("get_weather", args().add("lat", 48.85).add("lng", 2.35).add("date", inDays(2))).getJsonObject("weather");
        // the stub's day +2: max 22.4, min 11.5, code 61 (rain)
        assertEquals(Map.of("temp", 17, "temp_max", 22, "temp_min", 12), Map.of("temp", w.getInt("temp"), "temp_max", w.getInt("temp_max"),
                "temp_min", w.getInt("temp_min")));
        assertEquals("Rain", w.getString("main"));
        assertEquals("Light rain", w.getString("description"));
        assertEquals("forecast", w.getString("type"));
        assertEquals("Leichter Regen", ok("get_weather", args().add("lat", 48.85).add("lng", 2.35).add("date", inDays(2)).add("lang", "de"))
                .getJsonObject("weather").getString("description"));

        JsonObject far = ok("get_weather", args().add("lat", 48.85).add("lng", 2.35).add("date", inDays(60))).getJsonObject("weather");
        // archive: four days with both values: max 10,12,14,16 → 13; min 2,4,6,8 → 5; precipitation 8 / 4 = 2 → Drizzle
        assertEquals("climate", far.getString("type"));
        assertEquals(13, far.getInt("temp_max"));
        assertEquals(5, far.getInt("temp_min"));
        assertEquals(9, far.getInt("temp"));
        assertEquals("Drizzle", far.getString("main"));

        JsonObject past = ok("get_weather", args().add("lat", 48.85).add("lng", 2.35).add("date", "2001-05-01")).getJsonObject("weather");
        assertEquals("no_forecast", past.getString("error"));
        assertEquals("date must be a date YYYY-MM-DD.", error("get_weather", args().add("lat", 1).add("lng", 1).add("date", "2027-02-30")));
    }

    @Test
    void hourlyWeather() {
        String day = inDays(3);
        JsonObject w = ok("get_detailed_weather", args().add("lat", 48.85).add("lng", 2.35).add("date", day)).getJsonObject("weather");
        assertEquals("forecast", w.getString("type"));
        assertEquals(16, w.getInt("temp"));
        assertEquals(22, w.getInt("temp_max"));
        assertEquals("Clouds", w.getString("main"));
        assertEquals("Overcast", w.getString("description"));
        assertEquals("06:42", w.getString("sunrise"));
        assertEquals("20:05", w.getString("sunset"));
        assertEquals(1.26, w.getJsonNumber("precipitation_sum").doubleValue(), 1e-9);
        assertEquals(40, w.getInt("precipitation_probability_max"));
        assertEquals(18, w.getInt("wind_max"));
        JsonArray hourly = w.getJsonArray("hourly");
        assertEquals(24, hourly.size());
        JsonObject h13 = hourly.getJsonObject(13);
        assertEquals(Set.of("hour", "temp", "precipitation_probability", "precipitation", "main", "wind", "humidity"), h13.keySet());
        assertEquals(13, h13.getInt("hour"));
        assertEquals(17, h13.getInt("temp"), "10 + 6.5 = 16.5 rounds up");
        assertEquals(3, h13.getInt("precipitation_probability"));

        JsonObject climate = ok("get_detailed_weather", args().add("lat", 48.85).add("lng", 2.35).add("date", inDays(40)))
                .getJsonObject("weather");
        assertEquals("climate", climate.getString("type"));
        assertEquals(1.3, climate.getJsonNumber("precipitation_sum").doubleValue(), 1e-9, "rounded to one decimal");
        assertEquals(0, climate.getJsonArray("hourly").getJsonObject(3).getInt("precipitation_probability"));
    }

    @Test
    void aFailingOrSlowWeatherServiceIsAClearError() {
        assertEquals("Weather service not available right now; try again later.",
                error("get_weather", args().add("lat", GeoStubs.DOWN).add("lng", 1.5).add("date", inDays(1))));
        long t = System.nanoTime();
        assertEquals("Weather service not available right now; try again later.",
                error("get_detailed_weather", args().add("lat", GeoStubs.SLOW).add("lng", 1.5).add("date", inDays(1))));
        assertTrue(System.nanoTime() - t < 8_000_000_000L, "both wires gave up at the 2 s deadline");
    }

    // ---------------------------------------------------------------- scopes

    @Test
    void geoAndWeatherScopesGateTheirTools() {
        String geoOnly = mcp.token(user, List.of("geo:read"));
        Map<String, JsonObject> geoTools = mcp.tools(geoOnly);
        for (String t : List.of("get_place_details", "reverse_geocode", "resolve_maps_url", "search_airports", "get_airport")) {
            assertTrue(geoTools.containsKey(t), t);
        }
        assertFalse(geoTools.containsKey("get_weather"));
        assertFalse(geoTools.containsKey("get_detailed_weather"));
        McpTestClient.Answer refused = mcp.call(geoOnly, MODERN, "get_weather",
                args().add("lat", 1).add("lng", 1).add("date", inDays(1)).build());
        assertEquals(403, refused.status());
        assertTrue(refused.header("WWW-Authenticate").contains("scope=\"weather:read\""));

        String weatherOnly = mcp.token(user, List.of("weather:read"));
        Map<String, JsonObject> weatherTools = mcp.tools(weatherOnly);
        assertTrue(weatherTools.containsKey("get_weather") && weatherTools.containsKey("get_detailed_weather"));
        assertFalse(weatherTools.containsKey("search_airports"));
        assertEquals(403, mcp.call(weatherOnly, LEGACY, "get_airport", args().add("iata", "FRA").build()).status());
    }
}
