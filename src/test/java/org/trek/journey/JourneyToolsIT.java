package org.trek.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.ToolTestSupport.args;
import static org.trek.trips.ToolTestSupport.fails;
import static org.trek.trips.ToolTestSupport.full;
import static org.trek.trips.ToolTestSupport.grant;
import static org.trek.trips.ToolTestSupport.invalidParams;
import static org.trek.trips.ToolTestSupport.ok;
import static org.trek.trips.ToolTestSupport.scopeGate;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
import org.trek.admin.AddonSwitches;
import org.trek.audit.Actor;
import org.trek.it.Deployments;
import org.trek.journey.resources.JourneyResources;
import org.trek.journey.tools.JourneyTools;
import org.trek.mcp.McpRegistry;
import org.trek.mcp.registry.ResourceChanged;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.platform.auth.AccessGrant;
import org.trek.trips.ToolTestSupport;
import org.trek.trips.tools.PlaceTools;
import org.trek.trips.tools.TripTools;

/**
 * The 22 journey tools and the four journey resources in the container: a journey built on a trip (skeletons from its
 * planned places), entries written, reordered, reverted and deleted, contributors with their roles, the public link,
 * suggestions; trips the caller cannot open are refused (reference §9.1 4), another user can neither read nor change
 * anything, the scope gates (journey:share alone reads nothing) and the addon switch (off: gone and refused; on again:
 * back with the data intact); resource changes reach every contributor.
 */
