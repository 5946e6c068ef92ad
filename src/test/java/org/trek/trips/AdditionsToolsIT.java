package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.McpTripHarness.id;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.mcp.it.McpTestClient;

/**
 * The eleven tools TREK 3.4 added to the core groups, through /mcp on the shared server: budget settlements (with a
 * settlement summary worked out by hand), packing templates, bulk_update_places (all or nothing) and public transit
 * against the MOTIS stub ({@link TransitStub}: provider down, busy, slow, oversized, garbage; the per-user limit).
 */
class AdditionsToolsIT {
    static McpTripHarness mcp;
    static McpTripHarness.Account owner;
    static McpTripHarness.Account ann;
    static McpTripHarness.Account bob;
    static McpTripHarness.Account outsider;

    @BeforeAll
    static void setUp() {
        mcp = new McpTripHarness();
        TransitStub.install();
        owner = mcp.newAccount("setl-owner");
        ann = mcp.newAccount("setl-ann");
        bob = mcp.newAccount("setl-bob");
        outsider = mcp.newAccount("setl-out");
    }

    static JsonObjectBuilder args() {
        return Json.createObjectBuilder();
    }

    static long trip(McpTripHarness.Account who, String title, McpTripHarness.Account... members) {
        long trip = id(mcp.ok(who, "create_trip", args().add("title", title).add("start_date", "2027-04-01")
                .add("end_date", "2027-04-03").add("currency", "EUR")), "trip");
        for (McpTripHarness.Account m : members) {
            mcp.ok(who, "add_trip_member", args().add("tripId", trip).add("identifier", m.name()));
        }
        return trip;
    }

    static String error(McpTripHarness.Account who, String tool, JsonObjectBuilder arguments) {
        return mcp.error(who, McpTripHarness.MODERN, tool, arguments.build());
    }

    static JsonArray ids(long... ids) {
        var b = Json.createArrayBuilder();
        for (long i : ids) {
            b.add(i);
        }
        return b.build();
    }

    // ---------------------------------------------------------------- budget settlements

    /** An expense split between members, paid by those whose flag is set. */
    static long expense(long trip, String name, String total, List<McpTripHarness.Account> split, List<McpTripHarness.Account> payers) {
        var userIds = Json.createArrayBuilder();
        split.forEach(a -> userIds.add(a.id()));
        long item = id(mcp.ok(owner, "create_budget_item_with_members", args().add("tripId", trip).add("name", name)
                .add("total_price", new BigDecimal(total)).add("userIds", userIds)), "item");
        for (McpTripHarness.Account p : payers) {
            mcp.ok(owner, "toggle_budget_member_paid", args().add("tripId", trip).add("itemId", item).add("memberId", p.id())
                    .add("paid", true));
        }
        return item;
    }

    static Map<Long, BigDecimal> balances(JsonObject summary) {
        return summary.getJsonArray("balances").stream().map(JsonValue::asJsonObject).collect(Collectors.toMap(
                b -> b.getJsonNumber("user_id").longValue(), b -> b.getJsonNumber("balance").bigDecimalValue().stripTrailingZeros()));
    }

    /** "from>to:amount" for each suggested payment, in order. */
    static List<String> flows(JsonObject summary) {
        return summary.getJsonArray("flows").stream().map(JsonValue::asJsonObject).map(f -> f.getJsonObject("from").getJsonNumber("user_id")
                + ">" + f.getJsonObject("to").getJsonNumber("user_id") + ":" + f.getJsonNumber("amount").bigDecimalValue().toPlainString())
                .toList();
    }

    static JsonObject summary(McpTripHarness.Account who, long trip) {
        return mcp.ok(who, "get_settlement_summary", args().add("tripId", trip)).getJsonObject("summary");
    }

    static Map<Long, BigDecimal> expect(Object... idAndAmount) {
        Map<Long, BigDecimal> m = new HashMap<>();
        for (int i = 0; i < idAndAmount.length; i += 2) {
            m.put((Long) idAndAmount[i], new BigDecimal((String) idAndAmount[i + 1]).stripTrailingZeros());
        }
        return m;
    }

