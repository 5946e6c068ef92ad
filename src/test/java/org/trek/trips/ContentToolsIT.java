package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.ToolTestSupport.NO_ACCESS;
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
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.platform.addons.AddonService;
import org.trek.audit.Actor;
import org.trek.it.Deployments;
import org.trek.mcp.registry.ToolProvider;
import org.trek.trips.tools.AssignmentTools;
import org.trek.trips.tools.BudgetTools;
import org.trek.trips.tools.DayTools;
import org.trek.trips.tools.PackingTools;
import org.trek.trips.tools.PlaceTools;
import org.trek.trips.tools.ReservationTools;
import org.trek.trips.tools.TagTools;
import org.trek.trips.tools.TodoTools;
import org.trek.trips.tools.TripTools;
import org.trek.platform.addons.AddonId;

/**
 * Places, assignments, tags, days, reservations, transports, budget, packing and to-dos in the container. Every
 * tool: success, a validation failure, another user's trip, a member without the permission, the scope gate;
 * plus object ownership across trips and the holes of reference §9.1.
 */
@ExtendWith(ArquillianExtension.class)
class ContentToolsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(ContentToolsIT.class, ToolTestSupport.class, ToolTestSupport.TestCall.class);
    }

    @Inject TripTools tripTools;
    @Inject PlaceTools placeTools;
    @Inject AssignmentTools assignmentTools;
    @Inject TagTools tagTools;
    @Inject DayTools dayTools;
    @Inject ReservationTools reservationTools;
    @Inject BudgetTools budgetTools;
    @Inject PackingTools packingTools;
    @Inject TodoTools todoTools;
    @Inject UserService users;
    @Inject PermissionService permissions;
    @jakarta.persistence.PersistenceContext(unitName = "trek") jakarta.persistence.EntityManager em;
    @Inject AddonService addons;

    User owner;
    User member;
    User stranger;
    long tripId;
    long otherTripId;
    long day1;
    long day2;
    long otherDay;

    @BeforeEach
    void seed() {
        owner = ToolTestSupport.newUser(users, "owner");
        member = ToolTestSupport.newUser(users, "member");
        stranger = ToolTestSupport.newUser(users, "stranger");
        tripId = ok(tripTools, "create_trip", full(owner.getId()), args().add("title", "Rome").add("start_date", "2027-03-01")
                .add("end_date", "2027-03-03")).getJsonObject("trip").getJsonNumber("id").longValue();
        otherTripId = ok(tripTools, "create_trip", full(owner.getId()), args().add("title", "Other"))
                .getJsonObject("trip").getJsonNumber("id").longValue();
        ok(tripTools, "add_trip_member", full(owner.getId()), args().add("tripId", tripId).add("identifier", member.getUsername()));
        JsonObject summary = ok(tripTools, "get_trip_summary", full(owner.getId()), args().add("tripId", tripId));
        day1 = summary.getJsonArray("days").getJsonObject(0).getJsonNumber("id").longValue();
        day2 = summary.getJsonArray("days").getJsonObject(1).getJsonNumber("id").longValue();
        otherDay = ok(tripTools, "get_trip_summary", full(owner.getId()), args().add("tripId", otherTripId))
                .getJsonArray("days").getJsonObject(0).getJsonNumber("id").longValue();
    }

    @AfterEach
    void reset() {
        for (Permission p : Permission.values()) {
            permissions.set(Actor.system(), p, p.defaultLevel());
        }
        addons.setEnabled(AddonId.BUDGET, true);
        addons.setEnabled(AddonId.PACKING, true);
    }

    static long id(JsonObject o, String key) {
        return o.getJsonObject(key).getJsonNumber("id").longValue();
    }

    /**
     * The three standard refusals: scope gate, a stranger (another user's trip) and a member when the permission is
     * owner-only. The arguments are built fresh for each call.
     */
    void refusals(ToolProvider p, String tool, Permission permission, Supplier<JsonObjectBuilder> a) {
        scopeGate(p, tool, owner.getId(), a.get());
        fails(p, tool, full(stranger.getId()), a.get(), NO_ACCESS);
        permissions.set(Actor.system(), permission, Permission.Level.OWNER);
        fails(p, tool, full(member.getId()), a.get(), permission.key());
        permissions.set(Actor.system(), permission, permission.defaultLevel());
    }

    long place(String name) {
        return id(ok(placeTools, "create_place", full(owner.getId()), args().add("tripId", tripId).add("name", name)), "place");
    }

    // ---------------------------------------------------------------- places

    @Test
    void placesCrudListAndBulkDelete() {
        Supplier<JsonObjectBuilder> create = () -> args().add("tripId", tripId).add("name", "Colosseum").add("lat", 41.89).add("lng", 12.49);
        JsonObject created = ok(placeTools, "create_place", grant(member.getId(), "places:write"), create.get()).getJsonObject("place");
        long placeId = created.getJsonNumber("id").longValue();
        assertEquals("walking", created.getString("transport_mode"));
        fails(placeTools, "create_place", full(owner.getId()), args().add("tripId", tripId).add("name", "X").add("lat", 95), "lat");
        fails(placeTools, "create_place", full(owner.getId()), args().add("tripId", tripId).add("name", "X").add("category_id", 999_999), "Category not found.");
        refusals(placeTools, "create_place", Permission.PLACE_EDIT, create);

        Supplier<JsonObjectBuilder> update = () -> args().add("tripId", tripId).add("placeId", placeId).add("notes", "Book ahead").addNull("address");
        assertEquals("Book ahead", ok(placeTools, "update_place", full(member.getId()), update.get()).getJsonObject("place").getString("notes"));
        fails(placeTools, "update_place", full(owner.getId()), args().add("tripId", tripId).add("placeId", placeId).add("transport_mode", "boat"), "transport_mode");
        refusals(placeTools, "update_place", Permission.PLACE_EDIT, update);
        long foreign = id(ok(placeTools, "create_place", full(owner.getId()), args().add("tripId", otherTripId).add("name", "Elsewhere")), "place");
        fails(placeTools, "update_place", full(owner.getId()), args().add("tripId", tripId).add("placeId", foreign).add("name", "Y"), "Place not found.");

        for (int i = 0; i < 3; i++) {
            place("Fountain " + i);
        }
        Supplier<JsonObjectBuilder> list = () -> args().add("tripId", tripId).add("search", "fountain").add("limit", 2);
        JsonObject page = ok(placeTools, "list_places", grant(member.getId(), "places:read"), list.get());
        assertEquals(2, page.getJsonArray("places").size());
        assertEquals("2", page.getString("next_cursor"));
        assertEquals(4, ok(placeTools, "list_places", full(owner.getId()), args().add("tripId", tripId).add("assignment", "unassigned"))
                .getJsonArray("places").size());
        invalidParams(placeTools, "list_places", full(owner.getId()), args().add("tripId", tripId).add("limit", 500), "limit");
        scopeGate(placeTools, "list_places", owner.getId(), list.get());
        fails(placeTools, "list_places", full(stranger.getId()), list.get(), NO_ACCESS);

        assertTrue(ok(placeTools, "list_categories", grant(stranger.getId(), "places:read"), args()).getJsonArray("categories").size() >= 10);
        scopeGate(placeTools, "list_categories", owner.getId(), args());

        Supplier<JsonObjectBuilder> del = () -> args().add("tripId", tripId).add("placeId", placeId);
        refusals(placeTools, "delete_place", Permission.PLACE_EDIT, del);
        fails(placeTools, "delete_place", full(owner.getId()), args().add("tripId", tripId).add("placeId", foreign), "Place not found.");
        ok(placeTools, "delete_place", full(member.getId()), del.get());
        fails(placeTools, "delete_place", full(owner.getId()), del.get(), "Place not found.");

        long a = place("A");
        long b = place("B");
        Supplier<JsonObjectBuilder> bulk = () -> args().add("tripId", tripId).add("placeIds", Json.createArrayBuilder().add(a).add(b));
        refusals(placeTools, "bulk_delete_places", Permission.PLACE_EDIT, bulk);
        // All or nothing: one id from another trip and nothing is deleted.
        fails(placeTools, "bulk_delete_places", full(owner.getId()),
                args().add("tripId", tripId).add("placeIds", Json.createArrayBuilder().add(a).add(foreign)), "not found");
        assertEquals(2, ok(placeTools, "bulk_delete_places", full(owner.getId()), bulk.get()).getInt("count"));
    }

    @Test
    void createAndAssignPlaceIsAtomic() {
        Supplier<JsonObjectBuilder> a = () -> args().add("tripId", tripId).add("dayId", day1).add("name", "Pantheon").add("assignment_notes", "morning");
        JsonObject r = ok(placeTools, "create_and_assign_place", grant(member.getId(), "places:write"), a.get());
        assertEquals(day1, r.getJsonObject("assignment").getJsonNumber("day_id").longValue());
        refusals(placeTools, "create_and_assign_place", Permission.PLACE_EDIT, a);
        int before = ok(placeTools, "list_places", full(owner.getId()), args().add("tripId", tripId)).getJsonArray("places").size();
        // A day of another trip: refused, and no place was left behind.
        fails(placeTools, "create_and_assign_place", full(owner.getId()),
                args().add("tripId", tripId).add("dayId", otherDay).add("name", "Orphan"), "Day not found.");
        assertEquals(before, ok(placeTools, "list_places", full(owner.getId()), args().add("tripId", tripId)).getJsonArray("places").size());
        fails(placeTools, "create_and_assign_place", full(owner.getId()), args().add("tripId", tripId).add("dayId", day1).add("name", " "), "name");
    }

    // ---------------------------------------------------------------- assignments

    @Test
    void assignmentsAssignTimeMoveReorderAndUnassign() {
        long p1 = place("One");
        long p2 = place("Two");
        Supplier<JsonObjectBuilder> assign = () -> args().add("tripId", tripId).add("dayId", day1).add("placeId", p1);
        long a1 = id(ok(assignmentTools, "assign_place_to_day", grant(member.getId(), "places:write"), assign.get()), "assignment");
        long a2 = id(ok(assignmentTools, "assign_place_to_day", full(owner.getId()), args().add("tripId", tripId).add("dayId", day1).add("placeId", p2)), "assignment");
        fails(assignmentTools, "assign_place_to_day", full(owner.getId()), args().add("tripId", tripId).add("dayId", otherDay).add("placeId", p1), "Day not found.");
        refusals(assignmentTools, "assign_place_to_day", Permission.PLACE_EDIT, assign);

        Supplier<JsonObjectBuilder> time = () -> args().add("tripId", tripId).add("assignmentId", a1).add("place_time", "09:30");
        JsonObject t = ok(assignmentTools, "update_assignment_time", full(member.getId()), time.get()).getJsonObject("assignment");
        assertEquals("09:30", t.getString("assignment_time"));
        JsonObject cleared = ok(assignmentTools, "update_assignment_time", full(owner.getId()),
                args().add("tripId", tripId).add("assignmentId", a1).add("end_time", "11:00")).getJsonObject("assignment");
        assertEquals("09:30", cleared.getString("assignment_time"), "omitted keeps");
        assertTrue(ok(assignmentTools, "update_assignment_time", full(owner.getId()), args().add("tripId", tripId).add("assignmentId", a1)
                .addNull("place_time")).getJsonObject("assignment").isNull("assignment_time"), "null clears");
        fails(assignmentTools, "update_assignment_time", full(owner.getId()), args().add("tripId", otherTripId).add("assignmentId", a1), "Assignment not found.");
        refusals(assignmentTools, "update_assignment_time", Permission.PLACE_EDIT, time);

        Supplier<JsonObjectBuilder> reorder = () -> args().add("tripId", tripId).add("dayId", day1).add("assignmentIds", Json.createArrayBuilder().add(a2).add(a1));
        assertEquals(a2, ok(assignmentTools, "reorder_day_assignments", full(member.getId()), reorder.get()).getJsonArray("order").getJsonNumber(0).longValue());
        fails(assignmentTools, "reorder_day_assignments", full(owner.getId()),
                args().add("tripId", tripId).add("dayId", day1).add("assignmentIds", Json.createArrayBuilder().add(a2)), "every assignment");
        refusals(assignmentTools, "reorder_day_assignments", Permission.PLACE_EDIT, reorder);

        Supplier<JsonObjectBuilder> move = () -> args().add("tripId", tripId).add("assignmentId", a1).add("oldDayId", day1).add("newDayId", day2);
        refusals(assignmentTools, "move_assignment", Permission.PLACE_EDIT, move);
        fails(assignmentTools, "move_assignment", full(owner.getId()), args().add("tripId", tripId).add("assignmentId", a1).add("oldDayId", day2).add("newDayId", day1), "not on day");
        assertEquals(day2, ok(assignmentTools, "move_assignment", full(member.getId()), move.get()).getJsonObject("assignment").getJsonNumber("day_id").longValue());
        fails(assignmentTools, "move_assignment", full(owner.getId()),
                args().add("tripId", tripId).add("assignmentId", a1).add("oldDayId", day2).add("newDayId", otherDay), "Day not found.");

        Supplier<JsonObjectBuilder> unassign = () -> args().add("tripId", tripId).add("dayId", day1).add("assignmentId", a2);
        refusals(assignmentTools, "unassign_place", Permission.PLACE_EDIT, unassign);
        fails(assignmentTools, "unassign_place", full(owner.getId()), args().add("tripId", tripId).add("dayId", day2).add("assignmentId", a2), "Assignment not found.");
        ok(assignmentTools, "unassign_place", full(member.getId()), unassign.get());
    }

    @Test
    void participantsMustBeTripMembers() {
        long p = place("Museum");
        long a = id(ok(assignmentTools, "assign_place_to_day", full(owner.getId()), args().add("tripId", tripId).add("dayId", day1).add("placeId", p)), "assignment");
        Supplier<JsonObjectBuilder> set = () -> args().add("tripId", tripId).add("assignmentId", a)
                .add("userIds", Json.createArrayBuilder().add(owner.getId()).add(member.getId()));
        JsonObject r = ok(assignmentTools, "set_assignment_participants", grant(member.getId(), "places:write"), set.get());
        assertEquals(2, r.getJsonArray("participants").size());
        // Reference §9.1.4: a user who is not a member is refused, and their name is not echoed.
        String msg = fails(assignmentTools, "set_assignment_participants", full(owner.getId()), args().add("tripId", tripId).add("assignmentId", a)
                .add("userIds", Json.createArrayBuilder().add(stranger.getId())), "is not a member of this trip");
        assertFalse(msg.contains(stranger.getUsername()));
        refusals(assignmentTools, "set_assignment_participants", Permission.PLACE_EDIT, set);
        Supplier<JsonObjectBuilder> get = () -> args().add("tripId", tripId).add("assignmentId", a);
        assertEquals(2, ok(assignmentTools, "get_assignment_participants", grant(member.getId(), "places:read"), get.get()).getJsonArray("participants").size());
        scopeGate(assignmentTools, "get_assignment_participants", owner.getId(), get.get());
        fails(assignmentTools, "get_assignment_participants", full(stranger.getId()), get.get(), NO_ACCESS);
        fails(assignmentTools, "get_assignment_participants", full(owner.getId()), args().add("tripId", otherTripId).add("assignmentId", a), "Assignment not found.");

        // Removed from the trip: no longer a participant of its plans, nor assigned its to-dos.
        long todo = id(ok(todoTools, "create_todo", full(owner.getId()), args().add("tripId", tripId).add("name", "Tickets")
                .add("assigned_user_id", member.getId())), "item");
        ok(tripTools, "remove_trip_member", full(owner.getId()), args().add("tripId", tripId).add("memberId", member.getId()));
        JsonArray left = ok(assignmentTools, "get_assignment_participants", full(owner.getId()), get.get()).getJsonArray("participants");
        assertEquals(1, left.size(), left.toString());
        assertFalse(left.toString().contains(member.getUsername()), left.toString());
        assertFalse(ok(todoTools, "list_todos", full(owner.getId()), args().add("tripId", tripId)).toString()
                .contains("\"assigned_user_id\":" + member.getId()), "the to-do is unassigned");
        assertTrue(todo > 0);
    }

    // ---------------------------------------------------------------- tags

    @Test
    void tagsBelongToTheirUser() {
        JsonObject tag = ok(tagTools, "create_tag", grant(owner.getId(), "places:write"), args().add("name", "food")).getJsonObject("tag");
        assertEquals("#10b981", tag.getString("color"));
        long tagId = tag.getJsonNumber("id").longValue();
        fails(tagTools, "create_tag", full(owner.getId()), args().add("name", "x").add("color", "red"), "color");
        scopeGate(tagTools, "create_tag", owner.getId(), args().add("name", "gate"));
        assertEquals(1, ok(tagTools, "list_tags", grant(owner.getId(), "places:read"), args()).getJsonArray("tags").size());
        assertEquals(0, ok(tagTools, "list_tags", full(stranger.getId()), args()).getJsonArray("tags").size());
        scopeGate(tagTools, "list_tags", owner.getId(), args());
        assertEquals("#ff0000", ok(tagTools, "update_tag", full(owner.getId()), args().add("tagId", tagId).add("color", "#FF0000")).getJsonObject("tag").getString("color"));
        fails(tagTools, "update_tag", full(stranger.getId()), args().add("tagId", tagId).add("name", "mine"), "Tag not found.");
        fails(tagTools, "update_tag", full(owner.getId()), args().add("tagId", tagId).add("name", " "), "name");
        scopeGate(tagTools, "update_tag", owner.getId(), args().add("tagId", tagId).add("name", "gate"));
        fails(tagTools, "delete_tag", full(stranger.getId()), args().add("tagId", tagId), "Tag not found.");
        scopeGate(tagTools, "delete_tag", owner.getId(), args().add("tagId", tagId));
        ok(tagTools, "delete_tag", full(owner.getId()), args().add("tagId", tagId));
        fails(tagTools, "delete_tag", full(owner.getId()), args().add("tagId", tagId), "Tag not found.");
    }

    // ---------------------------------------------------------------- days, notes, accommodations

    @Test
    void daysAndNotes() {
        Supplier<JsonObjectBuilder> title = () -> args().add("tripId", tripId).add("dayId", day1).add("title", "Arrival");
        assertEquals("Arrival", ok(dayTools, "update_day", grant(member.getId(), "trips:write"), title.get()).getJsonObject("day").getString("title"));
        assertTrue(ok(dayTools, "update_day", full(owner.getId()), args().add("tripId", tripId).add("dayId", day1).addNull("title")).getJsonObject("day").isNull("title"));
        invalidParams(dayTools, "update_day", full(owner.getId()), args().add("tripId", tripId).add("dayId", day1), "title");
        fails(dayTools, "update_day", full(owner.getId()), args().add("tripId", tripId).add("dayId", otherDay).add("title", "x"), "Day not found.");
        refusals(dayTools, "update_day", Permission.DAY_EDIT, title);

        Supplier<JsonObjectBuilder> create = () -> args().add("tripId", tripId).add("date", "2027-03-04");
        JsonObject day = ok(dayTools, "create_day", full(member.getId()), create.get()).getJsonObject("day");
        assertEquals(4, day.getInt("day_number"));
        fails(dayTools, "create_day", full(owner.getId()), args().add("tripId", tripId).add("date", "2027-13-01"), "date");
        refusals(dayTools, "create_day", Permission.DAY_EDIT, create);
        long newDay = day.getJsonNumber("id").longValue();
        Supplier<JsonObjectBuilder> del = () -> args().add("tripId", tripId).add("dayId", newDay);
        refusals(dayTools, "delete_day", Permission.DAY_EDIT, del);
        fails(dayTools, "delete_day", full(owner.getId()), args().add("tripId", tripId).add("dayId", otherDay), "Day not found.");
        ok(dayTools, "delete_day", full(member.getId()), del.get());

        Supplier<JsonObjectBuilder> note = () -> args().add("tripId", tripId).add("dayId", day1).add("text", "Buy tickets");
        JsonObject n = ok(dayTools, "create_day_note", full(member.getId()), note.get()).getJsonObject("note");
        assertEquals(DayService.DEFAULT_NOTE_ICON, n.getString("icon"));
        long noteId = n.getJsonNumber("id").longValue();
        fails(dayTools, "create_day_note", full(owner.getId()), args().add("tripId", tripId).add("dayId", day1).add("text", "  "), "text");
        refusals(dayTools, "create_day_note", Permission.DAY_EDIT, note);
        Supplier<JsonObjectBuilder> upd = () -> args().add("tripId", tripId).add("dayId", day1).add("noteId", noteId).add("text", "  Buy tickets online ");
        assertEquals("Buy tickets online", ok(dayTools, "update_day_note", full(member.getId()), upd.get()).getJsonObject("note").getString("text"));
        fails(dayTools, "update_day_note", full(owner.getId()), args().add("tripId", tripId).add("dayId", day2).add("noteId", noteId).add("text", "x"), "Note not found.");
        refusals(dayTools, "update_day_note", Permission.DAY_EDIT, upd);
        Supplier<JsonObjectBuilder> delNote = () -> args().add("tripId", tripId).add("dayId", day1).add("noteId", noteId);
        refusals(dayTools, "delete_day_note", Permission.DAY_EDIT, delNote);
        fails(dayTools, "delete_day_note", full(owner.getId()), args().add("tripId", otherTripId).add("dayId", day1).add("noteId", noteId), "Note not found.");
        ok(dayTools, "delete_day_note", full(member.getId()), delNote.get());
    }

    @Test
    void accommodations() {
        long hotel = place("Hotel Roma");
        Supplier<JsonObjectBuilder> create = () -> args().add("tripId", tripId).add("place_id", hotel).add("start_day_id", day1).add("end_day_id", day2);
        long accId = id(ok(dayTools, "create_accommodation", grant(member.getId(), "trips:write"), create.get()), "accommodation");
        fails(dayTools, "create_accommodation", full(owner.getId()), args().add("tripId", tripId).add("place_id", hotel).add("start_day_id", day2).add("end_day_id", day1), "before");
        fails(dayTools, "create_accommodation", full(owner.getId()), args().add("tripId", tripId).add("place_id", hotel).add("start_day_id", otherDay).add("end_day_id", day2), "Day not found.");
        refusals(dayTools, "create_accommodation", Permission.DAY_EDIT, create);

        Supplier<JsonObjectBuilder> both = () -> args().add("tripId", tripId).add("name", "B&B").add("start_day_id", day1).add("end_day_id", day2)
                .add("accommodation_notes", "late check-in");
        JsonObject r = ok(dayTools, "create_place_accommodation", full(member.getId()), both.get());
        assertEquals(id(r, "place"), r.getJsonObject("accommodation").getJsonNumber("place_id").longValue());
        int places = ok(placeTools, "list_places", full(owner.getId()), args().add("tripId", tripId)).getJsonArray("places").size();
        fails(dayTools, "create_place_accommodation", full(owner.getId()), args().add("tripId", tripId).add("name", "Orphan").add("start_day_id", day1).add("end_day_id", otherDay), "Day not found.");
        assertEquals(places, ok(placeTools, "list_places", full(owner.getId()), args().add("tripId", tripId)).getJsonArray("places").size(), "atomic");
        refusals(dayTools, "create_place_accommodation", Permission.DAY_EDIT, both);

        Supplier<JsonObjectBuilder> upd = () -> args().add("tripId", tripId).add("accommodationId", accId).add("check_in", "15:00");
        assertEquals("15:00", ok(dayTools, "update_accommodation", full(member.getId()), upd.get()).getJsonObject("accommodation").getString("check_in"));
        fails(dayTools, "update_accommodation", full(owner.getId()), args().add("tripId", otherTripId).add("accommodationId", accId), "Accommodation not found.");
        refusals(dayTools, "update_accommodation", Permission.DAY_EDIT, upd);
        Supplier<JsonObjectBuilder> del = () -> args().add("tripId", tripId).add("accommodationId", accId);
        refusals(dayTools, "delete_accommodation", Permission.DAY_EDIT, del);
        ok(dayTools, "delete_accommodation", full(member.getId()), del.get());
        fails(dayTools, "delete_accommodation", full(owner.getId()), del.get(), "Accommodation not found.");
    }

    // ---------------------------------------------------------------- reservations and transports

    @Test
    void reservations() {
        long hotel = place("Hotel");
        Supplier<JsonObjectBuilder> create = () -> args().add("tripId", tripId).add("title", "Dinner").add("type", "restaurant")
                .add("reservation_time", "2027-03-01T19:30").add("day_id", day1);
        JsonObject res = ok(reservationTools, "create_reservation", grant(member.getId(), "reservations:write"), create.get()).getJsonObject("reservation");
        assertEquals("pending", res.getString("status"));
        long resId = res.getJsonNumber("id").longValue();
        fails(reservationTools, "create_reservation", full(owner.getId()), args().add("tripId", tripId).add("title", "X").add("type", "spa"), "type");
        fails(reservationTools, "create_reservation", full(owner.getId()), args().add("tripId", tripId).add("title", "X").add("type", "other").add("day_id", otherDay), "Day not found.");
        refusals(reservationTools, "create_reservation", Permission.RESERVATION_EDIT, create);
        JsonObject h = ok(reservationTools, "create_reservation", full(owner.getId()), args().add("tripId", tripId).add("title", "Stay").add("type", "hotel")
                .add("place_id", hotel).add("start_day_id", day1).add("end_day_id", day2).add("confirmation_number", "SECRET-42")).getJsonObject("reservation");
        assertFalse(h.isNull("accommodation_id"), "a hotel with place and days gets its accommodation");
        long hotelRes = h.getJsonNumber("id").longValue();
        // the stay is day planning: a member who may book but not plan days gets no accommodation through a booking
        permissions.set(Actor.system(), Permission.DAY_EDIT, Permission.Level.OWNER);
        fails(reservationTools, "create_reservation", full(member.getId()), args().add("tripId", tripId).add("title", "Stay 2")
                .add("type", "hotel").add("place_id", hotel).add("start_day_id", day1).add("end_day_id", day2), "day_edit");
        fails(reservationTools, "delete_reservation", full(member.getId()), args().add("tripId", tripId).add("reservationId", hotelRes), "day_edit");
        permissions.set(Actor.system(), Permission.DAY_EDIT, Permission.Level.MEMBER);
        // Booking references are reservation detail: a trips:read grant sees neither the reservations in the
        // iCalendar export nor the hotel's confirmation copied onto its accommodation.
        String icsTripsOnly = ok(tripTools, "export_trip_ics", grant(member.getId(), "trips:read"), args().add("tripId", tripId)).getString("ics");
        assertFalse(icsTripsOnly.contains("SECRET-42") || icsTripsOnly.contains("Dinner"), icsTripsOnly);
        String icsWithScope = ok(tripTools, "export_trip_ics", grant(member.getId(), "trips:read", "reservations:read"),
                args().add("tripId", tripId)).getString("ics");
        assertTrue(icsWithScope.contains("Dinner"), icsWithScope);
        assertFalse(ok(tripTools, "get_trip_summary", grant(member.getId(), "trips:read"), args().add("tripId", tripId))
                .toString().contains("SECRET-42"));
        assertTrue(ok(tripTools, "get_trip_summary", grant(member.getId(), "trips:read", "reservations:read"), args().add("tripId", tripId))
                .getJsonArray("accommodations").toString().contains("SECRET-42"));

        Supplier<JsonObjectBuilder> upd = () -> args().add("tripId", tripId).add("reservationId", resId).add("status", "confirmed");
        assertEquals("confirmed", ok(reservationTools, "update_reservation", full(member.getId()), upd.get()).getJsonObject("reservation").getString("status"));
        fails(reservationTools, "update_reservation", full(owner.getId()), args().add("tripId", tripId).add("reservationId", resId).add("status", "maybe"), "status");
        fails(reservationTools, "update_reservation", full(owner.getId()), args().add("tripId", otherTripId).add("reservationId", resId).add("title", "x"), "Reservation not found.");
        refusals(reservationTools, "update_reservation", Permission.RESERVATION_EDIT, upd);

        Supplier<JsonObjectBuilder> reorder = () -> args().add("tripId", tripId)
                .add("positions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", resId).add("day_plan_position", 2)));
        ok(reservationTools, "reorder_reservations", full(member.getId()), reorder.get());
        ok(reservationTools, "reorder_reservations", full(member.getId()), reorder.get().add("dayId", day1));
        invalidParams(reservationTools, "reorder_reservations", full(owner.getId()), args().add("tripId", tripId)
                .add("positions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", resId))), "day_plan_position");
        refusals(reservationTools, "reorder_reservations", Permission.RESERVATION_EDIT, reorder);

        Supplier<JsonObjectBuilder> link = () -> args().add("tripId", tripId).add("reservationId", hotelRes).add("place_id", hotel)
                .add("start_day_id", day2).add("end_day_id", day2).add("check_in", "14:00");
        assertTrue(ok(reservationTools, "link_hotel_accommodation", full(member.getId()), link.get()).getJsonNumber("accommodation_id").longValue() > 0);
        fails(reservationTools, "link_hotel_accommodation", full(owner.getId()), args().add("tripId", tripId).add("reservationId", resId).add("place_id", hotel)
                .add("start_day_id", day1).add("end_day_id", day2), "Only hotel");
        refusals(reservationTools, "link_hotel_accommodation", Permission.RESERVATION_EDIT, link);

        Supplier<JsonObjectBuilder> del = () -> args().add("tripId", tripId).add("reservationId", hotelRes);
        refusals(reservationTools, "delete_reservation", Permission.RESERVATION_EDIT, del);
        ok(reservationTools, "delete_reservation", full(member.getId()), del.get());
        assertEquals(0, ok(tripTools, "get_trip_summary", full(owner.getId()), args().add("tripId", tripId)).getJsonArray("accommodations").size(),
                "the linked accommodation went with the reservation");
        fails(reservationTools, "delete_reservation", full(owner.getId()), del.get(), "Reservation not found.");
    }

    @Test
    void transports() {
        JsonArrayBuilder stops = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("role", "from").add("sequence", 0).add("name", "Berlin").add("code", "BER"))
                .add(Json.createObjectBuilder().add("role", "to").add("sequence", 1).add("name", "Rome").add("code", "FCO"));
        JsonObject t = ok(reservationTools, "create_transport", grant(member.getId(), "reservations:write"), args().add("tripId", tripId)
                .add("type", "flight").add("title", "LH 123").add("start_day_id", day1).add("endpoints", stops)).getJsonObject("reservation");
        assertEquals(2, t.getJsonArray("endpoints").size());
        assertEquals(day1, t.getJsonNumber("end_day_id").longValue(), "end day defaults to the start day");
        long tId = t.getJsonNumber("id").longValue();
        // a copied trip keeps its transports' stops and their per-day positions
        ok(reservationTools, "reorder_reservations", full(owner.getId()), args().add("tripId", tripId).add("dayId", day1)
                .add("positions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", tId).add("day_plan_position", 3))));
        long copy = ok(tripTools, "copy_trip", full(owner.getId()), args().add("tripId", tripId)).getJsonObject("trip")
                .getJsonNumber("id").longValue();
        Number copiedPositions = (Number) em.createNativeQuery("SELECT COUNT(*) FROM reservation_day_positions p JOIN "
                + "reservations r ON r.id = p.reservation_id JOIN trip_days d ON d.id = p.day_id WHERE r.trip_id = ?1 "
                + "AND d.trip_id = ?1 AND p.sort_position = 3").setParameter(1, copy).getSingleResult();
        assertEquals(1, copiedPositions.intValue(), "the position, on the copy's own day");
        JsonObject copiedFlight = ok(tripTools, "get_trip_summary", full(owner.getId()), args().add("tripId", copy))
                .getJsonArray("reservations").getValuesAs(JsonObject.class).stream()
                .filter(r -> "flight".equals(r.getString("type"))).findFirst().orElseThrow();
        assertEquals(2, ok(reservationTools, "update_transport", full(owner.getId()), args().add("tripId", copy)
                .add("reservationId", copiedFlight.getJsonNumber("id").longValue()).add("title", "LH 123"))
                .getJsonObject("reservation").getJsonArray("endpoints").size());
        Supplier<JsonObjectBuilder> create = () -> args().add("tripId", tripId).add("type", "train").add("title", "Frecciarossa");
        fails(reservationTools, "create_transport", full(owner.getId()), args().add("tripId", tripId).add("type", "hotel").add("title", "x"), "type");
        refusals(reservationTools, "create_transport", Permission.RESERVATION_EDIT, create);

        Supplier<JsonObjectBuilder> upd = () -> args().add("tripId", tripId).add("reservationId", tId)
                .add("endpoints", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "from").add("sequence", 0).add("name", "Munich")));
        assertEquals(1, ok(reservationTools, "update_transport", full(member.getId()), upd.get()).getJsonObject("reservation").getJsonArray("endpoints").size());
        long dinner = id(ok(reservationTools, "create_reservation", full(owner.getId()), args().add("tripId", tripId).add("title", "D").add("type", "restaurant")), "reservation");
        fails(reservationTools, "update_transport", full(owner.getId()), args().add("tripId", tripId).add("reservationId", dinner).add("title", "x"), "not a transport");
        // and the mirror: a transport is not turned into a booking (its stops would be orphaned)
        fails(reservationTools, "update_reservation", full(owner.getId()), args().add("tripId", tripId).add("reservationId", tId)
                .add("type", "hotel"), "use update_transport");
        refusals(reservationTools, "update_transport", Permission.RESERVATION_EDIT, upd);
        Supplier<JsonObjectBuilder> del = () -> args().add("tripId", tripId).add("reservationId", tId);
        refusals(reservationTools, "delete_transport", Permission.RESERVATION_EDIT, del);
        fails(reservationTools, "delete_transport", full(owner.getId()), args().add("tripId", tripId).add("reservationId", dinner), "not a transport");
        ok(reservationTools, "delete_transport", full(member.getId()), del.get());
    }

    // ---------------------------------------------------------------- budget

    @Test
    void budgetItemsMembersAndPaidFlags() {
        Supplier<JsonObjectBuilder> create = () -> args().add("tripId", tripId).add("name", "Hotel").add("total_price", 300.5);
        JsonObject item = ok(budgetTools, "create_budget_item", grant(member.getId(), "budget:write"), create.get()).getJsonObject("item");
        assertEquals("Other", item.getString("category"));
        long itemId = item.getJsonNumber("id").longValue();
        fails(budgetTools, "create_budget_item", full(owner.getId()), args().add("tripId", tripId).add("name", "X").add("total_price", -1), "negative");
        // a number that is cheap to send but ruinous to rescale is refused at once
        org.junit.jupiter.api.Assertions.assertTimeout(java.time.Duration.ofSeconds(5), () -> invalidParams(budgetTools,
                "create_budget_item", full(owner.getId()), args().add("tripId", tripId).add("name", "X")
                        .add("total_price", new java.math.BigDecimal("1e500000000")), "total_price"));
        refusals(budgetTools, "create_budget_item", Permission.BUDGET_EDIT, create);
        addons.setEnabled(AddonId.BUDGET, false);
        fails(budgetTools, "create_budget_item", full(owner.getId()), create.get(), "addon is disabled");
        addons.setEnabled(AddonId.BUDGET, true);

        Supplier<JsonObjectBuilder> upd = () -> args().add("tripId", tripId).add("itemId", itemId).add("persons", 2).add("category", "Lodging");
        assertEquals(2, ok(budgetTools, "update_budget_item", full(member.getId()), upd.get()).getJsonObject("item").getInt("persons"));
        assertTrue(ok(budgetTools, "update_budget_item", full(owner.getId()), args().add("tripId", tripId).add("itemId", itemId).addNull("persons"))
                .getJsonObject("item").isNull("persons"));
        fails(budgetTools, "update_budget_item", full(owner.getId()), args().add("tripId", tripId).add("itemId", itemId).add("name", ""), "name");
        refusals(budgetTools, "update_budget_item", Permission.BUDGET_EDIT, upd);

        Supplier<JsonObjectBuilder> withMembers = () -> args().add("tripId", tripId).add("name", "Taxi").add("total_price", 40)
                .add("userIds", Json.createArrayBuilder().add(owner.getId()).add(member.getId()));
        JsonObject shared = ok(budgetTools, "create_budget_item_with_members", full(member.getId()), withMembers.get()).getJsonObject("item");
        assertEquals(2, shared.getJsonArray("members").size());
        long sharedId = shared.getJsonNumber("id").longValue();
        // Reference §9.1.4: non-members are refused, and nothing is created (one transaction).
        fails(budgetTools, "create_budget_item_with_members", full(owner.getId()), args().add("tripId", tripId).add("name", "Ghost").add("total_price", 1)
                .add("userIds", Json.createArrayBuilder().add(stranger.getId())), "not a member");
        refusals(budgetTools, "create_budget_item_with_members", Permission.BUDGET_EDIT, withMembers);

        Supplier<JsonObjectBuilder> set = () -> args().add("tripId", tripId).add("itemId", itemId).add("userIds", Json.createArrayBuilder().add(member.getId()));
        assertEquals(1, ok(budgetTools, "set_budget_item_members", full(member.getId()), set.get()).getJsonObject("item").getJsonArray("members").size());
        fails(budgetTools, "set_budget_item_members", full(owner.getId()), args().add("tripId", tripId).add("itemId", itemId)
                .add("userIds", Json.createArrayBuilder().add(stranger.getId())), "not a member");
        refusals(budgetTools, "set_budget_item_members", Permission.BUDGET_EDIT, set);

        Supplier<JsonObjectBuilder> paid = () -> args().add("tripId", tripId).add("itemId", sharedId).add("memberId", member.getId()).add("paid", true);
        assertTrue(ok(budgetTools, "toggle_budget_member_paid", full(member.getId()), paid.get()).getJsonObject("member").getInt("paid") == 1, "the original's 0/1 flag");
        fails(budgetTools, "toggle_budget_member_paid", full(owner.getId()), args().add("tripId", tripId).add("itemId", sharedId)
                .add("memberId", stranger.getId()).add("paid", true), "Budget member not found.");
        refusals(budgetTools, "toggle_budget_member_paid", Permission.BUDGET_EDIT, paid);
        // Reference §9.1.4: an item of another trip cannot be flipped through a trip the caller can access.
        long strangerTrip = ok(tripTools, "create_trip", full(stranger.getId()), args().add("title", "Theirs")).getJsonObject("trip").getJsonNumber("id").longValue();
        long theirItem = id(ok(budgetTools, "create_budget_item_with_members", full(stranger.getId()), args().add("tripId", strangerTrip).add("name", "Theirs")
                .add("total_price", 5).add("userIds", Json.createArrayBuilder().add(stranger.getId()))), "item");
        fails(budgetTools, "toggle_budget_member_paid", full(owner.getId()), args().add("tripId", tripId).add("itemId", theirItem)
                .add("memberId", stranger.getId()).add("paid", true), "Budget item not found.");

        Supplier<JsonObjectBuilder> del = () -> args().add("tripId", tripId).add("itemId", itemId);
        refusals(budgetTools, "delete_budget_item", Permission.BUDGET_EDIT, del);
        ok(budgetTools, "delete_budget_item", full(member.getId()), del.get());
        fails(budgetTools, "delete_budget_item", full(owner.getId()), del.get(), "Budget item not found.");
    }

    // ---------------------------------------------------------------- packing

    @Test
    void packingItems() {
        Supplier<JsonObjectBuilder> create = () -> args().add("tripId", tripId).add("name", "Passport");
        JsonObject item = ok(packingTools, "create_packing_item", grant(member.getId(), "packing:write"), create.get()).getJsonObject("item");
        assertEquals("General", item.getString("category"));
        long itemId = item.getJsonNumber("id").longValue();
        fails(packingTools, "create_packing_item", full(owner.getId()), args().add("tripId", tripId).add("name", " "), "name");
        refusals(packingTools, "create_packing_item", Permission.PACKING_EDIT, create);
        addons.setEnabled(AddonId.PACKING, false);
        fails(packingTools, "create_packing_item", full(owner.getId()), create.get(), "addon is disabled");
        addons.setEnabled(AddonId.PACKING, true);

        Supplier<JsonObjectBuilder> toggle = () -> args().add("tripId", tripId).add("itemId", itemId).add("checked", true);
        assertTrue(ok(packingTools, "toggle_packing_item", full(member.getId()), toggle.get()).getJsonObject("item").getInt("checked") == 1, "the original's 0/1 flag");
        invalidParams(packingTools, "toggle_packing_item", full(owner.getId()), args().add("tripId", tripId).add("itemId", itemId), "checked");
        fails(packingTools, "toggle_packing_item", full(owner.getId()), args().add("tripId", otherTripId).add("itemId", itemId).add("checked", true), "Packing item not found.");
        refusals(packingTools, "toggle_packing_item", Permission.PACKING_EDIT, toggle);

        Supplier<JsonObjectBuilder> upd = () -> args().add("tripId", tripId).add("itemId", itemId).add("category", "Documents");
        assertEquals("Documents", ok(packingTools, "update_packing_item", full(member.getId()), upd.get()).getJsonObject("item").getString("category"));
        fails(packingTools, "update_packing_item", full(owner.getId()), args().add("tripId", tripId).add("itemId", itemId).add("name", ""), "name");
        refusals(packingTools, "update_packing_item", Permission.PACKING_EDIT, upd);

        long second = id(ok(packingTools, "create_packing_item", full(owner.getId()), args().add("tripId", tripId).add("name", "Charger")), "item");
        Supplier<JsonObjectBuilder> reorder = () -> args().add("tripId", tripId).add("orderedIds", Json.createArrayBuilder().add(second).add(itemId));
        ok(packingTools, "reorder_packing_items", full(member.getId()), reorder.get());
        long foreign = id(ok(packingTools, "create_packing_item", full(owner.getId()), args().add("tripId", otherTripId).add("name", "Other")), "item");
        fails(packingTools, "reorder_packing_items", full(owner.getId()), args().add("tripId", tripId).add("orderedIds", Json.createArrayBuilder().add(foreign)), "not found");
        refusals(packingTools, "reorder_packing_items", Permission.PACKING_EDIT, reorder);

        Supplier<JsonObjectBuilder> bulk = () -> args().add("tripId", tripId).add("items", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "Socks").add("category", "Clothes").add("quantity", 5))
                .add(Json.createObjectBuilder().add("name", "Shirt").add("category", "Clothes")));
        assertEquals(2, ok(packingTools, "bulk_import_packing", full(member.getId()), bulk.get()).getInt("count"));
        invalidParams(packingTools, "bulk_import_packing", full(owner.getId()), args().add("tripId", tripId).add("items", Json.createArrayBuilder()), "items");
        refusals(packingTools, "bulk_import_packing", Permission.PACKING_EDIT, bulk);

        Supplier<JsonObjectBuilder> save = () -> args().add("tripId", tripId).add("templateName", "City trip");
        long templateId = ok(packingTools, "save_packing_template", full(member.getId()), save.get()).getJsonNumber("templateId").longValue();
        fails(packingTools, "save_packing_template", full(owner.getId()), args().add("tripId", tripId).add("templateName", " "), "templateName");
        refusals(packingTools, "save_packing_template", Permission.PACKING_EDIT, save);
        // A saved list is its author's: another user (here the trip's owner, no admin) cannot apply it, even to
        // their own trip; a stranger cannot read it into a trip of theirs either.
        fails(packingTools, "apply_packing_template", full(owner.getId()), args().add("tripId", otherTripId)
                .add("templateId", templateId), "Template not found.");
        long strangersTrip = ok(tripTools, "create_trip", full(stranger.getId()), args().add("title", "Mine"))
                .getJsonObject("trip").getJsonNumber("id").longValue();
        fails(packingTools, "apply_packing_template", full(stranger.getId()), args().add("tripId", strangersTrip)
                .add("templateId", templateId), "Template not found.");
        long ownersTemplate = ok(packingTools, "save_packing_template", full(owner.getId()), save.get())
                .getJsonNumber("templateId").longValue();
        Supplier<JsonObjectBuilder> apply = () -> args().add("tripId", otherTripId).add("templateId", ownersTemplate);
        assertEquals(4, ok(packingTools, "apply_packing_template", full(owner.getId()), apply.get()).getInt("count"));
        fails(packingTools, "apply_packing_template", full(owner.getId()), args().add("tripId", tripId).add("templateId", 999_999_999L), "Template not found.");
        scopeGate(packingTools, "apply_packing_template", owner.getId(), apply.get());
        fails(packingTools, "apply_packing_template", full(stranger.getId()), args().add("tripId", tripId).add("templateId", ownersTemplate), NO_ACCESS);
        permissions.set(Actor.system(), Permission.PACKING_EDIT, Permission.Level.OWNER);
        fails(packingTools, "apply_packing_template", full(member.getId()), args().add("tripId", tripId).add("templateId", templateId), "packing_edit");
        permissions.set(Actor.system(), Permission.PACKING_EDIT, Permission.Level.MEMBER);

        Supplier<JsonObjectBuilder> del = () -> args().add("tripId", tripId).add("itemId", itemId);
        refusals(packingTools, "delete_packing_item", Permission.PACKING_EDIT, del);
        ok(packingTools, "delete_packing_item", full(member.getId()), del.get());
        fails(packingTools, "delete_packing_item", full(owner.getId()), del.get(), "Packing item not found.");
    }

    @Test
    void packingBagsAndAssignees() {
        Supplier<JsonObjectBuilder> create = () -> args().add("tripId", tripId).add("name", "Backpack");
        long bagId = id(ok(packingTools, "create_packing_bag", grant(member.getId(), "packing:write"), create.get()), "bag");
        fails(packingTools, "create_packing_bag", full(owner.getId()), args().add("tripId", tripId).add("name", "x").add("color", "blue"), "color");
        refusals(packingTools, "create_packing_bag", Permission.PACKING_EDIT, create);
        Supplier<JsonObjectBuilder> upd = () -> args().add("tripId", tripId).add("bagId", bagId).add("name", "Daypack");
        assertEquals("Daypack", ok(packingTools, "update_packing_bag", full(member.getId()), upd.get()).getJsonObject("bag").getString("name"));
        fails(packingTools, "update_packing_bag", full(owner.getId()), args().add("tripId", otherTripId).add("bagId", bagId).add("name", "x"), "Bag not found.");
        refusals(packingTools, "update_packing_bag", Permission.PACKING_EDIT, upd);

        Supplier<JsonObjectBuilder> members = () -> args().add("tripId", tripId).add("bagId", bagId).add("userIds", Json.createArrayBuilder().add(member.getId()));
        ok(packingTools, "set_bag_members", full(member.getId()), members.get());
        // Reference §9.1.4: only trip members can carry a bag.
        fails(packingTools, "set_bag_members", full(owner.getId()), args().add("tripId", tripId).add("bagId", bagId)
                .add("userIds", Json.createArrayBuilder().add(stranger.getId())), "not a member");
        refusals(packingTools, "set_bag_members", Permission.PACKING_EDIT, members);
        Supplier<JsonObjectBuilder> list = () -> args().add("tripId", tripId);
        JsonObject bags = ok(packingTools, "list_packing_bags", grant(member.getId(), "packing:read"), list.get());
        assertEquals(member.getId().longValue(), bags.getJsonArray("bags").getJsonObject(0).getJsonArray("member_ids").getJsonNumber(0).longValue());
        scopeGate(packingTools, "list_packing_bags", owner.getId(), list.get());
        fails(packingTools, "list_packing_bags", full(stranger.getId()), list.get(), NO_ACCESS);

        Supplier<JsonObjectBuilder> assign = () -> args().add("tripId", tripId).add("categoryName", "Clothes").add("userIds", Json.createArrayBuilder().add(owner.getId()));
        ok(packingTools, "set_packing_category_assignees", full(member.getId()), assign.get());
        fails(packingTools, "set_packing_category_assignees", full(owner.getId()), args().add("tripId", tripId).add("categoryName", "Clothes")
                .add("userIds", Json.createArrayBuilder().add(stranger.getId())), "not a member");
        refusals(packingTools, "set_packing_category_assignees", Permission.PACKING_EDIT, assign);
        JsonObject got = ok(packingTools, "get_packing_category_assignees", grant(member.getId(), "packing:read"), list.get());
        assertEquals(owner.getId().longValue(), got.getJsonObject("assignees").getJsonArray("Clothes").getJsonObject(0).getJsonNumber("user_id").longValue());
        scopeGate(packingTools, "get_packing_category_assignees", owner.getId(), list.get());
        fails(packingTools, "get_packing_category_assignees", full(stranger.getId()), list.get(), NO_ACCESS);

        Supplier<JsonObjectBuilder> del = () -> args().add("tripId", tripId).add("bagId", bagId);
        refusals(packingTools, "delete_packing_bag", Permission.PACKING_EDIT, del);
        ok(packingTools, "delete_packing_bag", full(member.getId()), del.get());
        fails(packingTools, "delete_packing_bag", full(owner.getId()), del.get(), "Bag not found.");
    }

    // ---------------------------------------------------------------- to-dos

    @Test
    void todos() {
        Supplier<JsonObjectBuilder> create = () -> args().add("tripId", tripId).add("name", "Book museum").add("due_date", "2027-02-01")
                .add("assigned_user_id", member.getId()).add("priority", 2);
        long todoId = id(ok(todoTools, "create_todo", grant(member.getId(), "todos:write"), create.get()), "item");
        fails(todoTools, "create_todo", full(owner.getId()), args().add("tripId", tripId).add("name", "X").add("assigned_user_id", stranger.getId()), "not a member");
        fails(todoTools, "create_todo", full(owner.getId()), args().add("tripId", tripId).add("name", "X").add("due_date", "2027-02-31"), "due_date");
        refusals(todoTools, "create_todo", Permission.PACKING_EDIT, create);
        Supplier<JsonObjectBuilder> list = () -> args().add("tripId", tripId);
        assertEquals(1, ok(todoTools, "list_todos", grant(member.getId(), "todos:read"), list.get()).getJsonArray("items").size());
        scopeGate(todoTools, "list_todos", owner.getId(), list.get());
        fails(todoTools, "list_todos", full(stranger.getId()), list.get(), NO_ACCESS);
        invalidParams(todoTools, "list_todos", full(owner.getId()), args().add("tripId", tripId).add("cursor", "x"), "cursor");

        Supplier<JsonObjectBuilder> upd = () -> args().add("tripId", tripId).add("itemId", todoId).addNull("due_date").add("priority", 3);
        JsonObject u = ok(todoTools, "update_todo", full(member.getId()), upd.get()).getJsonObject("item");
        assertTrue(u.isNull("due_date"));
        assertEquals("Book museum", u.getString("name"), "omitted fields stay");
        fails(todoTools, "update_todo", full(owner.getId()), args().add("tripId", otherTripId).add("itemId", todoId).add("name", "x"), "To-do not found.");
        refusals(todoTools, "update_todo", Permission.PACKING_EDIT, upd);
        Supplier<JsonObjectBuilder> toggle = () -> args().add("tripId", tripId).add("itemId", todoId).add("checked", true);
        assertTrue(ok(todoTools, "toggle_todo", full(member.getId()), toggle.get()).getJsonObject("item").getInt("checked") == 1, "the original's 0/1 flag");
        invalidParams(todoTools, "toggle_todo", full(owner.getId()), args().add("tripId", tripId).add("itemId", todoId), "checked");
        refusals(todoTools, "toggle_todo", Permission.PACKING_EDIT, toggle);
        Supplier<JsonObjectBuilder> reorder = () -> args().add("tripId", tripId).add("orderedIds", Json.createArrayBuilder().add(todoId));
        ok(todoTools, "reorder_todos", full(member.getId()), reorder.get());
        fails(todoTools, "reorder_todos", full(owner.getId()), args().add("tripId", otherTripId).add("orderedIds", Json.createArrayBuilder().add(todoId)), "not found");
        refusals(todoTools, "reorder_todos", Permission.PACKING_EDIT, reorder);

        Supplier<JsonObjectBuilder> assign = () -> args().add("tripId", tripId).add("categoryName", "Bookings").add("userIds", Json.createArrayBuilder().add(member.getId()));
        assertEquals(1, ok(todoTools, "set_todo_category_assignees", full(member.getId()), assign.get()).getJsonArray("assignees").size());
        fails(todoTools, "set_todo_category_assignees", full(owner.getId()), args().add("tripId", tripId).add("categoryName", "B")
                .add("userIds", Json.createArrayBuilder().add(stranger.getId())), "not a member");
        refusals(todoTools, "set_todo_category_assignees", Permission.PACKING_EDIT, assign);
        assertTrue(ok(todoTools, "get_todo_category_assignees", grant(member.getId(), "todos:read"), list.get()).getJsonObject("assignees").containsKey("Bookings"));
        scopeGate(todoTools, "get_todo_category_assignees", owner.getId(), list.get());
        fails(todoTools, "get_todo_category_assignees", full(stranger.getId()), list.get(), NO_ACCESS);

        Supplier<JsonObjectBuilder> del = () -> args().add("tripId", tripId).add("itemId", todoId);
        refusals(todoTools, "delete_todo", Permission.PACKING_EDIT, del);
        ok(todoTools, "delete_todo", full(member.getId()), del.get());
        fails(todoTools, "delete_todo", full(owner.getId()), del.get(), "To-do not found.");
    }
}
