package org.trek.atlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.ToolTestSupport.args;
import static org.trek.trips.ToolTestSupport.fails;
import static org.trek.trips.ToolTestSupport.full;
import static org.trek.trips.ToolTestSupport.grant;
import static org.trek.trips.ToolTestSupport.ok;
import static org.trek.trips.ToolTestSupport.scopeGate;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.atlas.resources.AtlasResources;
import org.trek.atlas.tools.AtlasTools;
import org.trek.it.Deployments;
import org.trek.mcp.McpRegistry;
import org.trek.mcp.contract.OriginalShape;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.AddonService;
import org.trek.platform.auth.AccessGrant;
import org.trek.trips.ToolTestSupport;
import org.trek.trips.tools.PlaceTools;
import org.trek.trips.tools.TripTools;

/**
 * The atlas tools and resources in the container: bucket list, visited countries and regions (checked against the
 * bundled ISO 3166 data: an unknown code is an error that changes nothing), stats and places per country from the
 * trips a user can access (owner or member, never anyone else's), other users' data, the scope gates, the atlas addon
 * switch, the resources with their change announcements, and the shapes of the original's answers.
 */
@ExtendWith(ArquillianExtension.class)
class AtlasToolsIT {
    static final String ITEM_NOT_FOUND = "Bucket list item not found.";

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(AtlasToolsIT.class, AtlasChangeRecorder.class, ToolTestSupport.class, ToolTestSupport.TestCall.class,
                OriginalShape.class).addAsResource("org/trek/contract/original/_resources.json")
                .addAsResource("org/trek/contract/deviations.properties");
    }

    @Inject
    AtlasTools tools;

    @Inject
    AtlasResources resources;

    @Inject
    TripTools tripTools;

    @Inject
    PlaceTools placeTools;

    @Inject
    UserService users;

    @Inject
    AddonService addons;

    @Inject
    McpRegistry registry;

    @Inject
    AtlasChangeRecorder changes;

    User owner;
    User member;
    User other;

    @BeforeEach
    void seed() {
        addons.setEnabled(AddonId.ATLAS, true);
        owner = ToolTestSupport.newUser(users, "aowner");
        member = ToolTestSupport.newUser(users, "amember");
        other = ToolTestSupport.newUser(users, "aother");
    }

    @AfterEach
    void atlasOn() {
        addons.setEnabled(AddonId.ATLAS, true);
    }

    JsonObject call(User u, String tool, JsonObjectBuilder a) {
        return ok(tools, tool, full(u.getId()), a);
    }

    String refused(User u, String tool, JsonObjectBuilder a, String fragment) {
        return fails(tools, tool, full(u.getId()), a, fragment);
    }

    long trip(User u, String title, String start, String end) {
        JsonObjectBuilder a = args().add("title", title);
        if (start != null) {
            a.add("start_date", start).add("end_date", end);
        }
        return ok(tripTools, "create_trip", full(u.getId()), a).getJsonObject("trip").getJsonNumber("id").longValue();
    }

    long place(User u, long tripId, String name, String address, Double lat, Double lng) {
        JsonObjectBuilder a = args().add("tripId", tripId).add("name", name);
        if (address != null) {
            a.add("address", address);
        }
        if (lat != null) {
            a.add("lat", lat).add("lng", lng);
        }
        return ok(placeTools, "create_place", full(u.getId()), a).getJsonObject("place").getJsonNumber("id").longValue();
    }

    JsonValue resource(User u, String uri) {
        ResourceDefinition def = resources.resources().stream().filter(r -> uri.equals(r.uri())).findFirst().orElseThrow();
        return Json.createReader(new StringReader(def.reader().read(grant(u.getId(), "atlas:read"), uri, Map.of()).text())).readValue();
    }

    Set<String> codes(User u) {
        return resource(u, "trek://visited-countries").asJsonArray().stream().map(v -> v.asJsonObject().getString("country_code"))
                .collect(Collectors.toSet());
    }

    Set<String> regions(User u) {
        return call(u, "list_visited_regions", args()).getJsonArray("regions").stream()
                .map(v -> v.asJsonObject().getString("region_code")).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- bucket list

    @Test
    void bucketListCreateUpdateDeleteAndItsResource() {
        changes.clear();
        JsonObject item = call(owner, "create_bucket_list_item", args().add("name", "  Kyoto  ").add("country_code", "jp")
                .add("notes", "temples").add("lat", 35.0116).add("lng", 135.7681)).getJsonObject("item");
        long id = item.getJsonNumber("id").longValue();
        assertEquals("Kyoto", item.getString("name"));
        assertEquals("JP", item.getString("country_code"));
        assertEquals(owner.getId().longValue(), item.getJsonNumber("user_id").longValue());
        assertTrue(item.isNull("target_date"));
        assertTrue(item.getString("created_at").endsWith("Z"), "ISO 8601 UTC");
        assertTrue(changes.announced("trek://bucket-list", owner.getId()));

        JsonObject updated = call(owner, "update_bucket_list_item", args().add("itemId", id).add("notes", "gardens")
                .add("target_date", "2028-04-01").add("lat", 0)).getJsonObject("item");
        assertEquals("gardens", updated.getString("notes"));
        assertEquals("2028-04-01", updated.getString("target_date"));
        assertEquals(0.0, updated.getJsonNumber("lat").doubleValue(), "0 is a latitude, not a missing one");
        assertEquals("Kyoto", updated.getString("name"), "omitted stays");
        JsonObject cleared = call(owner, "update_bucket_list_item", args().add("itemId", id).addNull("notes").addNull("lat")
                .addNull("lng").addNull("country_code").addNull("target_date")).getJsonObject("item");
        for (String key : List.of("notes", "lat", "lng", "country_code", "target_date")) {
            assertTrue(cleared.isNull(key), key + " cleared: " + cleared);
        }
        call(owner, "create_bucket_list_item", args().add("name", "Patagonia"));

        JsonArray listed = resource(owner, "trek://bucket-list").asJsonArray();
        assertEquals(2, listed.size());
        assertEquals("Patagonia", listed.getJsonObject(0).getString("name"), "newest first");
        assertEquals(0, resource(other, "trek://bucket-list").asJsonArray().size(), "another user's list is their own");

        assertEquals(JsonValue.TRUE, call(owner, "delete_bucket_list_item", args().add("itemId", id)).get("success"));
        assertEquals(ITEM_NOT_FOUND, refused(owner, "delete_bucket_list_item", args().add("itemId", id), ITEM_NOT_FOUND));
        assertEquals(1, resource(owner, "trek://bucket-list").asJsonArray().size());
    }

    @Test
    void badBucketInputIsRefusedAndChangesNothing() {
        long id = call(owner, "create_bucket_list_item", args().add("name", "Lisbon").add("country_code", "PT"))
                .getJsonObject("item").getJsonNumber("id").longValue();
        refused(owner, "create_bucket_list_item", args().add("name", "Nowhere").add("country_code", "XX"), "ISO 3166-1");
        refused(owner, "create_bucket_list_item", args().add("name", "   "), "name must not be empty");
        refused(owner, "create_bucket_list_item", args().add("name", "Pole").add("lat", 91).add("lng", 0), "lat must be between");
        refused(owner, "create_bucket_list_item", args().add("name", "Edge").add("lat", 0).add("lng", -181), "lng must be between");
        refused(owner, "create_bucket_list_item", args().add("name", "Leap").add("target_date", "2027-02-29"), "target_date");
        refused(owner, "update_bucket_list_item", args().add("itemId", id).add("country_code", "ZZ"), "ISO 3166-1");
        refused(owner, "update_bucket_list_item", args().add("itemId", id).add("target_date", "2028-13-01"), "target_date");
        refused(owner, "update_bucket_list_item", args().add("itemId", id).add("name", " "), "name must not be empty");
        JsonArray list = resource(owner, "trek://bucket-list").asJsonArray();
        assertEquals(1, list.size(), "nothing was created");
        assertEquals("PT", list.getJsonObject(0).getString("country_code"), "nothing was changed");
        assertTrue(list.getJsonObject(0).isNull("target_date"));
    }

    @Test
    void anotherUsersBucketItemIsNotFoundAndStays() {
        long id = call(owner, "create_bucket_list_item", args().add("name", "Iceland")).getJsonObject("item").getJsonNumber("id")
                .longValue();
        assertEquals(ITEM_NOT_FOUND, refused(other, "update_bucket_list_item", args().add("itemId", id).add("name", "Mine"),
                ITEM_NOT_FOUND));
        assertEquals(ITEM_NOT_FOUND, refused(other, "delete_bucket_list_item", args().add("itemId", id), ITEM_NOT_FOUND));
        assertEquals(ITEM_NOT_FOUND, refused(owner, "update_bucket_list_item", args().add("itemId", 2147480000L).add("notes", "x"),
                ITEM_NOT_FOUND));
        assertEquals("Iceland", resource(owner, "trek://bucket-list").asJsonArray().getJsonObject(0).getString("name"));
    }

    // ---------------------------------------------------------------- countries and regions

    @Test
    void countriesAreIsoCodesAndMarkingIsIdempotent() {
        changes.clear();
        JsonObject fr = call(owner, "mark_country_visited", args().add("country_code", "fr"));
        assertEquals(JsonValue.TRUE, fr.get("success"));
        assertEquals("FR", fr.getString("country_code"));
        assertTrue(changes.announced("trek://visited-countries", owner.getId()));
        assertTrue(changes.announced("trek://atlas/stats", owner.getId()));
        call(owner, "mark_country_visited", args().add("country_code", "FR"));
        assertEquals(1, resource(owner, "trek://visited-countries").asJsonArray().size(), "marked once");

        refused(owner, "mark_country_visited", args().add("country_code", "XX"), "ISO 3166-1 alpha-2");
        refused(owner, "mark_country_visited", args().add("country_code", "UK"), "\"UK\" is not one");
        refused(owner, "unmark_country_visited", args().add("country_code", "QQ"), "ISO 3166-1 alpha-2");
        assertEquals(Set.of("FR"), codes(owner), "refused calls changed nothing");
        assertEquals(Set.of(), codes(other), "another user's countries are their own");

        JsonObject zw = call(owner, "unmark_country_visited", args().add("country_code", "zw"));
        assertEquals("ZW", zw.getString("country_code"), "not marked: no change, still success");
        call(owner, "mark_region_visited", args().add("regionCode", "FR-IDF"));
        call(owner, "unmark_country_visited", args().add("country_code", "FR"));
        assertEquals(Set.of(), codes(owner));
        assertEquals(Set.of(), regions(owner), "the country's regions go with it");
    }

    @Test
    void regionsAreIsoSubdivisionsAndCarryTheirCountry() {
        changes.clear();
        JsonObject region = call(owner, "mark_region_visited", args().add("regionCode", "us-ca").add("regionName", "California")
                .add("countryCode", "US")).getJsonObject("region");
        assertEquals("US-CA", region.getString("region_code"));
        assertEquals("California", region.getString("region_name"));
        assertEquals("US", region.getString("country_code"));
        assertTrue(changes.announced("trek://atlas/regions", owner.getId()));
        assertEquals(Set.of("US"), codes(owner), "the country is marked with its region");
        assertEquals("Bayern", call(owner, "mark_region_visited", args().add("regionCode", "DE-BY")).getJsonObject("region")
                .getString("region_name"), "the ISO name when none is given");

        refused(owner, "mark_region_visited", args().add("regionCode", "US-XX"), "ISO 3166-2");
        refused(owner, "mark_region_visited", args().add("regionCode", "US-NY").add("countryCode", "CA"), "is a region of US");
        refused(owner, "mark_region_visited", args().add("regionCode", "US-NY").add("countryCode", "XX"), "ISO 3166-1");
        refused(owner, "unmark_region_visited", args().add("regionCode", "ZZ-99"), "ISO 3166-2");
        assertEquals(Set.of("US-CA", "DE-BY"), regions(owner), "refused calls changed nothing");
        assertEquals(Set.of("US", "DE"), codes(owner));
        assertEquals(Set.of(), regions(other));

        // The last region of a country marked because of it takes the country along...
        call(owner, "unmark_region_visited", args().add("regionCode", "US-CA"));
        assertEquals(Set.of("DE"), codes(owner));
        // ...but a country marked by hand stays (the original dropped it).
        call(owner, "mark_country_visited", args().add("country_code", "DE"));
        assertEquals(JsonValue.TRUE, call(owner, "unmark_region_visited", args().add("regionCode", "DE-BY")).get("success"));
        assertEquals(Set.of("DE"), codes(owner));
        assertEquals(Set.of(), regions(owner));
        // Unmarking what is not marked changes nothing.
        call(owner, "unmark_region_visited", args().add("regionCode", "FR-IDF"));
        assertEquals(Set.of("DE"), codes(owner));
        // A region of a country marked by hand leaves the country marked by hand.
        call(owner, "mark_region_visited", args().add("regionCode", "DE-BE"));
        call(owner, "unmark_region_visited", args().add("regionCode", "DE-BE"));
        assertEquals(Set.of("DE"), codes(owner));
    }

    // ---------------------------------------------------------------- what the trips say

    @Test
    void statsAndCountryPlacesComeFromAccessibleTripsOnly() {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        long paris = trip(owner, "Paris", (year + 1) + "-06-01", (year + 1) + "-06-05");
        place(owner, paris, "Eiffel Tower", "Champ de Mars, Paris, France", 48.8584, 2.2945);
        place(owner, paris, "Montmartre", null, 48.8867, 2.3431);
        place(owner, paris, "Somewhere", "Unknown", null, null);
        long berlin = trip(member, "Berlin", (year - 1) + "-05-01", (year - 1) + "-05-03");
        place(member, berlin, "Brandenburger Tor", "Pariser Platz, 10117 Berlin, Germany", 52.5163, 13.3777);
        ok(tripTools, "add_trip_member", full(member.getId()), args().add("tripId", berlin).add("identifier", owner.getUsername()));
        long secret = trip(other, "Secret", (year + 1) + "-01-01", (year + 1) + "-01-02");
        place(other, secret, "Louvre", "Rue de Rivoli, Paris, France", 48.8606, 2.3376);
        call(owner, "mark_country_visited", args().add("country_code", "JP"));

        JsonObject stats = call(owner, "get_atlas_stats", args()).getJsonObject("stats");
        Map<String, JsonObject> byCode = stats.getJsonArray("countries").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("code"), c -> c));
        assertEquals(Set.of("FR", "DE", "JP"), byCode.keySet());
        assertEquals(2, byCode.get("FR").getInt("placeCount"), "not the other user's Louvre");
        assertEquals(1, byCode.get("FR").getInt("tripCount"));
        assertEquals((year + 1) + "-06-01", byCode.get("FR").getString("firstVisit"));
        assertEquals(1, byCode.get("DE").getInt("placeCount"), "a trip the owner is a member of counts");
        assertEquals(0, byCode.get("JP").getInt("placeCount"));
        assertTrue(byCode.get("JP").isNull("firstVisit"));
        JsonObject totals = stats.getJsonObject("stats");
        assertEquals(2, totals.getInt("totalTrips"));
        assertEquals(4, totals.getInt("totalPlaces"));
        assertEquals(3, totals.getInt("totalCountries"));
        assertEquals(5 + 3, totals.getInt("totalDays"));
        assertEquals(3, totals.getInt("totalCities"), "paris, berlin and the one-part address \"Unknown\" (the original's rule)");
        assertEquals("FR", stats.getJsonObject("mostVisited").getString("code"));
        assertEquals(2, stats.getJsonObject("continents").getInt("Europe"));
        assertEquals(1, stats.getJsonObject("continents").getInt("Asia"));
        assertEquals(berlin, stats.getJsonObject("lastTrip").getJsonNumber("id").longValue());
        assertEquals("DE", stats.getJsonObject("lastTrip").getString("countryCode"));
        assertEquals(paris, stats.getJsonObject("nextTrip").getJsonNumber("id").longValue());
        assertTrue(stats.getJsonObject("nextTrip").getInt("daysUntil") > 0);
        assertEquals(0, stats.getInt("streak"), "no trip starts this year");
        assertEquals(year - 1, stats.getInt("firstYear"));
        assertEquals(0, stats.getInt("tripsThisYear"));
        assertEquals(stats, resource(owner, "trek://atlas/stats"), "the resource is the tool's stats");

        JsonObject fr = call(owner, "get_country_atlas_places", args().add("countryCode", "fr"));
        assertEquals(List.of("Eiffel Tower", "Montmartre"), fr.getJsonArray("places").stream()
                .map(p -> p.asJsonObject().getString("name")).toList());
        assertEquals(List.of(paris), fr.getJsonArray("trips").stream().map(t -> t.asJsonObject().getJsonNumber("id").longValue()).toList());
        assertFalse(fr.getBoolean("manually_marked"));
        assertTrue(call(owner, "get_country_atlas_places", args().add("countryCode", "JP")).getBoolean("manually_marked"));
        JsonObject strangers = call(other, "get_country_atlas_places", args().add("countryCode", "FR"));
        assertEquals(List.of("Louvre"), strangers.getJsonArray("places").stream().map(p -> p.asJsonObject().getString("name")).toList(),
                "the other user sees only their own trip");
        assertEquals(0, call(other, "get_country_atlas_places", args().add("countryCode", "DE")).getJsonArray("places").size());
        refused(owner, "get_country_atlas_places", args().add("countryCode", "XX"), "ISO 3166-1");

        // A user without trips: the same shape, zeros and nulls.
        JsonObject empty = call(ToolTestSupport.newUser(users, "aempty"), "get_atlas_stats", args()).getJsonObject("stats");
        assertEquals(0, empty.getJsonArray("countries").size());
        assertEquals(0, empty.getJsonObject("stats").getInt("totalCities"));
        assertTrue(empty.isNull("mostVisited"));
        assertTrue(empty.isNull("nextTrip"));
        assertTrue(empty.isNull("firstYear"));
    }

    // ---------------------------------------------------------------- gates

    @Test
    void scopeGates() {
        JsonObjectBuilder none = args();
        for (String tool : List.of("get_atlas_stats", "list_visited_regions")) {
            scopeGate(tools, tool, owner.getId(), args());
            assertEquals("atlas:read", ToolTestSupport.tool(tools, tool).requiredScope());
        }
        scopeGate(tools, "get_country_atlas_places", owner.getId(), args().add("countryCode", "FR"));
        AccessGrant readOnly = grant(owner.getId(), "atlas:read");
        fails(tools, "mark_country_visited", readOnly, args().add("country_code", "FR"), "Insufficient scope");
        fails(tools, "create_bucket_list_item", readOnly, args().add("name", "No"), "Insufficient scope");
        scopeGate(tools, "mark_region_visited", owner.getId(), args().add("regionCode", "US-CA"));
        scopeGate(tools, "update_bucket_list_item", owner.getId(), args().add("itemId", 1).add("name", "x"));
        assertEquals(Set.of(), codes(owner), "refused calls changed nothing");
        assertEquals(0, resource(owner, "trek://bucket-list").asJsonArray().size());
        // atlas:write implies atlas:read.
        assertNotNull(ok(tools, "get_atlas_stats", grant(owner.getId(), "atlas:write"), none));
        for (var def : resources.resources()) {
            assertEquals("atlas:read", def.requiredScope());
            assertEquals("atlas", def.addon());
            assertThrows(ResourceNotFoundException.class, () -> def.reader().read(grant(owner.getId(), "trips:read"), def.uri(), Map.of()));
        }
    }

    @Test
    void theAddonSwitchHidesAndRefusesEverythingAndKeepsTheData() {
        call(owner, "mark_country_visited", args().add("country_code", "PT"));
        call(owner, "create_bucket_list_item", args().add("name", "Azores"));
        AccessGrant g = full(owner.getId());
        Set<String> atlasTools = tools.tools().stream().map(t -> t.name()).collect(Collectors.toSet());
        assertEquals(10, atlasTools.size());
        Set<String> uris = Set.of("trek://bucket-list", "trek://visited-countries", "trek://atlas/stats", "trek://atlas/regions");
        assertTrue(visibleTools(g).containsAll(atlasTools));
        assertTrue(visibleResources(g).containsAll(uris));

        addons.setEnabled(AddonId.ATLAS, false);
        registry.forgetAddonStates();
        Set<String> off = visibleTools(g);
        assertTrue(atlasTools.stream().noneMatch(off::contains), "no atlas tool in tools/list: " + off);
        assertTrue(uris.stream().noneMatch(visibleResources(g)::contains), "no atlas resource in resources/list");
        for (String tool : atlasTools) {
            fails(tools, tool, g, args().add("country_code", "PT").add("countryCode", "PT").add("regionCode", "US-CA")
                    .add("itemId", 1).add("name", "x"), "The atlas addon is disabled on this server.");
        }
        for (var def : resources.resources()) {
            assertThrows(ResourceNotFoundException.class, () -> def.reader().read(g, def.uri(), Map.of()));
        }

        addons.setEnabled(AddonId.ATLAS, true);
        registry.forgetAddonStates();
        assertTrue(visibleTools(g).containsAll(atlasTools));
        assertTrue(visibleResources(g).containsAll(uris));
        assertEquals(Set.of("PT"), codes(owner), "the data is intact");
        assertEquals("Azores", resource(owner, "trek://bucket-list").asJsonArray().getJsonObject(0).getString("name"));
    }

    Set<String> visibleTools(AccessGrant g) {
        return registry.tools(g).stream().map(t -> t.definition().name()).collect(Collectors.toSet());
    }

    Set<String> visibleResources(AccessGrant g) {
        return registry.resources(g).stream().map(r -> r.definition().uri()).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- the original's shapes

    @Test
    void resourcesKeepTheOriginalsShape() {
        long t = trip(owner, "Shapes", "2030-05-01", "2030-05-02");
        place(owner, t, "Eiffel Tower", "Champ de Mars, Paris", 48.8584, 2.2945);
        call(owner, "mark_country_visited", args().add("country_code", "FR"));
        call(owner, "create_bucket_list_item", args().add("name", "Kyoto").add("target_date", "2028-04-01"));
        call(owner, "mark_region_visited", args().add("regionCode", "US-CA"));
        Map<String, JsonValue> recorded = OriginalShape.resourceAnswers();
        int compared = 0;
        for (String uri : List.of("trek://bucket-list", "trek://visited-countries", "trek://atlas/stats", "trek://atlas/regions")) {
            JsonValue original = recorded.get(uri);
            if (original == null) {
                continue;
            }
            compared++;
            JsonValue mine = resource(owner, uri);
            List<String> differences = OriginalShape.differences(original, mine, OriginalShape.deviations(uri));
            assertTrue(differences.isEmpty(), () -> uri + " differs from the original:\n  " + String.join("\n  ", differences)
                    + "\nours: " + mine);
        }
        assertTrue(compared >= 2, "the transcripts hold the atlas resources");
        // The regions resource is list_visited_regions' list.
        assertEquals(call(owner, "list_visited_regions", args()).getJsonArray("regions"), resource(owner, "trek://atlas/regions"));
    }
}