    /**
     * Worked by hand. Hotel 300 split owner/Ann/Bob, owner paid: owner +300, everyone -100. Dinner 90 split three
     * ways, Ann paid: Ann +90, everyone -30. Taxi 40 split Ann/Bob, Bob paid: Bob +40, both -20. Museum 50 (nobody
     * paid) and Planning 200 (no members) do not count. Owner +170, Ann -60, Bob -110: Bob pays owner 110, Ann 60.
     * Ann settles 25.50 → Ann -34.50, owner +144.50. Bob settles 110 → Bob 0. Bob's settlement changed to 120 → Bob
     * +10, owner +24.50: Ann pays owner 24.50 and Bob 10.
     */
    @Test
    void settlementSummaryNetsExpensesAndSettlements() {
        long trip = trip(owner, "Settle up", ann, bob);
        long o = owner.id();
        long a = ann.id();
        long b = bob.id();
        expense(trip, "Hotel", "300", List.of(owner, ann, bob), List.of(owner));
        expense(trip, "Dinner", "90", List.of(owner, ann, bob), List.of(ann));
        expense(trip, "Taxi", "40", List.of(ann, bob), List.of(bob));
        expense(trip, "Museum", "50", List.of(owner, ann), List.of());
        mcp.ok(owner, "create_budget_item", args().add("tripId", trip).add("name", "Planning").add("total_price", 200));

        JsonObject s = summary(ann, trip); // any member may read it
        assertEquals(expect(o, "170", a, "-60", b, "-110"), balances(s));
        assertEquals(List.of(b + ">" + o + ":110.00", a + ">" + o + ":60.00"), flows(s));
        assertEquals("EUR", s.getString("currency"));
        assertEquals(0, s.getJsonArray("settlements").size());
        JsonObject balance = s.getJsonArray("balances").getJsonObject(0);
        assertEquals(owner.name(), balance.getString("username"));
        assertTrue(balance.isNull("avatar_url"));

        JsonObject first = mcp.ok(ann, "create_settlement", args().add("tripId", trip).add("from_user_id", a).add("to_user_id", o)
                .add("amount", new BigDecimal("25.5"))).getJsonObject("settlement");
        assertEquals(0, new BigDecimal("25.50").compareTo(first.getJsonNumber("amount").bigDecimalValue()));
        assertEquals(ann.name(), first.getString("from_username"));
        assertEquals(owner.name(), first.getString("to_username"));
        assertEquals(a, first.getJsonNumber("created_by_user_id").longValue());
        assertTrue(java.time.Instant.parse(first.getString("created_at")) != null, first.toString());
        s = summary(owner, trip);
        assertEquals(expect(o, "144.5", a, "-34.5", b, "-110"), balances(s));
        assertEquals(List.of(b + ">" + o + ":110.00", a + ">" + o + ":34.50"), flows(s));

        long second = id(mcp.ok(owner, "create_settlement", args().add("tripId", trip).add("from_user_id", b).add("to_user_id", o)
                .add("amount", 110)), "settlement");
        s = summary(owner, trip);
        assertEquals(expect(o, "34.5", a, "-34.5", b, "0"), balances(s));
        assertEquals(List.of(a + ">" + o + ":34.50"), flows(s));
        JsonArray listed = mcp.ok(bob, "list_settlements", args().add("tripId", trip)).getJsonArray("settlements");
        assertEquals(2, listed.size());
        assertEquals(second, listed.getJsonObject(0).getJsonNumber("id").longValue(), "newest first");

        JsonObject changed = mcp.ok(owner, "update_settlement", args().add("tripId", trip).add("settlementId", second)
                .add("from_user_id", b).add("to_user_id", o).add("amount", 120)).getJsonObject("settlement");
        assertEquals(0, new BigDecimal("120").compareTo(changed.getJsonNumber("amount").bigDecimalValue()));
        s = summary(owner, trip);
        assertEquals(expect(o, "24.5", a, "-34.5", b, "10"), balances(s));
        assertEquals(List.of(a + ">" + o + ":24.50", a + ">" + b + ":10.00"), flows(s));
        assertEquals(2, s.getJsonArray("settlements").size());
        // The budget/settlement resource is the same computation: the same balances and flows.
        String uri = "trek://trips/" + trip + "/budget/settlement";
        JsonObject resource = jakarta.json.Json.createReader(new java.io.StringReader(new org.trek.mcp.it.McpTestClient(
                mcp.server.baseUrl(), ann.token()).modern("resources/read", jakarta.json.Json.createObjectBuilder().add("uri", uri).build())
                .result().getJsonArray("contents").getJsonObject(0).getString("text"))).readObject();
        assertEquals(balances(s), balances(resource));
        assertEquals(flows(s), flows(resource));
        assertEquals(0, new BigDecimal("200").compareTo(resource.getJsonNumber("unsplit_total").bigDecimalValue()), "Planning: nobody shares it");

        assertTrue(mcp.ok(owner, "delete_settlement", args().add("tripId", trip).add("settlementId", second)).getBoolean("success"));
        assertEquals(List.of(b + ">" + o + ":110.00", a + ">" + o + ":34.50"), flows(summary(owner, trip)));
    }