@ExtendWith(ArquillianExtension.class)
class JourneyToolsIT {
    static final String NO_ACCESS = JourneyException.NO_ACCESS;
    static final String ENTRY_NO_ACCESS = JourneyException.ENTRY_NO_ACCESS;
    static final String TRIP_NO_ACCESS = ToolTestSupport.NO_ACCESS;

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(JourneyToolsIT.class, JourneyEvents.class, ToolTestSupport.class, ToolTestSupport.TestCall.class);
    }

    @Inject
    JourneyTools tools;

    @Inject
    JourneyResources resources;

    @Inject
    JourneyEvents events;

    @Inject
    TripTools tripTools;

    @Inject
    PlaceTools placeTools;

    @Inject
    UserService users;

    @Inject
    AddonSwitches switches;

    @Inject
    McpRegistry registry;

    @Inject
    JourneyInstructions instructions;

    User owner;
    User editor;
    User viewer;
    User other;
    /** The owner's trip with three planned places (day 1: two, day 2: one) and one unplanned place. */
    long tripId;
    long[] places = new long[4];

    @BeforeEach
    void seed() {
        switches.setEnabled(Actor.system(), "journey", true);
        owner = ToolTestSupport.newUser(users, "jowner");
        editor = ToolTestSupport.newUser(users, "jeditor");
        viewer = ToolTestSupport.newUser(users, "jviewer");
        other = ToolTestSupport.newUser(users, "jother");
        tripId = trip(owner, "Lisbon", "2027-06-01", "2027-06-03");
        long[] days = days(owner, tripId);
        places[0] = plan(owner, tripId, days[0], "Alfama", "Rua de São Miguel", 38.7115, -9.1300);
        places[1] = plan(owner, tripId, days[0], "Tram 28", null, null, null);
        places[2] = plan(owner, tripId, days[1], "Belém Tower", "Av. Brasília", 38.6916, -9.2160);
        places[3] = ok(placeTools, "create_place", full(owner.getId()), args().add("tripId", tripId).add("name", "Someday"))
                .getJsonObject("place").getJsonNumber("id").longValue();
        events.clear();
    }

    @AfterEach
    void journeyAddonBackOn() {
        switches.setEnabled(Actor.system(), "journey", true);
    }

    // ---------------------------------------------------------------- helpers

    long trip(User u, String title, String start, String end) {
        JsonObjectBuilder a = args().add("title", title);
        if (start != null) {
            a.add("start_date", start).add("end_date", end);
        }
        return ok(tripTools, "create_trip", full(u.getId()), a).getJsonObject("trip").getJsonNumber("id").longValue();
    }

    long[] days(User u, long trip) {
        JsonArray rows = ok(tripTools, "get_trip_summary", full(u.getId()), args().add("tripId", trip)).getJsonArray("days");
        long[] out = new long[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.getJsonObject(i).getJsonNumber("id").longValue();
        }
        return out;
    }

    long plan(User u, long trip, long day, String name, String address, Double lat, Double lng) {
        JsonObjectBuilder a = args().add("tripId", trip).add("dayId", day).add("name", name);
        if (address != null) {
            a.add("address", address);
        }
        if (lat != null) {
            a.add("lat", lat).add("lng", lng);
        }
        return ok(placeTools, "create_and_assign_place", full(u.getId()), a).getJsonObject("place").getJsonNumber("id").longValue();
    }

    static AccessGrant rw(User u) {
        return grant(u.getId(), "journey:read", "journey:write", "journey:share");
    }

    JsonObject call(User u, String tool, JsonObjectBuilder a) {
        return ok(tools, tool, rw(u), a);
    }

    String refused(User u, String tool, JsonObjectBuilder a, String fragment) {
        return fails(tools, tool, rw(u), a, fragment);
    }

    long journey(User u, String title, long... tripIds) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (long t : tripIds) {
            ids.add(t);
        }
        return call(u, "create_journey", args().add("title", title).add("trip_ids", ids)).getJsonObject("journey")
                .getJsonNumber("id").longValue();
    }

    JsonObjectBuilder j(long journeyId) {
        return args().add("journeyId", journeyId);
    }

    JsonArray entries(User u, long journeyId) {
        return call(u, "list_journey_entries", j(journeyId)).getJsonArray("entries");
    }

    static List<JsonObject> ofType(JsonArray entries, String type) {
        return entries.stream().map(JsonValue::asJsonObject).filter(e -> type.equals(e.getString("type"))).toList();
    }

    static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    long entry(User u, long journeyId, String date, String title) {
        return id(call(u, "create_journey_entry", j(journeyId).add("entry_date", date).add("title", title)).getJsonObject("entry"));
    }

    void contributor(long journeyId, User who, String role) {
        call(owner, "add_journey_contributor", j(journeyId).add("targetUserId", who.getId()).add("role", role));
    }

    List<Long> journeyIds(User u) {
        return call(u, "list_journeys", args()).getJsonArray("journeys").stream().map(v -> id(v.asJsonObject())).toList();
    }

    String read(User u, String uri) {
        return read(rw(u), uri);
    }

    String read(AccessGrant g, String uri) {
        var entry = registry.resolve(uri).orElseThrow(() -> new AssertionError("no resource " + uri));
        ResourceDefinition def = entry.getKey().definition();
        return def.reader().read(g, uri, entry.getValue()).text();
    }

    static JsonValue parse(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    // ---------------------------------------------------------------- a journey built on a trip

    @Test
    void aJourneyOnATripGetsOneSkeletonPerPlannedPlace() {
        JsonObject created = call(owner, "create_journey", args().add("title", "Portugal").add("subtitle", "Spring")
                .add("trip_ids", Json.createArrayBuilder().add(tripId))).getJsonObject("journey");
        long jid = id(created);
        assertEquals("active", created.getString("status"));
        assertEquals("owner", created.getString("my_role"));
        assertEquals(owner.getId().longValue(), created.getJsonNumber("user_id").longValue());
        assertTrue(created.getString("created_at").endsWith("Z"), "ISO 8601 UTC: " + created);
        // Three planned places → three skeletons, by day and position; the unplanned place none.
        JsonArray list = created.getJsonArray("entries");
        assertEquals(3, list.size(), list.toString());
        assertEquals(List.of("Alfama", "Tram 28", "Belém Tower"), list.stream().map(e -> e.asJsonObject().getString("title")).toList());
        JsonObject alfama = list.getJsonObject(0);
        assertEquals("skeleton", alfama.getString("type"));
        assertEquals("2027-06-01", alfama.getString("entry_date"));
        assertEquals(0, alfama.getInt("sort_order"));
        assertEquals(1, list.getJsonObject(1).getInt("sort_order"));
        assertEquals("Rua de São Miguel", alfama.getString("location_name"));
        assertEquals("Tram 28", list.getJsonObject(1).getString("location_name"), "no address: the name");
        assertEquals(38.7115, alfama.getJsonNumber("location_lat").doubleValue(), 1e-9);
        assertEquals(tripId, alfama.getJsonNumber("source_trip_id").longValue());
        assertEquals(places[0], alfama.getJsonNumber("source_place_id").longValue());
        assertEquals("Lisbon", alfama.getString("source_trip_name"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, alfama.getJsonArray("tags"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, alfama.getJsonArray("photos"));
        assertEquals("2027-06-02", list.getJsonObject(2).getString("entry_date"));
        JsonObject linked = created.getJsonArray("trips").getJsonObject(0);
        assertEquals(tripId, linked.getJsonNumber("trip_id").longValue());
        assertEquals("Lisbon", linked.getString("title"));
        assertEquals(4, linked.getInt("place_count"), "the trip's places");
        assertEquals(Map.of("entries", 0, "photos", 0, "places", 3), created.getJsonObject("stats").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((jakarta.json.JsonNumber) e.getValue()).intValue())));
        assertEquals("owner", created.getJsonArray("contributors").getJsonObject(0).getString("role"));

        // Linking again adds only places planned since.
        long[] days = days(owner, tripId);
        plan(owner, tripId, days[2], "Sintra", null, null, null);
        call(owner, "add_journey_trip", j(jid).add("tripId", tripId));
        JsonArray after = entries(owner, jid);
        assertEquals(4, after.size());
        assertEquals("Sintra", after.getJsonObject(3).getString("title"));
        assertEquals(1, call(owner, "get_journey", j(jid)).getJsonObject("journey").getJsonArray("trips").size());

        // list_journeys: counts (skeletons are not written entries) and the trips' date range.
        JsonObject listed = call(owner, "list_journeys", args()).getJsonArray("journeys").stream().map(JsonValue::asJsonObject)
                .filter(x -> id(x) == jid).findFirst().orElseThrow();
        assertEquals(0, listed.getInt("entry_count"));
        assertEquals(4, listed.getInt("place_count"));
        assertEquals("2027-06-01", listed.getString("trip_date_min"));
        assertEquals("2027-06-03", listed.getString("trip_date_max"));
        assertEquals(0, listed.getInt("photo_count"));
    }

    @Test
    void entriesAreWrittenPromotedReorderedRevertedAndDeleted() {
        long jid = journey(owner, "Portugal", tripId);
        long arrival = entry(owner, jid, "2027-06-01", "Arrival");
        JsonObject arrivalRow = ofType(entries(owner, jid), "entry").get(0);
        assertEquals(2, arrivalRow.getInt("sort_order"), "last on its date, after the two skeletons");
        assertEquals(owner.getId().longValue(), arrivalRow.getJsonNumber("author_id").longValue());
        JsonObject full = call(owner, "create_journey_entry", j(jid).add("entry_date", "2027-06-05").add("title", "Home")
                .add("story", "Back").add("entry_time", "21:15").add("location_name", "Airport").add("mood", "tired").add("sort_order", 7))
                .getJsonObject("entry");
        assertEquals(7, full.getInt("sort_order"));
        assertEquals("21:15", full.getString("entry_time"));
        assertEquals("entry", full.getString("type"));

        // A story on a skeleton makes it an entry; null clears; omitted stays.
        long alfama = id(ofType(entries(owner, jid), "skeleton").get(0));
        JsonObject promoted = call(owner, "update_journey_entry", args().add("entryId", alfama).add("story", "Fado at night")
                .add("mood", "happy")).getJsonObject("entry");
        assertEquals("entry", promoted.getString("type"));
        assertEquals("Alfama", promoted.getString("title"));
        JsonObject cleared = call(owner, "update_journey_entry", args().add("entryId", arrival).addNull("title").add("entry_date", "2027-06-02"))
                .getJsonObject("entry");
        assertTrue(cleared.isNull("title"));
        assertEquals("2027-06-02", cleared.getString("entry_date"));

        // Reorder sets positions to the indexes.
        long tram = id(ofType(entries(owner, jid), "skeleton").stream().filter(e -> e.getString("title").equals("Tram 28")).findFirst().orElseThrow());
        call(owner, "reorder_journey_entries", j(jid).add("orderedIds", Json.createArrayBuilder().add(tram).add(alfama)));
        Map<Long, Integer> order = entries(owner, jid).stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(JourneyToolsIT::id, e -> e.getInt("sort_order")));
        assertEquals(0, order.get(tram));
        assertEquals(1, order.get(alfama));
        // An id of another journey refuses the whole reorder and changes nothing.
        long foreign = entry(other, journey(other, "Elsewhere"), "2027-01-01", "Theirs");
        refused(owner, "reorder_journey_entries", j(jid).add("orderedIds", Json.createArrayBuilder().add(alfama).add(foreign)),
                "Entry not found in this journey");
        assertEquals(1, entries(owner, jid).stream().map(JsonValue::asJsonObject).filter(e -> id(e) == alfama).findFirst()
                .orElseThrow().getInt("sort_order"));

        // Deleting an entry written on a trip's place reverts it to the skeleton; other entries go.
        call(owner, "delete_journey_entry", args().add("entryId", alfama));
        JsonObject reverted = entries(owner, jid).stream().map(JsonValue::asJsonObject).filter(e -> id(e) == alfama).findFirst().orElseThrow();
        assertEquals("skeleton", reverted.getString("type"));
        assertTrue(reverted.isNull("story"));
        call(owner, "delete_journey_entry", args().add("entryId", arrival));
        assertFalse(entries(owner, jid).stream().anyMatch(e -> id(e.asJsonObject()) == arrival));
        refused(owner, "delete_journey_entry", args().add("entryId", arrival), ENTRY_NO_ACCESS);

        // Unlinking the trip removes its skeletons; written entries stay, detached.
        long tower = id(ofType(entries(owner, jid), "skeleton").stream().filter(e -> e.getString("title").equals("Belém Tower"))
                .findFirst().orElseThrow());
        call(owner, "update_journey_entry", args().add("entryId", tower).add("story", "Windy"));
        call(owner, "remove_journey_trip", j(jid).add("tripId", tripId));
        JsonArray left = entries(owner, jid);
        assertEquals(List.of(), ofType(left, "skeleton"));
        JsonObject kept = left.stream().map(JsonValue::asJsonObject).filter(e -> id(e) == tower).findFirst().orElseThrow();
        assertTrue(kept.isNull("source_trip_id") && kept.isNull("source_place_id"), kept.toString());
        assertEquals(0, call(owner, "get_journey", j(jid)).getJsonObject("journey").getJsonArray("trips").size());
        refused(owner, "remove_journey_trip", j(jid).add("tripId", tripId), "Trip not linked to this journey.");

        // Preferences are the caller's own.
        JsonObject prefs = call(owner, "update_journey_preferences", j(jid).add("hide_skeletons", true));
        assertTrue(prefs.getBoolean("hide_skeletons") && prefs.getBoolean("success"));
        assertTrue(call(owner, "get_journey", j(jid)).getJsonObject("journey").getBoolean("hide_skeletons"));

        // Update and delete.
        JsonObject updated = call(owner, "update_journey", j(jid).add("status", "completed").addNull("subtitle").add("title", "Portugal 2027"))
                .getJsonObject("journey");
        assertEquals("completed", updated.getString("status"));
        assertEquals("Portugal 2027", updated.getString("title"));
        call(owner, "delete_journey", j(jid));
        refused(owner, "get_journey", j(jid), NO_ACCESS);
        assertFalse(journeyIds(owner).contains(jid));
    }

    @Test
    void badInputIsAClearErrorThatChangesNothing() {
        long jid = journey(owner, "Checks");
        refused(owner, "create_journey_entry", j(jid).add("entry_date", "2027-02-30"), "is not a date that exists");
        refused(owner, "create_journey_entry", j(jid).add("entry_date", "1800-01-01"), "years 1900 to 2199");
        refused(owner, "create_journey_entry", j(jid).add("entry_date", "2027-06-01").add("entry_time", "25:00"), "HH:MM");
        refused(owner, "update_journey", j(jid).add("status", "bogus"), "status must be one of");
        refused(owner, "create_journey", args().add("title", "   "), "title must not be empty");
        invalidParams(tools, "create_journey_entry", rw(owner), j(jid), "entry_date");
        invalidParams(tools, "get_journey", rw(owner), args().add("journeyId", "one"), "journeyId");
        assertEquals(0, entries(owner, jid).size());
        assertEquals("active", call(owner, "get_journey", j(jid)).getJsonObject("journey").getString("status"));
    }

    // ---------------------------------------------------------------- trips the caller cannot open (§9.1 4)

    @Test
    void onlyTripsTheCallerCanOpenAreLinked() {
        long theirs = trip(other, "Their secret trip", "2027-08-01", "2027-08-02");
        plan(other, theirs, days(other, theirs)[0], "Their hotel", "Secret street 1", 1.0, 2.0);
        List<Long> before = journeyIds(owner);
        // create_journey with a trip the caller cannot open creates nothing.
        refused(owner, "create_journey", args().add("title", "Grab").add("trip_ids", Json.createArrayBuilder().add(tripId).add(theirs)),
                TRIP_NO_ACCESS);
        assertEquals(before, journeyIds(owner));
        // add_journey_trip neither.
        long jid = journey(owner, "Mine");
        refused(owner, "add_journey_trip", j(jid).add("tripId", theirs), TRIP_NO_ACCESS);
        refused(owner, "add_journey_trip", j(jid).add("tripId", 999_999_999L), TRIP_NO_ACCESS);
        assertEquals(0, entries(owner, jid).size());
        assertFalse(call(owner, "get_journey", j(jid)).toString().contains("Secret"));
        // Their trip is neither available nor suggested to the owner.
        assertFalse(call(owner, "list_journey_available_trips", args()).getJsonArray("trips").stream()
                .anyMatch(t -> id(t.asJsonObject()) == theirs));
        // Once a member, the owner can open and link it.
        ok(tripTools, "add_trip_member", full(other.getId()), args().add("tripId", theirs).add("identifier", owner.getUsername()));
        call(owner, "add_journey_trip", j(jid).add("tripId", theirs));
        assertEquals(1, entries(owner, jid).size());
    }

    @Test
    void suggestionsAndAvailableTrips() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long recent = trip(owner, "Recent", today.minusDays(12).toString(), today.minusDays(10).toString());
        long old = trip(owner, "Old", today.minusDays(90).toString(), today.minusDays(80).toString());
        long future = trip(owner, "Future", today.plusDays(10).toString(), today.plusDays(12).toString());
        long theirs = trip(other, "Theirs recent", today.minusDays(5).toString(), today.minusDays(3).toString());
        Function<String, List<Long>> ids = tool -> call(owner, tool, args()).getJsonArray("trips").stream()
                .map(t -> id(t.asJsonObject())).toList();
        List<Long> suggested = ids.apply("get_journey_suggestions");
        assertTrue(suggested.contains(recent), suggested.toString());
        assertFalse(suggested.contains(old) || suggested.contains(future) || suggested.contains(theirs), suggested.toString());
        List<Long> available = ids.apply("list_journey_available_trips");
        assertTrue(available.containsAll(List.of(recent, old, future, tripId)), available.toString());
        assertFalse(available.contains(theirs));
        JsonObject lisbon = call(owner, "list_journey_available_trips", args()).getJsonArray("trips").stream().map(JsonValue::asJsonObject)
                .filter(t -> id(t) == tripId).findFirst().orElseThrow();
        assertEquals(3, lisbon.getInt("place_count"), "places planned on a day");
        // Once in a journey, a trip is no longer suggested.
        journey(owner, "Recent journal", recent);
        assertFalse(ids.apply("get_journey_suggestions").contains(recent));
    }

    // ---------------------------------------------------------------- roles

    @Test
    void viewersReadEditorsWriteOnlyTheOwnerManages() {
        long jid = journey(owner, "Shared", tripId);
        contributor(jid, editor, "editor");
        contributor(jid, viewer, "viewer");
        long entryId = entry(owner, jid, "2027-06-01", "Arrival");

        // Viewers read everything and set their own preferences, nothing else.
        assertEquals("viewer", call(viewer, "get_journey", j(jid)).getJsonObject("journey").getString("my_role"));
        assertEquals(4, entries(viewer, jid).size());
        assertEquals(3, call(viewer, "list_journey_contributors", j(jid)).getJsonArray("contributors").size());
        assertTrue(journeyIds(viewer).contains(jid));
        call(viewer, "update_journey_preferences", j(jid).add("hide_skeletons", true));
        assertFalse(call(owner, "get_journey", j(jid)).getJsonObject("journey").getBoolean("hide_skeletons"), "each their own");
        String viewersOnly = JourneyException.EDITORS_ONLY;
        refused(viewer, "create_journey_entry", j(jid).add("entry_date", "2027-06-01"), viewersOnly);
        refused(viewer, "update_journey_entry", args().add("entryId", entryId).add("title", "Mine now"), viewersOnly);
        refused(viewer, "delete_journey_entry", args().add("entryId", entryId), viewersOnly);
        refused(viewer, "reorder_journey_entries", j(jid).add("orderedIds", Json.createArrayBuilder().add(entryId)), viewersOnly);
        refused(viewer, "add_journey_trip", j(jid).add("tripId", tripId), viewersOnly);

        // Editors write entries and link trips they can open, but do not manage the journey.
        long editorsTrip = trip(editor, "Editor's trip", "2027-06-04", "2027-06-04");
        plan(editor, editorsTrip, days(editor, editorsTrip)[0], "Cascais", null, null, null);
        call(editor, "add_journey_trip", j(jid).add("tripId", editorsTrip));
        refused(editor, "add_journey_trip", j(jid).add("tripId", trip(other, "Not theirs", null, null)), TRIP_NO_ACCESS);
        long editorsEntry = entry(editor, jid, "2027-06-02", "By the editor");
        call(editor, "update_journey_entry", args().add("entryId", entryId).add("story", "Edited"));
        call(editor, "reorder_journey_entries", j(jid).add("orderedIds", Json.createArrayBuilder().add(editorsEntry)));
        call(editor, "delete_journey_entry", args().add("entryId", editorsEntry));
        String ownerOnly = JourneyException.OWNER_ONLY;
        for (User notOwner : List.of(editor, viewer)) {
            refused(notOwner, "update_journey", j(jid).add("title", "Taken"), ownerOnly);
            refused(notOwner, "delete_journey", j(jid), ownerOnly);
            refused(notOwner, "remove_journey_trip", j(jid).add("tripId", tripId), ownerOnly);
            refused(notOwner, "add_journey_contributor", j(jid).add("targetUserId", other.getId()).add("role", "editor"), ownerOnly);
            refused(notOwner, "update_journey_contributor_role", j(jid).add("targetUserId", viewer.getId()).add("role", "editor"), ownerOnly);
            refused(notOwner, "remove_journey_contributor", j(jid).add("targetUserId", viewer.getId()), ownerOnly);
            refused(notOwner, "get_journey_share_link", j(jid), ownerOnly);
            refused(notOwner, "create_journey_share_link", j(jid), ownerOnly);
            refused(notOwner, "delete_journey_share_link", j(jid), ownerOnly);
        }
        assertEquals("Shared", call(owner, "get_journey", j(jid)).getJsonObject("journey").getString("title"));
        assertEquals(JsonValue.NULL, call(owner, "get_journey_share_link", j(jid)).get("shareLink"), "no link was made");
    }

    @Test
    void contributorsAreAddedChangedAndRemovedByTheOwner() {
        long jid = journey(owner, "Team");
        contributor(jid, editor, "viewer");
        contributor(jid, editor, "editor"); // again: the new role
        Map<Long, String> roles = call(owner, "list_journey_contributors", j(jid)).getJsonArray("contributors").stream()
                .map(JsonValue::asJsonObject).collect(Collectors.toMap(c -> c.getJsonNumber("user_id").longValue(), c -> c.getString("role")));
        assertEquals(Map.of(owner.getId(), "owner", editor.getId(), "editor"), roles);
        JsonObject row = call(owner, "list_journey_contributors", j(jid)).getJsonArray("contributors").getJsonObject(1);
        assertEquals(editor.getUsername(), row.getString("username"));
        assertTrue(row.containsKey("avatar") && row.containsKey("avatar_url") && row.getString("added_at").endsWith("Z"));
        call(owner, "update_journey_contributor_role", j(jid).add("targetUserId", editor.getId()).add("role", "viewer"));
        assertEquals("viewer", call(editor, "get_journey", j(jid)).getJsonObject("journey").getString("my_role"));
        refused(owner, "add_journey_contributor", j(jid).add("targetUserId", 999_999_999L).add("role", "viewer"), "User not found.");
        refused(owner, "add_journey_contributor", j(jid).add("targetUserId", owner.getId()).add("role", "viewer"), "owner");
        refused(owner, "update_journey_contributor_role", j(jid).add("targetUserId", other.getId()).add("role", "editor"),
                "Contributor not found.");
        refused(owner, "update_journey_contributor_role", j(jid).add("targetUserId", owner.getId()).add("role", "viewer"), "owner");
        refused(owner, "remove_journey_contributor", j(jid).add("targetUserId", owner.getId()), "owner cannot be removed");
        refused(owner, "remove_journey_contributor", j(jid).add("targetUserId", other.getId()), "Contributor not found.");
        call(owner, "remove_journey_contributor", j(jid).add("targetUserId", editor.getId()));
        refused(editor, "get_journey", j(jid), NO_ACCESS);
        assertFalse(journeyIds(editor).contains(jid));
    }

    // ---------------------------------------------------------------- the public link

    @Test
    void theShareLinkIsTheOwnersWithA256BitToken() {
        long jid = journey(owner, "Public");
        assertEquals(JsonValue.NULL, call(owner, "get_journey_share_link", j(jid)).get("shareLink"));
        JsonObject made = call(owner, "create_journey_share_link", j(jid)).getJsonObject("shareLink");
        assertTrue(made.getBoolean("created"));
        String token = made.getString("token");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        JsonObject again = call(owner, "create_journey_share_link", j(jid)).getJsonObject("shareLink");
        assertFalse(again.getBoolean("created"));
        assertEquals(token, again.getString("token"));
        JsonObject shown = call(owner, "get_journey_share_link", j(jid)).getJsonObject("shareLink");
        assertEquals(token, shown.getString("token"));
        assertTrue(shown.getBoolean("share_timeline") && shown.getBoolean("share_gallery") && shown.getBoolean("share_map"));
        assertTrue(shown.getString("created_at").endsWith("Z"));
        // Another user learns nothing about it, and cannot revoke it.
        refused(other, "get_journey_share_link", j(jid), NO_ACCESS);
        refused(other, "delete_journey_share_link", j(jid), NO_ACCESS);
        refused(other, "create_journey_share_link", j(jid), NO_ACCESS);
        assertEquals(token, call(owner, "get_journey_share_link", j(jid)).getJsonObject("shareLink").getString("token"));
        call(owner, "delete_journey_share_link", j(jid));
        assertEquals(JsonValue.NULL, call(owner, "get_journey_share_link", j(jid)).get("shareLink"));
        refused(owner, "delete_journey_share_link", j(jid), "Share link not found.");
        String fresh = call(owner, "create_journey_share_link", j(jid)).getJsonObject("shareLink").getString("token");
        assertNotEquals(token, fresh, "a revoked token never comes back");
    }

    // ---------------------------------------------------------------- another user

    @Test
    void anotherUserCanNeitherReadNorChangeAnything() {
        long jid = journey(owner, "Private", tripId);
        contributor(jid, editor, "editor");
        long entryId = entry(owner, jid, "2027-06-01", "Secret entry");
        call(owner, "create_journey_share_link", j(jid));
        String before = call(owner, "get_journey", j(jid)).getJsonObject("journey").toString();
        for (String tool : List.of("get_journey", "list_journey_entries", "list_journey_contributors", "delete_journey",
                "get_journey_share_link", "create_journey_share_link", "delete_journey_share_link")) {
            assertEquals(NO_ACCESS, refused(other, tool, j(jid), NO_ACCESS), tool);
        }
        refused(other, "update_journey", j(jid).add("title", "Mine"), NO_ACCESS);
        refused(other, "update_journey_preferences", j(jid).add("hide_skeletons", true), NO_ACCESS);
        refused(other, "add_journey_trip", j(jid).add("tripId", trip(other, "Theirs", null, null)), NO_ACCESS);
        refused(other, "remove_journey_trip", j(jid).add("tripId", tripId), NO_ACCESS);
        refused(other, "create_journey_entry", j(jid).add("entry_date", "2027-06-01"), NO_ACCESS);
        refused(other, "reorder_journey_entries", j(jid).add("orderedIds", Json.createArrayBuilder().add(entryId)), NO_ACCESS);
        refused(other, "add_journey_contributor", j(jid).add("targetUserId", other.getId()).add("role", "editor"), NO_ACCESS);
        refused(other, "update_journey_contributor_role", j(jid).add("targetUserId", editor.getId()).add("role", "viewer"), NO_ACCESS);
        refused(other, "remove_journey_contributor", j(jid).add("targetUserId", editor.getId()), NO_ACCESS);
        assertEquals(ENTRY_NO_ACCESS, refused(other, "update_journey_entry", args().add("entryId", entryId).add("title", "x"), ENTRY_NO_ACCESS));
        assertEquals(ENTRY_NO_ACCESS, refused(other, "delete_journey_entry", args().add("entryId", entryId), ENTRY_NO_ACCESS));
        // An id that does not exist says the same.
        assertEquals(NO_ACCESS, refused(other, "get_journey", j(999_999_999L), NO_ACCESS));
        assertEquals(ENTRY_NO_ACCESS, refused(other, "delete_journey_entry", args().add("entryId", 999_999_999L), ENTRY_NO_ACCESS));
        // Their own lists show none of it.
        assertFalse(journeyIds(other).contains(jid));
        assertFalse(read(other, "trek://journeys").contains("Private"));
        for (String uri : List.of("trek://journeys/" + jid, "trek://journeys/" + jid + "/entries", "trek://journeys/" + jid + "/contributors")) {
            assertThrows(ResourceNotFoundException.class, () -> read(other, uri), uri);
            assertFalse(resources.mayRead(rw(other), uri, Map.of("journeyId", String.valueOf(jid))).orElseThrow(), uri);
        }
        assertEquals(before, call(owner, "get_journey", j(jid)).getJsonObject("journey").toString(), "nothing changed");
        assertEquals(editor.getId().longValue(), call(owner, "list_journey_contributors", j(jid)).getJsonArray("contributors")
                .getJsonObject(1).getJsonNumber("user_id").longValue());
    }

    // ---------------------------------------------------------------- resources

    @Test
    void resourcesShowWhatTheToolsShowAndChangesReachEveryContributor() {
        long jid = journey(owner, "Resourceful", tripId);
        contributor(jid, viewer, "viewer");
        JsonArray listed = parse(read(viewer, "trek://journeys")).asJsonArray();
        assertTrue(listed.stream().anyMatch(x -> id(x.asJsonObject()) == jid));
        JsonObject detail = parse(read(viewer, "trek://journeys/" + jid)).asJsonObject();
        assertEquals("viewer", detail.getString("my_role"));
        assertEquals(3, detail.getJsonArray("entries").size());
        assertEquals(3, parse(read(viewer, "trek://journeys/" + jid + "/entries")).asJsonArray().size());
        assertEquals(2, parse(read(viewer, "trek://journeys/" + jid + "/contributors")).asJsonArray().size());
        assertThrows(ResourceNotFoundException.class, () -> read(viewer, "trek://journeys/abc"));
        assertThrows(ResourceNotFoundException.class, () -> read(grant(viewer.getId(), "journey:share"), "trek://journeys/" + jid));
        assertTrue(resources.mayRead(rw(viewer), "trek://journeys/" + jid + "/entries", Map.of("journeyId", String.valueOf(jid))).orElseThrow());
        assertTrue(resources.mayRead(rw(viewer), "trek://trips/1", Map.of()).isEmpty(), "not ours to answer");

        events.clear();
        entry(owner, jid, "2027-06-01", "Announced");
        List<ResourceChanged> changes = events.about(jid);
        assertEquals(1, changes.size(), changes.toString());
        ResourceChanged c = changes.get(0);
        assertEquals(Set.of(owner.getId(), viewer.getId()), c.users());
        assertEquals(Set.of(JourneyService.JOURNEYS), c.uris());
        assertTrue(ResourceChanged.affects(JourneyService.journeyUri(jid), true, "trek://journeys/" + jid + "/entries"));
        // A removed contributor hears of it once more (their list changed), then no more.
        events.clear();
        call(owner, "remove_journey_contributor", j(jid).add("targetUserId", viewer.getId()));
        assertTrue(events.about(jid).get(0).users().contains(viewer.getId()));
        events.clear();
        entry(owner, jid, "2027-06-02", "Quiet");
        assertEquals(Set.of(owner.getId()), events.about(jid).get(0).users());
        // A refused change announces nothing.
        events.clear();
        refused(other, "create_journey_entry", j(jid).add("entry_date", "2027-06-01"), NO_ACCESS);
        assertEquals(List.of(), events.about(jid));
    }

    @Test
    void theServerInstructionsExplainJourneys() {
        String text = instructions.instructions();
        for (String part : List.of("## Journeys (add-on, may be absent)", "skeleton", "list_journeys", "get_journey",
                "list_journey_available_trips", "only the owner")) {
            assertTrue(text.contains(part), part);
        }
        assertTrue(instructions.order() > 100, "after the trips' part");
    }

    // ---------------------------------------------------------------- scopes and the addon

    @Test
    void scopeGates() {
        long jid = journey(owner, "Scoped");
        scopeGate(tools, "list_journeys", owner.getId(), args());
        scopeGate(tools, "get_journey", owner.getId(), j(jid));
        scopeGate(tools, "create_journey", owner.getId(), args().add("title", "No"));
        scopeGate(tools, "delete_journey", owner.getId(), j(jid));
        scopeGate(tools, "get_journey_share_link", owner.getId(), j(jid));
        scopeGate(tools, "create_journey_share_link", owner.getId(), j(jid));
        // journey:share alone does not read (reference §3.2); journey:write reads.
        fails(tools, "list_journeys", grant(owner.getId(), "journey:share"), args(), "Insufficient scope");
        ok(tools, "list_journeys", grant(owner.getId(), "journey:write"), args());
        // journey:read cannot write or share.
        fails(tools, "update_journey", grant(owner.getId(), "journey:read"), j(jid).add("title", "x"), "Insufficient scope");
        fails(tools, "get_journey_share_link", grant(owner.getId(), "journey:read", "journey:write"), j(jid), "Insufficient scope");
        ok(tools, "get_journey_share_link", grant(owner.getId(), "journey:share"), j(jid));
        assertEquals("Scoped", call(owner, "get_journey", j(jid)).getJsonObject("journey").getString("title"));
    }

    @Test
    void theAddonSwitchHidesAndRefusesEverythingAndKeepsTheData() {
        long jid = journey(owner, "Switched", tripId);
        AccessGrant everything = full(owner.getId());
        Set<String> names = tools.tools().stream().map(t -> t.name()).collect(Collectors.toSet());
        assertEquals(22, names.size());
        assertTrue(registry.tools(everything).stream().map(t -> t.definition().name()).collect(Collectors.toSet()).containsAll(names));

        switches.setEnabled(Actor.system(), "journey", false);
        assertTrue(registry.tools(everything).stream().noneMatch(t -> names.contains(t.definition().name())), "gone from tools/list");
        assertTrue(registry.resources(everything).stream().noneMatch(r -> r.definition().uri().startsWith("trek://journeys")));
        assertTrue(registry.templates(everything).stream().noneMatch(r -> r.definition().uriTemplate().startsWith("trek://journeys")));
        for (String tool : names) {
            fails(tools, tool, everything, j(jid).add("entryId", 1).add("title", "x"), "The journey addon is disabled on this server.");
        }

        switches.setEnabled(Actor.system(), "journey", true);
        assertTrue(registry.tools(everything).stream().map(t -> t.definition().name()).collect(Collectors.toSet()).containsAll(names));
        assertTrue(registry.resources(everything).stream().anyMatch(r -> "trek://journeys".equals(r.definition().uri())));
        assertEquals(3, registry.templates(everything).stream().filter(r -> r.definition().uriTemplate().startsWith("trek://journeys")).count());
        JsonObject back = call(owner, "get_journey", j(jid)).getJsonObject("journey");
        assertEquals("Switched", back.getString("title"));
        assertEquals(3, back.getJsonArray("entries").size(), "data intact");
    }
}
