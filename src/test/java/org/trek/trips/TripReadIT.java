package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.ToolTestSupport.args;
import static org.trek.trips.ToolTestSupport.full;
import static org.trek.trips.ToolTestSupport.grant;
import static org.trek.trips.ToolTestSupport.ok;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.it.Deployments;
import org.trek.mcp.registry.InvalidParamsException;
import org.trek.mcp.registry.PromptDefinition;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.platform.auth.AccessGrant;
import org.trek.trips.prompts.TripPrompts;
import org.trek.trips.resources.TripResources;
import org.trek.trips.tools.AssignmentTools;
import org.trek.trips.tools.BudgetTools;
import org.trek.trips.tools.PackingTools;
import org.trek.trips.tools.PlaceTools;
import org.trek.trips.tools.ReservationTools;
import org.trek.trips.tools.TripTools;
import org.trek.platform.addons.AddonService;

/**
 * The read side with real data and checked figures: summary, prompts, resources, the bounded SQL of the summary
 * for a trip with 1,000 places, and the server instructions.
 */
@ExtendWith(ArquillianExtension.class)
class TripReadIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(TripReadIT.class, ToolTestSupport.class, ToolTestSupport.TestCall.class, SqlCounter.class,
                SqlCounter.Counted.class);
    }

    @Inject TripTools tripTools;
    @Inject PlaceTools placeTools;
    @Inject AssignmentTools assignmentTools;
    @Inject BudgetTools budgetTools;
    @Inject PackingTools packingTools;
    @Inject ReservationTools reservationTools;
    @Inject org.trek.trips.tools.DayTools dayTools;
    @Inject TripPrompts prompts;
    @Inject TripResources resources;
    @Inject TripInstructions instructions;
    @Inject UserService users;
    @Inject SqlCounter sql;
    @Inject AddonService addons;

    User owner;
    User member;
    User stranger;
    long tripId;

    @BeforeEach
    void seed() {
        owner = ToolTestSupport.newUser(users, "owner");
        member = ToolTestSupport.newUser(users, "member");
        stranger = ToolTestSupport.newUser(users, "stranger");
        tripId = ok(tripTools, "create_trip", full(owner.getId()), args().add("title", "Kyoto").add("description", "Temples")
                .add("start_date", "2027-04-01").add("end_date", "2027-04-02").add("currency", "JPY")).getJsonObject("trip").getJsonNumber("id").longValue();
        ok(tripTools, "add_trip_member", full(owner.getId()), args().add("tripId", tripId).add("identifier", member.getUsername()));
        ok(budgetTools, "create_budget_item", full(owner.getId()), args().add("tripId", tripId).add("name", "Ryokan").add("category", "Lodging").add("total_price", 100.50));
        ok(budgetTools, "create_budget_item", full(owner.getId()), args().add("tripId", tripId).add("name", "Sushi").add("category", "Food").add("total_price", 30));
        ok(budgetTools, "create_budget_item", full(owner.getId()), args().add("tripId", tripId).add("name", "Ramen").add("category", "Food").add("total_price", 19.50));
        long passport = ok(packingTools, "create_packing_item", full(owner.getId()), args().add("tripId", tripId).add("name", "Passport").add("category", "Documents"))
                .getJsonObject("item").getJsonNumber("id").longValue();
        ok(packingTools, "toggle_packing_item", full(owner.getId()), args().add("tripId", tripId).add("itemId", passport).add("checked", true));
        ok(packingTools, "create_packing_item", full(owner.getId()), args().add("tripId", tripId).add("name", "Rail pass").add("category", "Documents"));
        ok(packingTools, "create_packing_item", full(owner.getId()), args().add("tripId", tripId).add("name", "Socks").add("category", "Clothes"));
        ok(reservationTools, "create_reservation", full(owner.getId()), args().add("tripId", tripId).add("title", "Tea ceremony").add("type", "event"));
    }

    long day(int index) {
        return ok(tripTools, "get_trip_summary", full(owner.getId()), args().add("tripId", tripId)).getJsonArray("days")
                .getJsonObject(index).getJsonNumber("id").longValue();
    }

    // ---------------------------------------------------------------- summary

    @Test
    void summaryFiguresAreRight() {
        long place = ok(placeTools, "create_place", full(owner.getId()), args().add("tripId", tripId).add("name", "Kinkaku-ji"))
                .getJsonObject("place").getJsonNumber("id").longValue();
        ok(assignmentTools, "assign_place_to_day", full(owner.getId()), args().add("tripId", tripId).add("dayId", day(0)).add("placeId", place));
        JsonObject s = ok(tripTools, "get_trip_summary", full(member.getId()), args().add("tripId", tripId));
        assertEquals(0, new java.math.BigDecimal("150.00").compareTo(s.getJsonObject("budget").getJsonNumber("total").bigDecimalValue()));
        assertEquals(3, s.getJsonObject("budget").getInt("item_count"));
        assertEquals("JPY", s.getJsonObject("budget").getString("currency"));
        assertEquals(3, s.getJsonObject("packing").getInt("total"));
        assertEquals(1, s.getJsonObject("packing").getInt("checked"));
        assertEquals(1, s.getJsonArray("reservations").size());
        JsonArray assignments = s.getJsonArray("days").getJsonObject(0).getJsonArray("assignments");
        assertEquals("Kinkaku-ji", assignments.getJsonObject(0).getJsonObject("place").getString("name"));
        assertEquals(1, s.getJsonNumber("place_count").intValue());
    }

    @Test
    void summaryOfAThousandPlacesIssuesABoundedNumberOfStatements() {
        long d1 = day(0);
        long d2 = day(1);
        for (int i = 0; i < 10; i++) {
            addAssignedPlace(i, i % 2 == 0 ? d1 : d2);
        }
        // The addon states are kept for 2 s: whether a call reads them depends on the clock, not on the trip. Both
        // measured calls read them once.
        addons.forgetStates();
        SqlCounter.Counted<JsonObject> small = sql.count(() -> ok(tripTools, "get_trip_summary", full(owner.getId()), args().add("tripId", tripId)));
        for (int i = 10; i < 1000; i++) {
            addAssignedPlace(i, i % 2 == 0 ? d1 : d2);
        }
        addons.forgetStates();
        SqlCounter.Counted<JsonObject> large = sql.count(() -> ok(tripTools, "get_trip_summary", full(owner.getId()), args().add("tripId", tripId)));
        assertEquals(1000, large.value().getJsonNumber("place_count").intValue());
        assertEquals(500, large.value().getJsonArray("days").getJsonObject(0).getJsonArray("assignments").size());
        assertTrue(small.statements() > 0, "the counter must see statements");
        // One plain read each: trip and access, members, days, notes, assignments, place count, stays, budget, packing,
        // reservations, to-dos; and the collab addon's two: its notes, and the poll and message counts.
        assertTrue(large.statements() <= 13, "bounded: " + large.statements() + " statements");
        assertEquals(small.statements(), large.statements(), "the statement count must not grow with the trip");
    }

    private void addAssignedPlace(int i, long dayId) {
        ok(placeTools, "create_and_assign_place", full(owner.getId()), args().add("tripId", tripId).add("dayId", dayId).add("name", "Place " + i));
    }

    // ---------------------------------------------------------------- prompts

    PromptDefinition prompt(String name) {
        return prompts.prompts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    String render(String name, AccessGrant grant) {
        return prompt(name).renderer().render(grant, Map.of("tripId", String.valueOf(tripId))).messages().get(0).text();
    }

    @Test
    void tripSummaryPromptHasTheRightFiguresAndRespectsScopes() {
        String full = render("trip-summary", full(member.getId()));
        assertTrue(full.contains("Trip: Kyoto\n"), full);
        assertTrue(full.contains("Dates: 2027-04-01 to 2027-04-02"), full);
        assertTrue(full.contains("Members (2): " + owner.getUsername() + ", " + member.getUsername()), full);
        assertTrue(full.contains("Days: 2"), full);
        assertTrue(full.contains("Packing: 1 of 3 packed"), full);
        assertTrue(full.contains("Budget total: 150.00 JPY"), full);
        assertTrue(full.contains("Reservations: 1"), full);
        // Reference §9.1.2: without budget/packing scopes those figures are not in the prompt.
        String narrow = render("trip-summary", grant(member.getId(), "trips:read"));
        assertFalse(narrow.contains("Budget"), narrow);
        assertFalse(narrow.contains("Packing"), narrow);
        assertThrows(InvalidParamsException.class, () -> render("trip-summary", grant(member.getId(), "weather:read")));
        InvalidParamsException e = assertThrows(InvalidParamsException.class, () -> render("trip-summary", full(stranger.getId())));
        assertEquals(TripException.NO_ACCESS, e.getMessage());
        assertThrows(InvalidParamsException.class, () -> prompt("trip-summary").renderer().render(full(owner.getId()), Map.of("tripId", "abc")));
        assertEquals("trips:read", prompt("trip-summary").requiredScope());
    }

    @Test
    void packingListPromptIsAChecklistAndNeedsPackingRead() {
        String text = render("packing-list", grant(owner.getId(), "packing:read"));
        assertTrue(text.startsWith("# Packing List: Kyoto\n"), text);
        assertTrue(text.contains("## Documents\n- [x] Passport\n- [ ] Rail pass\n"), text);
        assertTrue(text.contains("## Clothes\n- [ ] Socks\n"), text);
        assertTrue(text.endsWith("3 items in 2 categories, 1 packed."), text);
        // Reference §9.1.2.
        assertThrows(InvalidParamsException.class, () -> render("packing-list", grant(owner.getId(), "trips:read", "budget:read")));
        assertThrows(InvalidParamsException.class, () -> render("packing-list", full(stranger.getId())));
        assertEquals("packing", prompt("packing-list").addon());
    }

    @Test
    void budgetOverviewPromptHasTotalAverageAndCategories() {
        String text = render("budget-overview", grant(member.getId(), "budget:read"));
        assertTrue(text.contains("Total: 150.00 JPY"), text);
        assertTrue(text.contains("Per person (2 people): 75.00 JPY"), text);
        assertTrue(text.contains("- Lodging: 100.50 JPY\n- Food: 49.50 JPY\n"), "sorted by sum, descending: " + text);
        assertThrows(InvalidParamsException.class, () -> render("budget-overview", grant(member.getId(), "trips:read", "packing:read")));
        assertThrows(InvalidParamsException.class, () -> render("budget-overview", full(stranger.getId())));
    }

    // ---------------------------------------------------------------- resources

    ResourceDefinition resource(String uriOrTemplate) {
        return resources.resources().stream().filter(r -> uriOrTemplate.equals(r.uri()) || uriOrTemplate.equals(r.uriTemplate()))
                .findFirst().orElseThrow(() -> new AssertionError("no resource " + uriOrTemplate));
    }

    JsonObject read(String template, AccessGrant grant, String uri, Map<String, String> vars) {
        return readValue(template, grant, uri, vars).asJsonObject();
    }

    /** A list resource: the original's bare array. */
    jakarta.json.JsonArray list(String template, AccessGrant grant, String uri, Map<String, String> vars) {
        return readValue(template, grant, uri, vars).asJsonArray();
    }

    jakarta.json.JsonValue readValue(String template, AccessGrant grant, String uri, Map<String, String> vars) {
        String text = resource(template).reader().read(grant, uri, vars).text();
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void resourcesAreGatedAndAnswerNotFoundForOtherTrips() {
        Map<String, String> vars = Map.of("tripId", String.valueOf(tripId));
        String t = "trek://trips/" + tripId;
        assertEquals(2, read("trek://trips/{tripId}", grant(member.getId(), "trips:read"), t, vars).getInt("member_count"));
        assertTrue(list("trek://trips", grant(member.getId(), "trips:read"), "trek://trips", Map.of()).size() >= 1);
        assertEquals(2, list("trek://trips/{tripId}/days", grant(member.getId(), "trips:read"), t + "/days", vars).size());
        assertEquals(member.getUsername(), read("trek://trips/{tripId}/members", full(owner.getId()), t + "/members", vars)
                .getJsonArray("members").getJsonObject(0).getString("username"));
        assertEquals(3, list("trek://trips/{tripId}/budget", grant(member.getId(), "budget:read"), t + "/budget", vars).size());
        assertEquals(3, list("trek://trips/{tripId}/packing", grant(member.getId(), "packing:read"), t + "/packing", vars).size());
        assertEquals(1, list("trek://trips/{tripId}/reservations", grant(member.getId(), "reservations:read"), t + "/reservations", vars).size());
        long day0 = day(0);
        ok(dayTools, "create_day_note", full(owner.getId()), args().add("tripId", tripId).add("dayId", day0).add("text", "Early start"));
        jakarta.json.JsonArray notes = list("trek://trips/{tripId}/days/{dayId}/notes", grant(member.getId(), "trips:read"), t + "/days/" + day0 + "/notes",
                Map.of("tripId", String.valueOf(tripId), "dayId", String.valueOf(day0)));
        assertEquals("Early start", notes.getJsonObject(0).getString("text"));
        assertThrows(ResourceNotFoundException.class, () -> read("trek://trips/{tripId}/days/{dayId}/notes", full(stranger.getId()),
                t + "/days/" + day0 + "/notes", Map.of("tripId", String.valueOf(tripId), "dayId", String.valueOf(day0))));
        assertTrue(list("trek://categories", grant(stranger.getId(), "weather:read"), "trek://categories", Map.of()).size() >= 10);

        ok(placeTools, "create_and_assign_place", full(owner.getId()), args().add("tripId", tripId).add("dayId", day(0)).add("name", "Assigned"));
        ok(placeTools, "create_place", full(owner.getId()), args().add("tripId", tripId).add("name", "Loose"));
        jakarta.json.JsonArray unassigned = list("trek://trips/{tripId}/places", grant(member.getId(), "places:read"),
                t + "/places?assignment=unassigned", vars);
        assertEquals(1, unassigned.size());
        assertEquals("Loose", unassigned.getJsonObject(0).getString("name"));

        // An inaccessible or unknown trip is a protocol error, not a JSON text (reference §5.2 weakness).
        assertThrows(ResourceNotFoundException.class, () -> read("trek://trips/{tripId}", full(stranger.getId()), t, vars));
        assertThrows(ResourceNotFoundException.class, () -> read("trek://trips/{tripId}", full(owner.getId()), "trek://trips/x", Map.of("tripId", "x")));
        assertThrows(ResourceNotFoundException.class, () -> read("trek://trips/{tripId}/budget", grant(owner.getId(), "trips:read"), t + "/budget", vars));
        assertThrows(ResourceNotFoundException.class, () -> read("trek://trips/{tripId}/places", grant(owner.getId(), "trips:read"), t + "/places", vars));
        assertEquals("budget:read", resource("trek://trips/{tripId}/budget").requiredScope());
        assertEquals("budget", resource("trek://trips/{tripId}/budget").addon());
    }

    @Test
    void budgetPerPersonAndSettlement() {
        long item = ok(budgetTools, "create_budget_item_with_members", full(owner.getId()), args().add("tripId", tripId).add("name", "Taxi")
                .add("total_price", 10.01).add("userIds", Json.createArrayBuilder().add(owner.getId()).add(member.getId())))
                .getJsonObject("item").getJsonNumber("id").longValue();
        ok(budgetTools, "toggle_budget_member_paid", full(owner.getId()), args().add("tripId", tripId).add("itemId", item).add("memberId", owner.getId()).add("paid", true));
        Map<String, String> vars = Map.of("tripId", String.valueOf(tripId));
        String text = resource("trek://trips/{tripId}/budget/per-person").reader().read(grant(member.getId(), "budget:read"),
                "trek://trips/" + tripId + "/budget/per-person", vars).text();
        JsonArray people = Json.createReader(new StringReader(text)).readArray();
        assertEquals(2, people.size());
        // 10.01 split in two: one share gets the extra cent, and the two add up exactly.
        java.math.BigDecimal a = people.getJsonObject(0).getJsonNumber("share").bigDecimalValue();
        java.math.BigDecimal b = people.getJsonObject(1).getJsonNumber("share").bigDecimalValue();
        assertEquals(0, new java.math.BigDecimal("10.01").compareTo(a.add(b)));
        JsonObject ownerRow = people.getJsonObject(0).getJsonNumber("user_id").longValue() == owner.getId() ? people.getJsonObject(0) : people.getJsonObject(1);
        assertEquals(0, ownerRow.getJsonNumber("outstanding").bigDecimalValue().signum(), "owner has paid");
        JsonObject settlement = read("trek://trips/{tripId}/budget/settlement", grant(member.getId(), "budget:read"), "trek://trips/" + tripId + "/budget/settlement", vars);
        assertEquals(0, new java.math.BigDecimal("150.00").compareTo(settlement.getJsonNumber("unsplit_total").bigDecimalValue()));
    }

    @Test
    void searchPlaceAsksTheConfiguredNominatimOnLoopback() throws Exception {
        java.net.URI configured = java.net.URI.create(System.getProperty("NOMINATIM_URL"));
        assertEquals("127.0.0.1", configured.getHost(), "tests must never reach the internet");
        java.util.concurrent.atomic.AtomicReference<String> query = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(200);
        com.sun.net.httpserver.HttpServer stub = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", configured.getPort()), 0);
        stub.createContext("/search", ex -> {
            query.set(ex.getRequestURI().getRawQuery());
            byte[] body = ("[{\"osm_type\":\"way\",\"osm_id\":123,\"lat\":\"41.8902\",\"lon\":\"12.4922\",\"name\":\"Colosseo\","
                    + "\"display_name\":\"Colosseo, Piazza del Colosseo, Roma\",\"type\":\"attraction\"}]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status.get(), body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        stub.start();
        try {
            JsonObject r = ok(placeTools, "search_place", grant(stranger.getId(), "places:read"), args().add("query", "Colosseum Rome"));
            assertTrue(query.get().contains("q=Colosseum+Rome"), query.get());
            assertTrue(query.get().contains("format=jsonv2"), query.get());
            JsonObject hit = r.getJsonArray("places").getJsonObject(0);
            assertEquals("Colosseo", hit.getString("name"));
            assertEquals("way:123", hit.getString("osm_id"));
            assertEquals(41.8902, hit.getJsonNumber("lat").doubleValue(), 1e-9);
            assertEquals("openstreetmap", r.getString("source"));
            assertTrue(ToolTestSupport.tool(placeTools, "search_place").annotations().openWorld(), "it asks an outside service");
            status.set(500);
            ToolTestSupport.fails(placeTools, "search_place", full(owner.getId()), args().add("query", "x"), "unavailable");
            ToolTestSupport.fails(placeTools, "search_place", full(owner.getId()), args().add("query", "   "), "query");
            ToolTestSupport.scopeGate(placeTools, "search_place", owner.getId(), args().add("query", "x"));
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void importPlacesWithoutAConfiguredListServiceIsAClearError() {
        // This container has no PLACE_LIST_IMPORT_URL: the tool says so (an isError result, not a failure).
        assertTrue(System.getProperty("PLACE_LIST_IMPORT_URL") == null && System.getenv("PLACE_LIST_IMPORT_URL") == null);
        ToolTestSupport.fails(placeTools, "import_places_from_url", full(owner.getId()), args().add("tripId", tripId)
                .add("url", "https://maps.app.goo.gl/AbC123").add("source", "google-list"), PlaceListImport.NOT_CONFIGURED);
        assertTrue(ToolTestSupport.tool(placeTools, "import_places_from_url").annotations().openWorld());
    }

    @Test
    void instructionsCoverWorkflowsAndRules() {
        String text = instructions.text();
        assertTrue(text.contains("`list_trips`"));
        assertTrue(text.contains("`get_trip_summary`"));
        assertTrue(text.contains("YYYY-MM-DD"));
        assertTrue(text.contains("90"));
        assertTrue(text.contains("list_trip_members"));
        assertTrue(text.contains("import_places_from_url"));
    }
}