    @Test
    void settlementRefusalsChangeNothing() {
        long trip = trip(owner, "Settle refusals", ann);
        long other = trip(owner, "Other trip", ann);
        long foreign = id(mcp.ok(owner, "create_settlement", args().add("tripId", other).add("from_user_id", ann.id())
                .add("to_user_id", owner.id()).add("amount", 7)), "settlement");
        long mine = id(mcp.ok(owner, "create_settlement", args().add("tripId", trip).add("from_user_id", ann.id())
                .add("to_user_id", owner.id()).add("amount", 9)), "settlement");

        assertEquals("User " + bob.id() + " is not a member of this trip.", error(owner, "create_settlement", args().add("tripId", trip)
                .add("from_user_id", bob.id()).add("to_user_id", owner.id()).add("amount", 5)));
        assertEquals("from_user_id and to_user_id must be different people.", error(owner, "create_settlement", args()
                .add("tripId", trip).add("from_user_id", ann.id()).add("to_user_id", ann.id()).add("amount", 5)));
        assertEquals("amount must be greater than 0.", error(owner, "create_settlement", args().add("tripId", trip)
                .add("from_user_id", ann.id()).add("to_user_id", owner.id()).add("amount", 0.001)));
        assertEquals("Settlement not found.", error(owner, "update_settlement", args().add("tripId", trip).add("settlementId", foreign)
                .add("from_user_id", ann.id()).add("to_user_id", owner.id()).add("amount", 1)));
        assertEquals("Settlement not found.", error(owner, "delete_settlement", args().add("tripId", trip).add("settlementId", foreign)));
        assertEquals("User " + bob.id() + " is not a member of this trip.", error(owner, "update_settlement", args().add("tripId", trip)
                .add("settlementId", mine).add("from_user_id", bob.id()).add("to_user_id", owner.id()).add("amount", 1)));
        assertEquals(TripException.NO_ACCESS, error(outsider, "list_settlements", args().add("tripId", trip)));
        assertEquals(TripException.NO_ACCESS, error(outsider, "get_settlement_summary", args().add("tripId", trip)));
        assertTrue(error(owner, "get_settlement_summary", args().add("tripId", trip).add("base", "USD")).contains("trip currency (EUR)"));
        assertNotNull(mcp.ok(owner, "get_settlement_summary", args().add("tripId", trip).add("base", "eur")));

        JsonArray left = mcp.ok(owner, "list_settlements", args().add("tripId", trip)).getJsonArray("settlements");
        assertEquals(1, left.size(), "nothing was added");
        assertEquals(0, new BigDecimal("9").compareTo(left.getJsonObject(0).getJsonNumber("amount").bigDecimalValue()), "nor changed");
        assertEquals(1, mcp.ok(owner, "list_settlements", args().add("tripId", other)).getJsonArray("settlements").size(),
                "the other trip's settlement is still there");
    }

    // ---------------------------------------------------------------- packing templates

