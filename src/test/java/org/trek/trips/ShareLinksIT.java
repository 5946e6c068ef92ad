package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.McpTripHarness.id;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import org.trek.mcp.it.McpTestClient;

/**
 * Share links end to end, through /mcp on the shared server and the public page fetched like a browser without a
 * sign-in: the token given back (create twice → same token; get shows it), what each flag puts on /shared/&lt;token&gt;
 * and /api/shared/&lt;token&gt; and what never appears there (member e-mails, booking references, links into the
 * instance), revocation, another user's trip, a member without share_manage, and the rate limit (last: it uses up
 * the minute's allowance of 127.0.0.1 and then waits the minute out).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShareLinksIT {
    static McpTripHarness mcp;
    static McpTripHarness.Account owner;
    static McpTripHarness.Account member;
    static McpTripHarness.Account outsider;

    @BeforeAll
    static void setUp() {
        mcp = new McpTripHarness();
        owner = mcp.newAccount("sowner");
        member = mcp.newAccount("smember");
        outsider = mcp.newAccount("soutsider");
    }

    @AfterEach
    void restoreMatrix() {
        mcp.permission("share_manage", McpTripHarness.DEFAULT_LEVELS.get("share_manage"));
    }

    static JsonObjectBuilder trip(long tripId) {
        return Json.createObjectBuilder().add("tripId", tripId);
    }

    static long newTrip(String title) {
        long tripId = id(mcp.ok(owner, "create_trip", Json.createObjectBuilder().add("title", title)
                .add("start_date", "2027-06-01").add("end_date", "2027-06-03")), "trip");
        mcp.ok(owner, "add_trip_member", trip(tripId).add("identifier", member.name()));
        return tripId;
    }

    /** A page or JSON of the public share view, fetched without signing in. */
    static HttpResponse<String> fetch(String path) {
        return new WebClient(mcp.server).get(path);
    }

    @Test
    @Order(1)
    void createTwiceGivesTheSameTokenAndGetShowsIt() {
        long tripId = newTrip("Token trip");
        assertTrue(mcp.ok(owner, "get_share_link", trip(tripId)).isNull("link"), "no link yet: {link: null}");

        JsonObject first = mcp.ok(owner, "create_share_link", trip(tripId));
        assertTrue(first.getBoolean("created"));
        String token = first.getString("token");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 random bits, URL-safe: " + token);
        assertEquals(mcp.server.baseUrl() + "/shared/" + token, first.getString("url"), "built from APP_URL");

        JsonObject second = mcp.ok(owner, "create_share_link", trip(tripId).add("share_budget", true).add("share_map", true));
        assertFalse(second.getBoolean("created"));
        assertEquals(token, second.getString("token"), "the same link again");

        JsonObject link = mcp.ok(owner, "get_share_link", trip(tripId)).getJsonObject("link");
        assertEquals(token, link.getString("token"));
        assertTrue(java.time.Instant.parse(link.getString("created_at")) != null, link.toString());
        // The original's flags after {share_budget: true, share_map: true}: the others take their defaults.
        assertEquals(JsonValue.TRUE, link.get("share_map"));
        assertEquals(JsonValue.TRUE, link.get("share_bookings"));
        assertEquals(JsonValue.FALSE, link.get("share_packing"));
        assertEquals(JsonValue.TRUE, link.get("share_budget"));
        assertEquals(JsonValue.FALSE, link.get("share_collab"));

        // The legacy wire answers the same.
        JsonObject legacy = mcp.call(owner.token(), McpTripHarness.LEGACY, "get_share_link", trip(tripId).build()).result()
                .getJsonObject("structuredContent");
        assertEquals(token, legacy.getJsonObject("link").getString("token"));

        // Another trip gets its own token.
        String other = mcp.ok(owner, "create_share_link", trip(newTrip("Other trip"))).getString("token");
        assertNotEquals(token, other);
    }

    @Test
    @Order(2)
    void theFlagsDecideWhatThePageAndTheJsonShow() {
        long tripId = newTrip("Porto <Weekend>");
        long day = mcp.ok(owner, "get_trip_summary", trip(tripId)).getJsonArray("days").getJsonObject(0).getJsonNumber("id").longValue();
        long place = id(mcp.ok(owner, "create_place", trip(tripId).add("name", "Livraria Lello").add("lat", 41.1469).add("lng", -8.6148)
                .add("address", "Rua das Carmelitas 144")), "place");
        mcp.ok(owner, "assign_place_to_day", trip(tripId).add("dayId", day).add("placeId", place));
        mcp.ok(owner, "create_day_note", trip(tripId).add("dayId", day).add("text", "Tickets online"));
        mcp.ok(owner, "create_reservation", trip(tripId).add("title", "Dinner at Cantinho").add("type", "restaurant")
                .add("confirmation_number", "REF-SECRET-4711"));
        mcp.ok(owner, "create_packing_item", trip(tripId).add("name", "Umbrella"));
        mcp.ok(owner, "create_budget_item", trip(tripId).add("name", "Port tasting").add("total_price", 42));

        String token = mcp.ok(owner, "create_share_link", trip(tripId)).getString("token");
        HttpResponse<String> page = fetch("/shared/" + token);
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("Porto &lt;Weekend&gt;"), "title, escaped");
        assertTrue(html.contains("id=\"shared-days\"") && html.contains("Livraria Lello") && html.contains("Tickets online"), "map: days, places");
        assertTrue(html.contains("Rua das Carmelitas 144") && html.contains("openstreetmap.org/?mlat=41.1469&amp;mlon=-8.6148"), html);
        assertTrue(html.contains("id=\"shared-bookings\"") && html.contains("Dinner at Cantinho"), "bookings");
        assertFalse(html.contains("id=\"shared-packing\"") || html.contains("Umbrella"), "packing is off by default");
        assertFalse(html.contains("id=\"shared-budget\"") || html.contains("Port tasting"), "budget is off by default");
        assertNothingOfTheInstance(html);
        // The page of a public link: not indexed, no referrer, not stored, the usual security headers, phone-sized.
        assertEquals("noindex, nofollow, noarchive", page.headers().firstValue("X-Robots-Tag").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(html.contains("<meta name=\"robots\" content=\"noindex"), "noindex");
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assertFalse(html.contains("<table"), "no wide tables: nothing scrolls sideways on a 390 px phone");
        assertTrue(page.headers().allValues("Set-Cookie").isEmpty(), "no session for a visitor");

        JsonObject json = McpTestClient.parse(fetch("/api/shared/" + token).body());
        for (String key : new String[] {"trip", "baseCurrency", "categories", "permissions", "days", "assignments", "dayNotes", "places",
                "reservations", "accommodations", "packing", "budget", "collab"}) {
            assertTrue(json.containsKey(key), key + " in " + json.keySet());
        }
        assertEquals("Porto <Weekend>", json.getJsonObject("trip").getString("title"));
        assertFalse(json.getJsonObject("trip").containsKey("user_id"), "no user ids");
        assertEquals(3, json.getJsonArray("days").size());
        assertEquals("Livraria Lello", json.getJsonObject("assignments").getJsonArray(String.valueOf(day)).getJsonObject(0)
                .getJsonObject("place").getString("name"));
        assertEquals(1, json.getJsonObject("dayNotes").getJsonArray(String.valueOf(day)).size());
        assertEquals(1, json.getJsonArray("places").size());
        assertEquals("Dinner at Cantinho", json.getJsonArray("reservations").getJsonObject(0).getString("title"));
        assertTrue(json.getJsonArray("reservations").getJsonObject(0).isNull("confirmation_number"), "booking references stay private");
        assertEquals(0, json.getJsonArray("packing").size());
        assertEquals(0, json.getJsonArray("budget").size());
        assertTrue(json.getJsonObject("permissions").getBoolean("share_map"));
        assertFalse(json.toString().contains("REF-SECRET-4711") || json.toString().contains("@trek.test"), json.toString());

        // The other way round: no map, no bookings; packing and budget.
        JsonObject updated = mcp.ok(owner, "create_share_link", trip(tripId).add("share_map", false).add("share_bookings", false)
                .add("share_packing", true).add("share_budget", true));
        assertEquals(token, updated.getString("token"));
        html = fetch("/shared/" + token).body();
        assertFalse(html.contains("id=\"shared-days\"") || html.contains("Livraria Lello") || html.contains("Tickets online"), "no map");
        assertFalse(html.contains("id=\"shared-bookings\"") || html.contains("Dinner at Cantinho"), "no bookings");
        assertTrue(html.contains("id=\"shared-packing\"") && html.contains("Umbrella"), "packing");
        assertTrue(html.contains("id=\"shared-budget\"") && html.contains("Port tasting") && html.contains("42.00 EUR"), "budget");
        assertNothingOfTheInstance(html);
        json = McpTestClient.parse(fetch("/api/shared/" + token).body());
        assertEquals(0, json.getJsonArray("days").size());
        assertEquals(0, json.getJsonArray("places").size());
        assertEquals(0, json.getJsonObject("assignments").size());
        assertEquals(0, json.getJsonArray("reservations").size());
        assertEquals("Umbrella", json.getJsonArray("packing").getJsonObject(0).getString("name"));
        assertEquals("Port tasting", json.getJsonArray("budget").getJsonObject(0).getString("name"));
        assertTrue(json.getJsonArray("budget").getJsonObject(0).isNull("paid_by_user_id"), "no user ids");
    }

    /** Nothing on the public page leads into the instance or names its users. */
    private static void assertNothingOfTheInstance(String html) {
        assertFalse(html.contains("@trek.test"), "no member e-mails");
        assertFalse(html.contains(member.name()) || html.contains(owner.name()), "no member names");
        assertFalse(html.contains("REF-SECRET-4711"), "no booking references");
        for (String path : new String[] {"href=\"/\"", "/trips", "/settings", "/admin", "/login", "/logout", "Sign out"}) {
            assertFalse(html.contains(path), "no way into the instance: " + path);
        }
    }

    @Test
    @Order(3)
    void deletingTheLinkClosesThePageAtOnce() {
        long tripId = newTrip("Revoked trip");
        String token = mcp.ok(owner, "create_share_link", trip(tripId)).getString("token");
        assertEquals(200, fetch("/shared/" + token).statusCode());
        assertEquals(JsonValue.TRUE, mcp.ok(owner, "delete_share_link", trip(tripId)).get("success"));

        HttpResponse<String> page = fetch("/shared/" + token);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("id=\"shared-missing\"") && !page.body().contains("Revoked trip"), page.body());
        assertEquals("noindex, nofollow, noarchive", page.headers().firstValue("X-Robots-Tag").orElse(""));
        HttpResponse<String> api = fetch("/api/shared/" + token);
        assertEquals(404, api.statusCode());
        assertEquals("Invalid or expired link", McpTestClient.parse(api.body()).getString("error"));
        assertTrue(mcp.ok(owner, "get_share_link", trip(tripId)).isNull("link"), "{link: null}");

        // A new link is a new token; the old one stays dead.
        String fresh = mcp.ok(owner, "create_share_link", trip(tripId)).getString("token");
        assertNotEquals(token, fresh);
        assertEquals(404, fetch("/shared/" + token.toUpperCase(java.util.Locale.ROOT)).statusCode(), "only the exact token");
        assertEquals(404, fetch("/shared/not-a-token").statusCode());
    }

    @Test
    @Order(4)
    void anotherUsersTripIsNotFoundAndAMemberNeedsShareManage() {
        long tripId = newTrip("Guarded trip");
        String token = mcp.ok(owner, "create_share_link", trip(tripId)).getString("token");
        for (String tool : new String[] {"get_share_link", "create_share_link", "delete_share_link"}) {
            for (String wire : new String[] {McpTripHarness.LEGACY, McpTripHarness.MODERN}) {
                String text = mcp.error(outsider, wire, tool, trip(tripId).build());
                assertEquals(TripException.NO_ACCESS, text, tool);
                assertFalse(text.contains(token));
                // share_manage is owner-only by default: the member is refused, and learns no token.
                String refused = mcp.error(member, wire, tool, trip(tripId).build());
                assertTrue(refused.contains("share_manage"), tool + ": " + refused);
                assertFalse(refused.contains(token));
            }
        }
        assertEquals(token, mcp.ok(owner, "get_share_link", trip(tripId)).getJsonObject("link").getString("token"), "nothing changed");

        mcp.permission("share_manage", "member");
        assertEquals(token, mcp.ok(member, "get_share_link", trip(tripId)).getJsonObject("link").getString("token"),
                "anyone with share_manage sees the link");
        JsonObject again = mcp.ok(member, "create_share_link", trip(tripId).add("share_packing", true));
        assertFalse(again.getBoolean("created"));
        assertEquals(token, again.getString("token"));
    }

    @Test
    @Order(5)
    void thePublicPagesAreRateLimitedPerAddress() {
        long tripId = newTrip("Popular trip");
        String token = mcp.ok(owner, "create_share_link", trip(tripId)).getString("token");
        HttpResponse<String> limited = null;
        // Up to two windows' worth: the minute may turn while counting.
        for (int i = 0; i < 2 * TrekServer.SHARE_RATE_LIMIT + 2 && limited == null; i++) {
            HttpResponse<String> r = fetch("/shared/" + token);
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertEquals(200, r.statusCode());
            }
        }
        assertTrue(limited != null, "the page is limited to " + TrekServer.SHARE_RATE_LIMIT + " per minute");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(limited.body().contains("id=\"shared-limited\"") && !limited.body().contains("Popular trip"), limited.body());

        // The JSON view counts in the same bucket (unless the minute just turned: then it runs out again).
        HttpResponse<String> api = null;
        for (int i = 0; i < TrekServer.SHARE_RATE_LIMIT + 2; i++) {
            api = fetch("/api/shared/" + token);
            if (api.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, api.statusCode());
        assertEquals("Too many requests", McpTestClient.parse(api.body()).getString("error"));
        assertTrue(api.headers().firstValue("Retry-After").isPresent());
        // The tools are not affected.
        assertEquals(token, mcp.ok(owner, "get_share_link", trip(tripId)).getJsonObject("link").getString("token"));

        // The limit lifts with the next window (waited out, so later suites on this server open pages again).
        sleepSeconds(Long.parseLong(api.headers().firstValue("Retry-After").orElseThrow()));
        assertEquals(200, fetch("/shared/" + token).statusCode());
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(seconds * 1000 + 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
