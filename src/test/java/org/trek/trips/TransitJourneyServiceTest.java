package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The itinerary rules create_transit_journey and search_transit_routes share, and the provider's refusals. */
class TransitJourneyServiceTest {

    static TransitProvider.Itinerary parse(JsonObject o) {
        return TransitJourneyService.fromJson(o);
    }

    static JsonObject withLeg(JsonObject it, int index, String key, jakarta.json.JsonValue value) {
        return Json.createObjectBuilder(it).add("legs", Json.createArrayBuilder(it.getJsonArray("legs"))
                .set(index, Json.createObjectBuilder(it.getJsonArray("legs").getJsonObject(index)).add(key, value))).build();
    }

    @Test
    void aWellFormedItineraryPassesAndMatchesItsEnds() {
        TransitProvider.Itinerary it = parse(TransitStub.itinerary("2027-04-02"));
        assertNull(TransitJourneyService.problem(it));
        assertTrue(TransitJourneyService.matches(it, new TransitJourneyService.Point("a", TransitStub.FROM_LAT, TransitStub.FROM_LNG),
                new TransitJourneyService.Point("b", TransitStub.TO_LAT, TransitStub.TO_LNG)));
        assertTrue(!TransitJourneyService.matches(it, new TransitJourneyService.Point("a", 47.5, TransitStub.FROM_LNG),
                new TransitJourneyService.Point("b", TransitStub.TO_LAT, TransitStub.TO_LNG)));
    }

    @Test
    void theOriginalsRulesAreChecked() {
        JsonObject ok = TransitStub.itinerary("2027-04-02");
        assertEquals("endTime must be after startTime", TransitJourneyService.problem(parse(Json.createObjectBuilder(ok)
                .add("endTime", "2027-04-02T07:00:00Z").build())));
        assertEquals("legs: at least one scheduled transit leg is required", TransitJourneyService.problem(parse(
                withLeg(ok, 1, "mode", Json.createValue("WALK")))));
        assertEquals("transfers exceeds the number of transit legs", TransitJourneyService.problem(parse(Json.createObjectBuilder(ok)
                .add("transfers", 1).build())));
        assertEquals("legs[1].duration: leg duration does not match its times", TransitJourneyService.problem(parse(
                withLeg(ok, 1, "duration", Json.createValue(60)))));
        assertEquals("legs[1].from: adjacent legs are not connected", TransitJourneyService.problem(parse(withLeg(ok, 1, "from",
                Json.createObjectBuilder(ok.getJsonArray("legs").getJsonObject(1).getJsonObject("from")).add("lat", 46.0).build()))));
        assertEquals("legs[1]: lineColor and lineTextColor must be #RGB or #RRGGBB", TransitJourneyService.problem(parse(
                withLeg(ok, 1, "lineColor", Json.createValue("red")))));
        assertEquals("legs[0]: mode must be WALK or one of " + String.join(", ", TransitProvider.SCHEDULED_MODES),
                TransitJourneyService.problem(parse(withLeg(ok, 0, "mode", Json.createValue("TELEPORT")))));
    }

    @Test
    void anUnconfiguredOrDeadProviderIsAClearRefusal() {
        HttpClient http = HttpClient.newHttpClient();
        TripException none = org.junit.jupiter.api.Assertions.assertThrows(TripException.class, () -> TransitProvider.fetch(http,
                " ", "/api/v1/geocode", Map.of("text", "x"), Duration.ofSeconds(1), 1024, "test"));
        assertEquals(TransitProvider.NOT_CONFIGURED, none.getMessage());
        int closed = org.trek.it.TrekServer.freeLoopbackPort();
        TripException down = org.junit.jupiter.api.Assertions.assertThrows(TripException.class, () -> TransitProvider.fetch(http,
                "http://127.0.0.1:" + closed, "/api/v1/geocode", Map.of("text", "x"), Duration.ofSeconds(1), 1024, "test"));
        assertEquals(TransitProvider.UNAVAILABLE, down.getMessage());
    }

    @Test
    void gtfsColoursAreNormalised() {
        assertEquals("#FF0000", TransitProvider.color(Json.createValue("FF0000")));
        assertEquals("#abc", TransitProvider.color(Json.createValue("#abc")));
        assertNull(TransitProvider.color(Json.createValue("")));
        assertNull(TransitProvider.color(Json.createValue("red")));
    }
}