    @Test
    void packingTemplatesAreListedAndDeletedByTheirOwner() {
        long trip = trip(owner, "Templates", ann);
        mcp.ok(owner, "create_packing_item", args().add("tripId", trip).add("name", "Sunscreen").add("category", "Beach"));
        mcp.ok(owner, "create_packing_item", args().add("tripId", trip).add("name", "Towel").add("category", "Beach"));
        long template = mcp.ok(owner, "save_packing_template", args().add("tripId", trip).add("templateName", "Beach day"))
                .getJsonNumber("templateId").longValue();

        JsonObject mine = mcp.ok(owner, "list_packing_templates", args().add("tripId", trip)).getJsonArray("templates").stream()
                .map(JsonValue::asJsonObject).filter(t -> t.getJsonNumber("id").longValue() == template).findFirst().orElseThrow();
        assertEquals("Beach day", mine.getString("name"));
        assertEquals(2, mine.getInt("item_count"));

        long outsiderTrip = trip(outsider, "Outsider's");
        assertFalse(mcp.ok(outsider, "list_packing_templates", args().add("tripId", outsiderTrip)).toString()
                .contains("\"id\":" + template + ","), "another user's saved list stays private");
        assertEquals(TripException.NO_ACCESS, error(outsider, "list_packing_templates", args().add("tripId", trip)));
        assertEquals("Template not found.", error(outsider, "delete_packing_template", args().add("templateId", template)));
        assertEquals("Template not found.", error(ann, "delete_packing_template", args().add("templateId", template)),
                "a trip member cannot delete the owner's template either");

        JsonObject deleted = mcp.ok(owner, "delete_packing_template", args().add("templateId", template));
        assertTrue(deleted.getBoolean("success"));
        assertEquals("Beach day", deleted.getString("name"));
        assertFalse(mcp.ok(owner, "list_packing_templates", args().add("tripId", trip)).toString().contains("\"id\":" + template + ","));
        assertEquals("Template not found.", error(owner, "delete_packing_template", args().add("templateId", template)));
        assertEquals("Template not found.", error(owner, "apply_packing_template", args().add("tripId", trip).add("templateId", template)));
    }

    // ---------------------------------------------------------------- bulk_update_places

    static JsonObject place(long trip, long placeId) {
        return mcp.ok(owner, "list_places", args().add("tripId", trip).add("limit", 200)).getJsonArray("places").stream()
                .map(JsonValue::asJsonObject).filter(p -> p.getJsonNumber("id").longValue() == placeId).findFirst().orElseThrow();
    }

    @Test
    void bulkUpdatePlacesChangesAllOrNothing() {
        long trip = trip(owner, "Bulk places", ann);
        long p1 = id(mcp.ok(owner, "create_place", args().add("tripId", trip).add("name", "One").add("notes", "first")), "place");
        long p2 = id(mcp.ok(owner, "create_place", args().add("tripId", trip).add("name", "Two")), "place");
        long p3 = id(mcp.ok(owner, "create_place", args().add("tripId", trip).add("name", "Three")), "place");
        long foreign = id(mcp.ok(outsider, "create_place", args().add("tripId", trip(outsider, "Elsewhere")).add("name", "Theirs")), "place");
        long category = mcp.ok(owner, "list_categories", args()).getJsonArray("categories").getJsonObject(0).getJsonNumber("id").longValue();

        JsonObject r = mcp.ok(ann, "bulk_update_places", args().add("tripId", trip).add("placeIds", ids(p1, p2))
                .add("category_id", category).add("transport_mode", "cycling").add("price", 12.5).add("currency", "chf")
                .add("duration_minutes", 90));
        assertEquals(2, r.getInt("count"));
        assertEquals(ids(p1, p2), r.getJsonArray("updatedIds"));
        assertEquals(0, r.getInt("skipped"));
        for (long p : List.of(p1, p2)) {
            JsonObject place = place(trip, p);
            assertEquals("cycling", place.getString("transport_mode"));
            assertEquals(category, place.getJsonNumber("category_id").longValue());
            assertEquals(90, place.getInt("duration_minutes"));
            assertEquals("CHF", place.getString("currency"));
        }
        assertEquals("first", place(trip, p1).getString("notes"), "fields not given stay");
        assertEquals("walking", place(trip, p3).getString("transport_mode"), "places not listed stay");

        assertEquals("Place " + foreign + " not found.", error(owner, "bulk_update_places", args().add("tripId", trip)
                .add("placeIds", ids(p1, foreign)).add("notes", "changed")));
        assertEquals("Category not found.", error(owner, "bulk_update_places", args().add("tripId", trip)
                .add("placeIds", ids(p1, p2)).add("category_id", 987654321).add("notes", "changed")));
        assertEquals("Provide at least one field to update.", error(owner, "bulk_update_places", args().add("tripId", trip)
                .add("placeIds", ids(p1))));
        assertEquals("first", place(trip, p1).getString("notes"), "a refused call changes nothing");
        assertTrue(place(trip, p2).isNull("notes"));
        assertEquals(TripException.NO_ACCESS, error(outsider, "bulk_update_places", args().add("tripId", trip)
                .add("placeIds", ids(p1)).add("notes", "x")));
        McpTestClient.Answer repeated = mcp.call(owner.token(), McpTripHarness.MODERN, "bulk_update_places", args().add("tripId", trip)
                .add("placeIds", ids(p1, p1)).add("notes", "x").build());
        assertEquals(-32602, repeated.error().getInt("code"), "repeated ids are malformed");
    }

