package org.trek.trips.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.it.McpCalls;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.TripFixture;
import org.trek.it.WebClient;

/**
 * My trips over HTTP (no JavaScript): a trip made through MCP shows on the owner's and the member's list and trip
 * page with every section; user data is escaped; anyone else, and any id that does not exist, gets 404; no forms.
 */
class MyTripsIT {
    private static final TrekServer server = TrekServer.shared();
    private static String owner;
    private static String member;
    private static String stranger;
    private static TripFixture trip;

    @BeforeAll
    static void seed() {
        owner = TestUsers.create(server);
        member = TestUsers.create(server);
        stranger = TestUsers.create(server);
        trip = TripFixture.create(McpCalls.asUser(server, owner, TestUsers.PASSWORD), "Madrid", member);
    }

    private static WebClient signedIn(String user) {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(user, TestUsers.PASSWORD).statusCode());
        return web;
    }

    @Test
    void listShowsOwnedAndMemberTripsWithRoleAndCounts() {
        String mine = signedIn(owner).get("/trips").body();
        assertTrue(mine.contains("href=\"/trips/" + trip.tripId + "\""), "linked from the list");
        assertTrue(mine.contains("Madrid &lt;b&gt;bold&lt;/b&gt;"), "title escaped");
        assertFalse(mine.contains("<b>bold</b>"));
        assertTrue(mine.contains("2027-05-01 – 2027-05-02"));
        assertTrue(mine.matches("(?s).*<td>owner</td>\\s*<td>2</td>\\s*<td>3</td>\\s*<td>2</td>.*"), "role, days, places, people");

        String theirs = signedIn(member).get("/trips").body();
        assertTrue(theirs.contains("/trips/" + trip.tripId) && theirs.contains("<td>member</td>"));

        String nothing = signedIn(stranger).get("/trips").body();
        assertFalse(nothing.contains("/trips/" + trip.tripId));
        assertTrue(nothing.contains("id=\"no-trips\""));
    }

    @Test
    void tripPageShowsEverySectionEscapedAndWithoutForms() {
        HttpResponse<String> r = signedIn(member).get("/trips/" + trip.tripId);
        assertEquals(200, r.statusCode());
        String page = r.body();
        for (String expected : new String[] {
                "Day 1 · 2027-05-01 · Museums day", "Prado Museum", "09:30", "12:00", "Buy tickets online",
                "with " + owner + ", " + member, "Museum closes early on Mondays", "Check-in at <strong>Hotel Sol</strong> from 15:00", "Check-out from <strong>Hotel Sol</strong> by 11:00", "HS-42",
                trip.categoryName, "Calle de Ruiz de Alarcón 23, Madrid",
                "Dinner at Botín", "restaurant", "BOT-7", "IB 3170", "Madrid Barajas (MAD)", "Lisbon (LIS)",
                "230.01 EUR", "200.01 EUR", "100.01 EUR", "100.00 EUR", "30.00 EUR", "Lodging", "Culture",
                "Passport", "Sunscreen", "(1 of 2 packed)", "Book museum tickets", "due 2027-04-20", "Exchange money"}) {
            assertTrue(page.contains(expected), "page shows " + expected);
        }
        assertTrue(page.contains("&lt;script&gt;alert(&#039;x&#039;)&lt;/script&gt; Café"), "place name escaped");
        assertFalse(page.contains("<script>alert"), "no script from user data");
        assertFalse(page.contains("<img src=x"), "notes escaped too");
        assertTrue(page.contains("<title>Madrid &lt;b&gt;bold&lt;/b&gt; · TREK</title>"), "title escaped in <title>");
        assertEquals(1, page.split("<form", -1).length - 1, "read-only: the only form is sign-out");
        assertTrue(page.contains("action=\"/logout\""));
        assertTrue(page.contains("href=\"/trips\">My trips</a>"), "header links My trips");
    }

    @Test
    void anyoneElseAndUnknownIdsGet404() {
        WebClient other = signedIn(stranger);
        HttpResponse<String> foreign = other.get("/trips/" + trip.tripId);
        HttpResponse<String> missing = other.get("/trips/999999999");
        assertEquals(404, foreign.statusCode());
        assertEquals(404, missing.statusCode());
        assertFalse(foreign.body().contains("Madrid"), "nothing of the trip leaks");
        assertEquals(foreign.body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", ""),
                missing.body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", ""), "the same answer for both");
        for (String path : new String[] {"/trips/abc", "/trips/-1", "/trips/0", "/trips/" + trip.tripId + "/x", "/trips/99999999999999999999"}) {
            assertEquals(404, other.get(path).statusCode(), path);
        }
        assertEquals(404, other.get("/trips/" + trip.tripId + "?places=2").statusCode());
    }

    @Test
    void signInRequired() {
        HttpResponse<String> r = new WebClient(server).get("/trips/" + trip.tripId);
        assertEquals(302, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElse("").contains("/login"));
    }
}
