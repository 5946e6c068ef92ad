package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.trek.mcp.it.McpTestClient;
import org.trek.trips.resources.TripResources;

/**
 * The trip resources and prompts through /mcp, on the legacy 2025-11-25 session wire and the stateless 2026-07-28
 * wire (every message validated against that revision's schema by McpTestClient): listing, reading every template
 * on a real trip, another user's trip as the revision's resource error (-32002 before 2026-07-28, -32602 on it), the
 * scope gate, and the three prompts with checked figures.
 */
class TripResourcesAndPromptsIT {
    static final List<String> WIRES = List.of(McpTripHarness.LEGACY, McpTripHarness.MODERN);
    static final Set<String> TEMPLATES = Set.of("trek://trips/{tripId}", "trek://trips/{tripId}/days",
            "trek://trips/{tripId}/days/{dayId}/notes", "trek://trips/{tripId}/accommodations", "trek://trips/{tripId}/members",
            "trek://trips/{tripId}/places", "trek://trips/{tripId}/reservations", "trek://trips/{tripId}/budget",
            "trek://trips/{tripId}/budget/per-person", "trek://trips/{tripId}/budget/settlement", "trek://trips/{tripId}/packing",
            "trek://trips/{tripId}/packing/bags", "trek://trips/{tripId}/todos");

    static McpTripHarness mcp;
    static McpTripHarness.Account owner;
    static McpTripHarness.Account member;
    static McpTripHarness.Account outsider;
    static long tripId;
    static long dayId;

    @BeforeAll
    static void makeTheTrip() {
        mcp = new McpTripHarness();
        owner = mcp.newAccount("resowner");
        member = mcp.newAccount("resmember");
        outsider = mcp.newAccount("resoutsider");
        tripId = McpTripHarness.id(mcp.ok(owner, "create_trip", Json.createObjectBuilder().add("title", "Lisbon")
                .add("start_date", "2027-06-01").add("end_date", "2027-06-03").add("currency", "EUR")), "trip");
        mcp.ok(owner, "add_trip_member", trip().add("identifier", member.name()));
        dayId = mcp.ok(owner, "get_trip_summary", trip()).getJsonArray("days").getJsonObject(0).getJsonNumber("id").longValue();
        mcp.ok(owner, "create_day_note", trip().add("dayId", dayId).add("text", "Tram 28 early"));
        mcp.ok(owner, "create_place", trip().add("name", "Belém Tower").add("lat", 38.6916).add("lng", -9.216));
        mcp.ok(owner, "create_budget_item_with_members", trip().add("name", "Hotel").add("category", "Lodging")
                .add("total_price", 300).add("userIds", Json.createArrayBuilder().add(owner.id()).add(member.id())));
        mcp.ok(owner, "create_budget_item", trip().add("name", "Museum").add("category", "Culture").add("total_price", 24.5));
        long passport = McpTripHarness.id(mcp.ok(owner, "create_packing_item", trip().add("name", "Passport").add("category", "Documents")), "item");
        mcp.ok(owner, "toggle_packing_item", trip().add("itemId", passport).add("checked", true));
        mcp.ok(owner, "create_packing_item", trip().add("name", "Sunscreen").add("category", "Toiletries"));
        mcp.ok(owner, "create_todo", trip().add("name", "Book the tram tour"));
    }

    static jakarta.json.JsonObjectBuilder trip() {
        return Json.createObjectBuilder().add("tripId", tripId);
    }

    static McpTestClient.Answer request(McpTripHarness.Account a, String wire, String method, JsonObject params) {
        return McpTripHarness.MODERN.equals(wire) ? new McpTestClient(mcp.server.baseUrl(), a.token()).modern(method, params)
                : mcp.session(a.token()).legacy(method, params);
    }

    static String expand(String template) {
        return template.replace("{tripId}", String.valueOf(tripId)).replace("{dayId}", String.valueOf(dayId));
    }

    static JsonObject read(McpTripHarness.Account a, String wire, String uri) {
        return request(a, wire, "resources/read", Json.createObjectBuilder().add("uri", uri).build()).result();
    }

    /** The JSON of a resource: an object or, as the original answers its lists, a bare array. */
    static JsonValue json(JsonObject readResult) {
        JsonObject contents = readResult.getJsonArray("contents").getJsonObject(0);
        assertEquals("application/json", contents.getString("mimeType"));
        return Json.createReader(new StringReader(contents.getString("text"))).readValue();
    }