    // ---------------------------------------------------------------- public transit

    @Test
    void transitStopsComeFromTheProvider() {
        JsonArray results = mcp.ok(outsider, "search_transit_stops", args().add("query", "Zürich HB").add("language", "de")
                .add("near", Json.createObjectBuilder().add("lat", 47.37).add("lng", 8.54))).getJsonArray("results");
        assertEquals(1, results.size(), "the entry without coordinates is left out: " + results);
        JsonObject hb = results.getJsonObject(0);
        assertEquals("Zürich HB", hb.getString("name"));
        assertEquals(TransitStub.HB_LNG, hb.getJsonNumber("lng").doubleValue());
        assertEquals("STOP", hb.getString("type"));
        assertEquals("Zürich", hb.getString("area"));
        assertEquals("Europe/Zurich", hb.getString("timezone"));
    }

    @Test
    void aFailingProviderIsAClearError() {
        assertEquals(TransitProvider.UNAVAILABLE, error(outsider, "search_transit_stops", args().add("query", "down")));
        assertEquals(TransitProvider.BUSY, error(outsider, "search_transit_stops", args().add("query", "busy")));
        assertEquals(TransitProvider.UNAVAILABLE, error(outsider, "search_transit_stops", args().add("query", "garbage")));
        assertEquals(TransitProvider.UNAVAILABLE, error(outsider, "search_transit_stops", args().add("query", "slow")));
        assertTrue(error(outsider, "search_transit_stops", args().add("query", "huge")).contains("too large"));
    }

