package org.trek.trips;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.trek.it.StubServer;

/**
 * The transit provider of the shared test server (TRANSIT_API_URL points at {@link StubServer}), answering as a
 * MOTIS service does: {@code /api/v1/geocode} and {@code /api/v6/plan}. One journey: from Zürich Stadelhofen
 * (walk to Zürich HB, 08:00-08:05 UTC) by IC to Bern (08:05-09:02 UTC) on the date asked for, zone Europe/Zurich.
 * Geocode texts steer failures: "down" answers 503, "busy" 429, "slow" takes 4 s, "huge" sends 200 KB, "garbage"
 * sends no JSON. Every request is counted.
 */
final class TransitStub {
    static final double FROM_LAT = 47.3667;
    static final double FROM_LNG = 8.5485;
    static final double HB_LAT = 47.3779;
    static final double HB_LNG = 8.5403;
    static final double TO_LAT = 46.9490;
    static final double TO_LNG = 7.4391;
    static final AtomicInteger REQUESTS = new AtomicInteger();

    private TransitStub() {
    }

    static void install() {
        StubServer stub = StubServer.shared();
        stub.handle("/api/v1/geocode", ex -> {
            REQUESTS.incrementAndGet();
            String text = param(ex.getRequestURI().getRawQuery(), "text");
            switch (text) {
                case "down" -> StubServer.respond(ex, 503, "text/plain", "maintenance");
                case "busy" -> StubServer.respond(ex, 429, "application/json", "{}");
                case "garbage" -> StubServer.respond(ex, 200, "application/json", "<html>oops</html>");
                case "huge" -> StubServer.respond(ex, 200, "application/json", "[" + "{\"name\":\"x\",\"lat\":1,\"lon\":1},".repeat(8000) + "{}]");
                case "slow" -> {
                    try {
                        Thread.sleep(4000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    StubServer.respond(ex, 200, "application/json", "[]");
                }
                default -> StubServer.respond(ex, 200, "application/json", "[{\"name\":\"Zürich HB\",\"lat\":" + HB_LAT
                        + ",\"lon\":" + HB_LNG + ",\"type\":\"STOP\",\"tz\":\"Europe/Zurich\",\"areas\":[{\"name\":\"Zürich\","
                        + "\"default\":true}]},{\"name\":\"no coordinates\"}]");
            }
        });
        stub.handle("/api/v6/plan", ex -> {
            REQUESTS.incrementAndGet();
            String time = param(ex.getRequestURI().getRawQuery(), "time");
            String date = time.length() >= 10 ? time.substring(0, 10) : "2027-04-02";
            StubServer.respond(ex, 200, "application/json", plan(date));
        });
    }

    private static String param(String query, String name) {
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** A MOTIS plan answer: the good journey, and one that ends elsewhere (dropped by search_transit_routes). */
    static String plan(String date) {
        return "{\"itineraries\":[" + motis(date, TO_LAT, TO_LNG) + "," + motis(date, 46.2, 6.14) + "]}";
    }

    private static String motis(String date, double endLat, double endLng) {
        return "{\"duration\":3720,\"startTime\":\"" + date + "T08:00:00Z\",\"endTime\":\"" + date + "T09:02:00Z\",\"transfers\":0,"
                + "\"legs\":[{\"mode\":\"WALK\",\"duration\":300,\"distance\":812.4,"
                + "\"from\":{\"name\":\"START\",\"lat\":" + FROM_LAT + ",\"lon\":" + FROM_LNG + ",\"departure\":\"" + date
                + "T08:00:00Z\",\"scheduledDeparture\":\"" + date + "T08:00:00Z\",\"tz\":\"Europe/Zurich\"},"
                + "\"to\":{\"name\":\"Zürich HB\",\"lat\":" + HB_LAT + ",\"lon\":" + HB_LNG + ",\"arrival\":\"" + date
                + "T08:05:00Z\",\"scheduledArrival\":\"" + date + "T08:05:00Z\",\"tz\":\"Europe/Zurich\"},"
                + "\"legGeometry\":{\"points\":\"abc\",\"precision\":6}},"
                + "{\"mode\":\"RAIL\",\"duration\":3420,\"distance\":95000,\"headsign\":\"Bern\",\"routeShortName\":\"IC 1\","
                + "\"routeColor\":\"EB0000\",\"routeTextColor\":\"fff\",\"agencyName\":\"SBB\",\"intermediateStops\":[{},{}],"
                + "\"from\":{\"name\":\"Zürich HB\",\"lat\":" + HB_LAT + ",\"lon\":" + HB_LNG + ",\"departure\":\"" + date
                + "T08:05:00Z\",\"scheduledDeparture\":\"" + date + "T08:05:00Z\",\"track\":\"31\",\"tz\":\"Europe/Zurich\"},"
                + "\"to\":{\"name\":\"END\",\"lat\":" + endLat + ",\"lon\":" + endLng + ",\"arrival\":\"" + date
                + "T09:02:00Z\",\"scheduledArrival\":\"" + date + "T09:02:00Z\",\"tz\":\"Europe/Zurich\"},"
                + "\"legGeometry\":{\"points\":\"_p~iF~ps|U_ulLnnqC\",\"precision\":6}}]}";
    }

    static JsonObjectBuilder from() {
        return Json.createObjectBuilder().add("name", "Stadelhofen").add("lat", FROM_LAT).add("lng", FROM_LNG);
    }

    static JsonObjectBuilder to() {
        return Json.createObjectBuilder().add("name", "Bern").add("lat", TO_LAT).add("lng", TO_LNG);
    }

    private static JsonObjectBuilder stop(String name, double lat, double lng, String time, String track) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("name", name).add("lat", lat).add("lng", lng).add("time", time)
                .add("scheduledTime", time).add("timezone", "Europe/Zurich");
        return track == null ? b.addNull("track") : b.add("track", track);
    }

    /** The journey as search_transit_routes gives it (names cleaned), on the given date at 08:00 UTC. */
    static JsonObject itinerary(String date) {
        return itinerary(date, 8);
    }

    /** The same journey leaving at {@code hour}:00 UTC (walk 5 min, then the train until {@code hour}+1:02). */
    static JsonObject itinerary(String date, int hour) {
        java.time.Instant start = java.time.Instant.parse(date + "T00:00:00Z").plusSeconds(hour * 3600L);
        String t0 = start.toString();
        String t1 = start.plusSeconds(300).toString();
        String t2 = start.plusSeconds(3720).toString();
        JsonObjectBuilder walk = Json.createObjectBuilder().add("mode", "WALK")
                .add("from", stop("Stadelhofen", FROM_LAT, FROM_LNG, t0, null))
                .add("to", stop("Zürich HB", HB_LAT, HB_LNG, t1, null))
                .add("duration", 300).add("distance", 812).addNull("headsign").addNull("line").addNull("lineColor")
                .addNull("lineTextColor").addNull("agency").add("intermediateStops", 0).add("geometry", "abc")
                .add("geometryPrecision", 6);
        JsonObjectBuilder rail = Json.createObjectBuilder().add("mode", "RAIL")
                .add("from", stop("Zürich HB", HB_LAT, HB_LNG, t1, "31"))
                .add("to", stop("Bern", TO_LAT, TO_LNG, t2, null))
                .add("duration", 3420).add("distance", 95000).add("headsign", "Bern").add("line", "IC 1")
                .add("lineColor", "#EB0000").add("lineTextColor", "#fff").add("agency", "SBB").add("intermediateStops", 2)
                .add("geometry", "_p~iF~ps|U_ulLnnqC").add("geometryPrecision", 6);
        return Json.createObjectBuilder().add("startTime", t0).add("endTime", t2)
                .add("duration", 3720).add("transfers", 0).add("walkSeconds", 300)
                .add("legs", Json.createArrayBuilder().add(walk).add(rail)).build();
    }
}