    @Test
    void listsShowEveryTemplateAndTheFixedResourcesOnBothWires() {
        for (String wire : WIRES) {
            JsonArray templates = request(owner, wire, "resources/templates/list", JsonValue.EMPTY_JSON_OBJECT).result()
                    .getJsonArray("resourceTemplates");
            Set<String> listed = templates.stream().map(t -> t.asJsonObject().getString("uriTemplate")).collect(Collectors.toSet());
            assertTrue(listed.containsAll(TEMPLATES), wire + ": " + new TreeSet<>(listed));
            Set<String> fixed = request(owner, wire, "resources/list", JsonValue.EMPTY_JSON_OBJECT).result().getJsonArray("resources")
                    .stream().map(r -> r.asJsonObject().getString("uri")).collect(Collectors.toSet());
            assertTrue(fixed.containsAll(Set.of("trek://trips", "trek://categories")), wire + ": " + fixed);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTemplateReadsOnBothWiresAndAnotherUsersTripIsAResourceError() {
        return TEMPLATES.stream().sorted().flatMap(template -> WIRES.stream().map(wire -> DynamicTest.dynamicTest(template + " on " + wire, () -> {
            String uri = expand(template);
            JsonObject result = read(owner, wire, uri);
            assertEquals(uri, result.getJsonArray("contents").getJsonObject(0).getString("uri"));
            JsonValue body = Json.createReader(new StringReader(result.getJsonArray("contents").getJsonObject(0).getString("text"))).readValue();
            // Objects carry data; lists are the original's bare arrays (some empty on this fixture).
            assertTrue(body.getValueType() == JsonValue.ValueType.OBJECT ? !body.asJsonObject().isEmpty()
                    : body.getValueType() == JsonValue.ValueType.ARRAY, uri);
            assertFalse(read(member, wire, uri).getJsonArray("contents").isEmpty(), "a member reads it too");
            McpTestClient.Answer stranger = request(outsider, wire, "resources/read", Json.createObjectBuilder().add("uri", uri).build());
            assertEquals(McpTripHarness.MODERN.equals(wire) ? -32602 : -32002, stranger.error().getInt("code"), uri);
            assertFalse(stranger.response().body().contains("Lisbon"), "nothing of the trip leaks");
        })));
    }

    @Test
    void resourcesCarryTheTripsData() {
        for (String wire : WIRES) {
            JsonObject trip = json(read(owner, wire, "trek://trips/" + tripId)).asJsonObject();
            assertEquals("Lisbon", trip.getString("title"), "the original's trip object, not wrapped");
            assertEquals(2, trip.getInt("member_count"));
            assertEquals(1, trip.getInt("is_owner"));
            assertTrue(read(owner, wire, "trek://trips/" + tripId + "/places").toString().contains("Belém Tower"));
            // the advertised ?assignment= views of the places resource
            String places = "trek://trips/" + tripId + "/places";
            JsonObject all = read(owner, wire, places + "?assignment=all");
            assertEquals(places + "?assignment=all", all.getJsonArray("contents").getJsonObject(0).getString("uri"));
            assertTrue(all.toString().contains("Belém Tower"), all.toString());
            String split = read(owner, wire, places + "?assignment=assigned").toString()
                    + read(owner, wire, places + "?assignment=unassigned").toString();
            assertTrue(split.contains("Belém Tower"), "assigned or unassigned: " + split);
            McpTestClient.Answer bogus = request(owner, wire, "resources/read",
                    Json.createObjectBuilder().add("uri", places + "?assignment=bogus").build());
            assertEquals(McpTripHarness.MODERN.equals(wire) ? -32602 : -32002, bogus.error().getInt("code"));
            assertTrue(read(owner, wire, "trek://trips/" + tripId + "/days/" + dayId + "/notes").toString().contains("Tram 28 early"));
            String perPerson = read(owner, wire, "trek://trips/" + tripId + "/budget/per-person").toString();
            assertTrue(perPerson.contains(owner.name()) && perPerson.contains(member.name()), perPerson);
            assertTrue(json(read(member, wire, "trek://trips")).toString().contains("Lisbon"), "the member's trip list");
            assertFalse(json(read(outsider, wire, "trek://trips")).toString().contains("Lisbon"), "not the outsider's");
        }
    }

    @Test
    void theScopeGateHidesAndRefusesBudgetResources() {
        String token = mcp.token(owner, McpTripHarness.allBut("budget:read"));
        McpTripHarness.Account narrow = new McpTripHarness.Account(owner.name(), owner.id(), token);
        for (String wire : WIRES) {
            Set<String> listed = request(narrow, wire, "resources/templates/list", JsonValue.EMPTY_JSON_OBJECT).result()
                    .getJsonArray("resourceTemplates").stream().map(t -> t.asJsonObject().getString("uriTemplate")).collect(Collectors.toSet());
            assertFalse(listed.stream().anyMatch(t -> t.contains("/budget")), wire + ": " + listed);
            assertTrue(listed.contains("trek://trips/{tripId}/places"));
            McpTestClient.Answer refused = request(narrow, wire, "resources/read",
                    Json.createObjectBuilder().add("uri", "trek://trips/" + tripId + "/budget").build());
            assertTrue(refused.last().containsKey("error") || refused.status() == 403, wire + ": " + refused.response().body());
            assertFalse(refused.response().body().contains("Hotel"), "no budget data without budget:read");
        }
    }

    @Test
    void promptsGiveCheckedFiguresOnBothWires() {
        for (String wire : WIRES) {
            Set<String> names = request(owner, wire, "prompts/list", JsonValue.EMPTY_JSON_OBJECT).result().getJsonArray("prompts")
                    .stream().map(p -> p.asJsonObject().getString("name")).collect(Collectors.toSet());
            assertTrue(names.containsAll(Set.of("trip-summary", "packing-list", "budget-overview")), wire + ": " + names);
            assertFalse(names.contains("token_auth_notice"), "only static-token sessions get the notice");

            String summary = prompt(owner, wire, "trip-summary");
            assertTrue(summary.contains("Trip: Lisbon") && summary.contains("Dates: 2027-06-01 to 2027-06-03"), summary);
            assertTrue(summary.contains("Members (2): " + owner.name() + ", " + member.name()), summary);
            assertTrue(summary.contains("Days: 3") && summary.contains("Packing: 1 of 2 packed"), summary);
            assertTrue(summary.contains("Budget total: 324.50 EUR"), summary);

            String packing = prompt(member, wire, "packing-list");
            assertTrue(packing.contains("# Packing List: Lisbon") && packing.contains("## Documents\n- [x] Passport")
                    && packing.contains("## Toiletries\n- [ ] Sunscreen") && packing.contains("2 items in 2 categories, 1 packed."), packing);

            String budget = prompt(owner, wire, "budget-overview");
            assertTrue(budget.contains("Total: 324.50 EUR") && budget.contains("Per person (2 people): 162.25 EUR"), budget);
            assertTrue(budget.contains("- Lodging: 300.00 EUR") && budget.contains("- Culture: 24.50 EUR"), budget);
        }
    }

    @Test
    void promptsRefuseAnotherUsersTripAndAMissingScope() {
        String token = mcp.token(owner, McpTripHarness.allBut("budget:read"));
        McpTripHarness.Account narrow = new McpTripHarness.Account(owner.name(), owner.id(), token);
        for (String wire : WIRES) {
            for (String name : List.of("trip-summary", "packing-list", "budget-overview")) {
                McpTestClient.Answer a = request(outsider, wire, "prompts/get", promptParams(name));
                assertEquals(-32602, a.error().getInt("code"), name + " on " + wire);
                assertFalse(a.response().body().contains("Lisbon"), "nothing of the trip leaks");
            }
            McpTestClient.Answer noScope = request(narrow, wire, "prompts/get", promptParams("budget-overview"));
            assertTrue(noScope.last().containsKey("error") || noScope.status() == 403, noScope.response().body());
            assertFalse(noScope.response().body().contains("324.50"));
            McpTestClient.Answer badArg = request(owner, wire, "prompts/get", Json.createObjectBuilder().add("name", "trip-summary")
                    .add("arguments", Json.createObjectBuilder().add("tripId", "seven")).build());
            assertEquals(-32602, badArg.error().getInt("code"));
        }
    }

    static JsonObject promptParams(String name) {
        return Json.createObjectBuilder().add("name", name)
                .add("arguments", Json.createObjectBuilder().add("tripId", String.valueOf(tripId))).build();
    }

    static String prompt(McpTripHarness.Account a, String wire, String name) {
        JsonObject result = request(a, wire, "prompts/get", promptParams(name)).result();
        return result.getJsonArray("messages").getJsonObject(0).getJsonObject("content").getString("text");
    }

    /** A list longer than the cap: 200 items, and the contents' _meta says it was cut; a short one has no _meta. */
    @Test
    void aListCutAtItsCapSaysSoInMeta() {
        long big = mcp.ok(owner, "create_trip", Json.createObjectBuilder().add("title", "Many things")).getJsonObject("trip")
                .getJsonNumber("id").longValue();
        jakarta.json.JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < TripResources.CAP + 1; i++) {
            items.add(Json.createObjectBuilder().add("name", "Thing " + i));
        }
        mcp.ok(owner, "bulk_import_packing", Json.createObjectBuilder().add("tripId", big).add("items", items));
        for (String wire : WIRES) {
            JsonObject contents = read(owner, wire, "trek://trips/" + big + "/packing").getJsonArray("contents").getJsonObject(0);
            assertEquals(TripResources.CAP, Json.createReader(new StringReader(contents.getString("text"))).readArray().size());
            assertTrue(contents.getJsonObject("_meta").getBoolean("trek/truncated"), contents.toString());
            JsonObject small = read(owner, wire, "trek://trips/" + tripId + "/packing").getJsonArray("contents").getJsonObject(0);
            assertFalse(small.containsKey("_meta"), small.toString());
        }
    }

    @Test
    void categoriesNeedNoTrip() {
        for (String wire : WIRES) {
            JsonArray categories = json(read(outsider, wire, "trek://categories")).asJsonArray();
            assertEquals(10, categories.size(), "the original's ten shipped categories");
            assertTrue(categories.toString().contains("\"icon\":\"🏨\""), categories.toString());
        }
    }
}