    @Test
    void routesCanBeAddedToATripAsAJourney() {
        long trip = trip(owner, "Transit", ann);
        JsonArray days = mcp.ok(owner, "get_trip_summary", args().add("tripId", trip)).getJsonArray("days");
        long day2 = days.getJsonObject(1).getJsonNumber("id").longValue();
        long day3 = days.getJsonObject(2).getJsonNumber("id").longValue();

        JsonArray itineraries = mcp.ok(ann, "search_transit_routes", args().add("from", TransitStub.from()).add("to", TransitStub.to())
                .add("time", "2027-04-02T10:00:00+02:00").add("modes", Json.createArrayBuilder().add("RAIL").add("BUS"))
                .add("maxTransfers", 2)).getJsonArray("itineraries");
        assertEquals(1, itineraries.size(), "the itinerary ending elsewhere is dropped: " + itineraries);
        JsonObject it = itineraries.getJsonObject(0);
        JsonObject firstLeg = it.getJsonArray("legs").getJsonObject(0);
        assertEquals("Stadelhofen", firstLeg.getJsonObject("from").getString("name"), "START carries the caller's name");
        assertEquals("Bern", it.getJsonArray("legs").getJsonObject(1).getJsonObject("to").getString("name"));
        assertEquals("#EB0000", it.getJsonArray("legs").getJsonObject(1).getString("lineColor"));
        assertEquals(3720, it.getInt("duration"));

        JsonObject r = mcp.ok(ann, "create_transit_journey", args().add("tripId", trip).add("dayId", day2).add("from", TransitStub.from())
                .add("to", TransitStub.to()).add("itinerary", it).add("notes", "Seats in coach 7")).getJsonObject("reservation");
        assertEquals("transit", r.getString("type"));
        assertEquals("confirmed", r.getString("status"));
        assertEquals("Stadelhofen → Bern", r.getString("title"));
        assertEquals(day2, r.getJsonNumber("day_id").longValue());
        assertEquals(day2, r.getJsonNumber("end_day_id").longValue());
        assertEquals("2027-04-02T10:00", r.getString("reservation_time"), "08:00 UTC is 10:00 in Zurich in April");
        assertEquals("2027-04-02T11:02", r.getString("reservation_end_time"));
        JsonArray endpoints = r.getJsonArray("endpoints");
        assertEquals(List.of("from", "to"), endpoints.stream().map(e -> e.asJsonObject().getString("role")).toList());
        assertEquals("10:00", endpoints.getJsonObject(0).getString("local_time"));
        assertEquals("Europe/Zurich", endpoints.getJsonObject(1).getString("timezone"));
        assertEquals("11:02", endpoints.getJsonObject(1).getString("local_time"));
        JsonObject transit = r.getJsonObject("metadata").getJsonObject("transit");
        assertEquals(300, transit.getInt("walk_seconds"));
        assertEquals("IC 1", transit.getJsonArray("legs").getJsonObject(1).getString("line"));
        assertEquals("10:05", transit.getJsonArray("legs").getJsonObject(1).getJsonObject("from").getString("time"));

        int before = transits(trip);
        assertEquals("The journey departs on 2027-04-02, but dayId is 2027-04-03.", error(ann, "create_transit_journey", args()
                .add("tripId", trip).add("dayId", day3).add("from", TransitStub.from()).add("to", TransitStub.to()).add("itinerary", it)));
        long foreignDay = mcp.ok(outsider, "get_trip_summary", args().add("tripId", trip(outsider, "Theirs too")))
                .getJsonArray("days").getJsonObject(1).getJsonNumber("id").longValue();
        assertEquals("Day not found.", error(ann, "create_transit_journey", args().add("tripId", trip).add("dayId", foreignDay)
                .add("from", TransitStub.from()).add("to", TransitStub.to()).add("itinerary", it)));
        assertEquals("The itinerary does not match the requested origin and destination.", error(ann, "create_transit_journey",
                args().add("tripId", trip).add("dayId", day2).add("from", TransitStub.from().add("lat", 47.5)).add("to", TransitStub.to())
                        .add("itinerary", it)));
        JsonObject wrongDuration = Json.createObjectBuilder(it).add("legs", Json.createArrayBuilder(it.getJsonArray("legs"))
                .set(1, Json.createObjectBuilder(it.getJsonArray("legs").getJsonObject(1)).add("duration", 60))).build();
        assertTrue(error(ann, "create_transit_journey", args().add("tripId", trip).add("dayId", day2).add("from", TransitStub.from())
                .add("to", TransitStub.to()).add("itinerary", wrongDuration)).contains("leg duration does not match its times"));
        JsonObject overnight = TransitStub.itinerary("2027-04-03", 21); // 23:00 on the last day, arriving 00:02 the day after
        assertEquals("No trip day exists for the arrival date 2027-04-04.", error(ann, "create_transit_journey", args()
                .add("tripId", trip).add("dayId", day3).add("from", TransitStub.from()).add("to", TransitStub.to())
                .add("itinerary", overnight)));
        assertEquals(TripException.NO_ACCESS, error(outsider, "create_transit_journey", args().add("tripId", trip).add("dayId", day2)
                .add("from", TransitStub.from()).add("to", TransitStub.to()).add("itinerary", it)));
        assertEquals(before, transits(trip), "refused calls created nothing");
    }

    static int transits(long trip) {
        return (int) mcp.ok(owner, "get_trip_summary", args().add("tripId", trip)).getJsonArray("reservations").stream()
                .filter(r -> r.asJsonObject().getString("type").equals("transit")).count();
    }

    /** 60 route searches per user and 15 minutes (a window may roll over once during the test: at most 120 pass). */
    @Test
    void routeSearchesAreLimitedPerUser() {
        McpTripHarness.Account busy = mcp.newAccount("transit-busy");
        JsonObject arguments = args().add("from", TransitStub.from()).add("to", TransitStub.to())
                .add("time", "2027-04-02T10:00:00+02:00").build();
        int passed = 0;
        String refusal = null;
        for (int i = 0; i < 125 && refusal == null; i++) {
            JsonObject result = mcp.call(busy.token(), McpTripHarness.MODERN, "search_transit_routes", arguments).result();
            if (result.getBoolean("isError", false)) {
                refusal = result.getJsonArray("content").getJsonObject(0).getString("text");
            } else {
                passed++;
            }
        }
        assertEquals("Too many transit requests. Please try again later.", refusal);
        assertTrue(passed >= 60 && passed <= 120, "passed " + passed);
        assertNotNull(mcp.ok(outsider, "search_transit_routes", Json.createObjectBuilder(arguments)), "another user is not limited");
    }
}
