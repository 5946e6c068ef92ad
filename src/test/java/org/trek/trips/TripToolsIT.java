package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.it.Deployments;
import org.trek.trips.tools.TripTools;

/** The trip tools in the container: success, validation, other users' trips, the permission matrix, scope gates. */
@ExtendWith(ArquillianExtension.class)
class TripToolsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(TripToolsIT.class, ToolTestSupport.class, ToolTestSupport.TestCall.class);
    }

    @Inject
    TripTools tools;

    @Inject
    org.trek.trips.tools.DayTools dayTools;

    @Inject
    UserService users;

    @Inject
    PermissionService permissions;

    User owner;
    User member;
    User stranger;
    long tripId;

    @BeforeEach
    void seed() {
        owner = ToolTestSupport.newUser(users, "owner");
        member = ToolTestSupport.newUser(users, "member");
        stranger = ToolTestSupport.newUser(users, "stranger");
        tripId = createTrip(owner, "Lisbon", "2027-05-01", "2027-05-04");
        ok(tools, "add_trip_member", full(owner.getId()), args().add("tripId", tripId).add("identifier", member.getUsername()));
    }

    @AfterEach
    void resetMatrix() {
        for (Permission p : Permission.values()) {
            permissions.set(Actor.system(), p, p.defaultLevel());
        }
    }

    long createTrip(User user, String title, String start, String end) {
        var a = args().add("title", title);
        if (start != null) {
            a.add("start_date", start).add("end_date", end);
        }
        return ok(tools, "create_trip", full(user.getId()), a).getJsonObject("trip").getJsonNumber("id").longValue();
    }

    @Test
    void listTripsShowsOwnAndMemberTripsPagedAndNeedsTripsRead() {
        createTrip(owner, "Second", null, null);
        createTrip(owner, "Third", null, null);
        JsonObject page1 = ok(tools, "list_trips", grant(owner.getId(), "trips:read"), args().add("limit", 2));
        assertEquals(2, page1.getJsonArray("trips").size());
        String cursor = page1.getString("next_cursor");
        JsonObject page2 = ok(tools, "list_trips", grant(owner.getId(), "trips:read"), args().add("limit", 2).add("cursor", cursor));
        assertEquals(1, page2.getJsonArray("trips").size());
        assertTrue(page2.isNull("next_cursor"));
        JsonObject forMember = ok(tools, "list_trips", grant(member.getId(), "trips:share"), args());
        assertEquals(tripId, forMember.getJsonArray("trips").getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(0, ok(tools, "list_trips", full(stranger.getId()), args()).getJsonArray("trips").size());
        invalidParams(tools, "list_trips", full(owner.getId()), args().add("cursor", "abc"), "cursor");
        // Reference §9.1.1: a token with only weather:read must not list trips.
        fails(tools, "list_trips", grant(owner.getId(), "weather:read"), args(), "Insufficient scope");
        scopeGate(tools, "list_trips", owner.getId(), args());
    }

    @Test
    void summaryShowsOnlySectionsTheGrantAllows() {
        JsonObject narrow = ok(tools, "get_trip_summary", grant(member.getId(), "trips:read"), args().add("tripId", tripId));
        assertEquals("Lisbon", narrow.getJsonObject("trip").getString("title"));
        assertEquals(owner.getUsername(), narrow.getJsonObject("members").getJsonObject("owner").getString("username"));
        assertEquals(member.getUsername(), narrow.getJsonObject("members").getJsonArray("collaborators").getJsonObject(0).getString("username"));
        assertEquals(4, narrow.getJsonArray("days").size());
        assertFalse(narrow.getJsonArray("days").getJsonObject(0).containsKey("assignments"), "assignments need places:read");
        assertFalse(narrow.containsKey("budget"));
        assertFalse(narrow.containsKey("packing"));
        assertFalse(narrow.containsKey("reservations"));
        assertFalse(narrow.containsKey("todos"));
        // assignments, budget, packing, reservations, to-dos, and the collab addon's collab_notes, pollCount, messageCount
        assertEquals(8, narrow.getJsonArray("omitted_sections").size());
        JsonObject wide = ok(tools, "get_trip_summary", full(member.getId()), args().add("tripId", tripId));
        assertTrue(wide.getJsonArray("days").getJsonObject(0).containsKey("assignments"));
        assertTrue(wide.containsKey("budget") && wide.containsKey("packing") && wide.containsKey("reservations") && wide.containsKey("todos"));
        assertEquals(0, wide.getJsonArray("omitted_sections").size());
        fails(tools, "get_trip_summary", full(stranger.getId()), args().add("tripId", tripId), NO_ACCESS);
        fails(tools, "get_trip_summary", full(owner.getId()), args().add("tripId", 999_999_999L), NO_ACCESS);
        invalidParams(tools, "get_trip_summary", full(owner.getId()), args().add("tripId", 0), "tripId");
        // Reference §9.1.1: no trip scope, no summary.
        fails(tools, "get_trip_summary", grant(owner.getId(), "weather:read", "places:read"), args().add("tripId", tripId), "Insufficient scope");
        scopeGate(tools, "get_trip_summary", owner.getId(), args().add("tripId", tripId));
    }

    @Test
    void createTripGeneratesDaysValidatesDatesAndHonoursTheMatrix() {
        JsonObject trip = ok(tools, "create_trip", grant(owner.getId(), "trips:write"),
                args().add("title", "Long").add("start_date", "2027-01-01").add("end_date", "2027-12-31")).getJsonObject("trip");
        assertEquals(TripService.MAX_GENERATED_DAYS, trip.getInt("day_count"));
        assertEquals("EUR", trip.getString("currency"));
        JsonObject dateless = ok(tools, "create_trip", full(owner.getId()), args().add("title", "Someday").add("currency", "usd"))
                .getJsonObject("trip");
        assertEquals(TripService.DATELESS_DAYS, dateless.getInt("day_count"));
        assertEquals("USD", dateless.getString("currency"));
        fails(tools, "create_trip", full(owner.getId()), args().add("title", "X").add("start_date", "2027-05-04").add("end_date", "2027-05-01"),
                "end_date must not be before start_date");
        fails(tools, "create_trip", full(owner.getId()), args().add("title", "X").add("start_date", "2027-02-30"), "not a real calendar date");
        fails(tools, "create_trip", full(owner.getId()), args().add("title", "  "), "title");
        permissions.set(Actor.system(), Permission.TRIP_CREATE, Permission.Level.ADMIN);
        fails(tools, "create_trip", full(owner.getId()), args().add("title", "Nope"), "trip_create");
        User admin = ToolTestSupport.newAdmin(users, "admin");
        ok(tools, "create_trip", full(admin.getId()), args().add("title", "Admin trip"));
        scopeGate(tools, "create_trip", owner.getId(), args().add("title", "Gate"));
    }

    @Test
    void updateTripIsOwnerOnlyByDefaultAndRedatesDays() {
        // Day 4 holds a note: shortening the trip keeps that day (without a date) instead of deleting the note.
        long day4 = ok(tools, "get_trip_summary", full(owner.getId()), args().add("tripId", tripId)).getJsonArray("days")
                .getJsonObject(3).getJsonNumber("id").longValue();
        ok(dayTools, "create_day_note", full(owner.getId()), args().add("tripId", tripId).add("dayId", day4).add("text", "Keep me"));
        JsonObject t = ok(tools, "update_trip", grant(owner.getId(), "trips:write"),
                args().add("tripId", tripId).add("title", "Porto").add("start_date", "2027-06-01").add("end_date", "2027-06-02"))
                .getJsonObject("trip");
        assertEquals("Porto", t.getString("title"));
        JsonObject summary = ok(tools, "get_trip_summary", full(owner.getId()), args().add("tripId", tripId));
        assertEquals(3, summary.getJsonArray("days").size(), "the two new dates, and the empty day 3 gone: " + summary);
        assertEquals("2027-06-02", summary.getJsonArray("days").getJsonObject(1).getString("date"));
        JsonObject kept = summary.getJsonArray("days").getJsonObject(2);
        assertEquals(day4, kept.getJsonNumber("id").longValue());
        assertTrue(kept.isNull("date"), kept.toString());
        assertTrue(kept.toString().contains("Keep me"), kept.toString());
        // Reference §9.1.3: a member may not edit the trip when trip_edit is owner-only (the default).
        fails(tools, "update_trip", full(member.getId()), args().add("tripId", tripId).add("title", "Hijack"), "trip_edit");
        permissions.set(Actor.system(), Permission.TRIP_EDIT, Permission.Level.MEMBER);
        ok(tools, "update_trip", full(member.getId()), args().add("tripId", tripId).add("title", "Shared edit"));
        fails(tools, "update_trip", full(stranger.getId()), args().add("tripId", tripId).add("title", "X"), NO_ACCESS);
        fails(tools, "update_trip", full(owner.getId()), args().add("tripId", tripId).add("currency", "E1R"), "currency");
        scopeGate(tools, "update_trip", owner.getId(), args().add("tripId", tripId).add("title", "Gate"));
    }

    @Test
    void deleteTripNeedsTripsDeleteAndOwnership() {
        scopeGate(tools, "delete_trip", owner.getId(), args().add("tripId", tripId));
        fails(tools, "delete_trip", grant(owner.getId(), "trips:write"), args().add("tripId", tripId), "Insufficient scope");
        fails(tools, "delete_trip", full(member.getId()), args().add("tripId", tripId), "trip_delete");
        fails(tools, "delete_trip", full(stranger.getId()), args().add("tripId", tripId), NO_ACCESS);
        invalidParams(tools, "delete_trip", full(owner.getId()), args(), "tripId");
        JsonObject r = ok(tools, "delete_trip", grant(owner.getId(), "trips:delete"), args().add("tripId", tripId));
        assertTrue(r.getBoolean("success"));
        fails(tools, "get_trip_summary", full(owner.getId()), args().add("tripId", tripId), NO_ACCESS);
    }

    @Test
    void membersAreListedAddedAndRemovedByTheOwnerOnly() {
        JsonObject list = ok(tools, "list_trip_members", grant(member.getId(), "trips:read"), args().add("tripId", tripId));
        assertEquals(owner.getId().longValue(), list.getJsonObject("owner").getJsonNumber("user_id").longValue());
        assertEquals(1, list.getJsonArray("members").size());
        fails(tools, "list_trip_members", full(stranger.getId()), args().add("tripId", tripId), NO_ACCESS);
        scopeGate(tools, "list_trip_members", owner.getId(), args().add("tripId", tripId));

        User third = ToolTestSupport.newUser(users, "third");
        fails(tools, "add_trip_member", full(member.getId()), args().add("tripId", tripId).add("identifier", third.getEmail()), "member_manage");
        fails(tools, "add_trip_member", full(stranger.getId()), args().add("tripId", tripId).add("identifier", third.getEmail()), NO_ACCESS);
        fails(tools, "add_trip_member", full(owner.getId()), args().add("tripId", tripId).add("identifier", "nobody-" + tripId), "User not found.");
        fails(tools, "add_trip_member", full(owner.getId()), args().add("tripId", tripId).add("identifier", member.getUsername()), "already");
        scopeGate(tools, "add_trip_member", owner.getId(), args().add("tripId", tripId).add("identifier", third.getEmail()));
        JsonObject added = ok(tools, "add_trip_member", grant(owner.getId(), "trips:write"),
                args().add("tripId", tripId).add("identifier", third.getEmail()));
        assertEquals(third.getUsername(), added.getJsonObject("member").getString("username"));

        fails(tools, "remove_trip_member", full(member.getId()), args().add("tripId", tripId).add("memberId", third.getId()), "member_manage");
        fails(tools, "remove_trip_member", full(stranger.getId()), args().add("tripId", tripId).add("memberId", third.getId()), NO_ACCESS);
        fails(tools, "remove_trip_member", full(owner.getId()), args().add("tripId", tripId).add("memberId", stranger.getId()), "Member not found.");
        scopeGate(tools, "remove_trip_member", owner.getId(), args().add("tripId", tripId).add("memberId", third.getId()));
        ok(tools, "remove_trip_member", grant(owner.getId(), "trips:write"), args().add("tripId", tripId).add("memberId", third.getId()));
        assertEquals(0, ok(tools, "list_trips", full(third.getId()), args()).getJsonArray("trips").size());
    }

    @Test
    void copyTripCopiesForAnyMemberIntoTheirOwnTrip() {
        JsonObject copy = ok(tools, "copy_trip", grant(member.getId(), "trips:write"), args().add("tripId", tripId)).getJsonObject("trip");
        assertEquals(member.getId().longValue(), copy.getJsonNumber("user_id").longValue());
        assertEquals("Copy of Lisbon", copy.getString("title"));
        long copyId = copy.getJsonNumber("id").longValue();
        assertEquals(4, ok(tools, "get_trip_summary", full(member.getId()), args().add("tripId", copyId)).getJsonArray("days").size());
        fails(tools, "copy_trip", full(stranger.getId()), args().add("tripId", tripId), NO_ACCESS);
        fails(tools, "copy_trip", full(member.getId()), args().add("tripId", tripId).add("title", " "), "title");
        permissions.set(Actor.system(), Permission.TRIP_CREATE, Permission.Level.ADMIN);
        fails(tools, "copy_trip", full(member.getId()), args().add("tripId", tripId), "trip_create");
        scopeGate(tools, "copy_trip", member.getId(), args().add("tripId", tripId));
    }

    @Test
    void exportIsValidICalendar() {
        JsonObject r = ok(tools, "export_trip_ics", grant(member.getId(), "trips:read"), args().add("tripId", tripId));
        String ics = r.getString("ics");
        assertEquals("Lisbon.ics", r.getString("filename"));
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), ics);
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20270501\r\n"));
        assertTrue(ics.contains("DTEND;VALUE=DATE:20270505\r\n"), "all-day DTEND is exclusive");
        assertTrue(ics.contains("\r\nUID:trip-" + tripId + "@"));
        assertTrue(ics.contains("\r\nDTSTAMP:"));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
        }
        assertFalse(ics.replace("\r\n", "").contains("\n"), "bare LF");
        fails(tools, "export_trip_ics", full(stranger.getId()), args().add("tripId", tripId), NO_ACCESS);
        scopeGate(tools, "export_trip_ics", owner.getId(), args().add("tripId", tripId));
    }

    @Test
    void icsFoldsLongLinesAndEscapesText() {
        ok(tools, "update_trip", full(owner.getId()), args().add("tripId", tripId)
                .add("description", "Ünïcödé, semicolons; backslash \\ and a newline\n" + "x".repeat(200)));
        String ics = ok(tools, "export_trip_ics", full(owner.getId()), args().add("tripId", tripId)).getString("ics");
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("DESCRIPTION:Ünïcödé\\, semicolons\\; backslash \\\\ and a newline\\n" + "x".repeat(200)), unfolded);
    }

    @Test
    void shareLinksNeedTripsShareAndShareManagePermission() {
        // Reference §9.1.3: a member must not manage share links when share_manage is owner-only (the default).
        fails(tools, "create_share_link", full(member.getId()), args().add("tripId", tripId), "share_manage");
        fails(tools, "create_share_link", full(stranger.getId()), args().add("tripId", tripId), NO_ACCESS);
        fails(tools, "create_share_link", grant(owner.getId(), "trips:write"), args().add("tripId", tripId), "Insufficient scope");
        scopeGate(tools, "create_share_link", owner.getId(), args().add("tripId", tripId));
        JsonObject created = ok(tools, "create_share_link", grant(owner.getId(), "trips:share"), args().add("tripId", tripId).add("share_budget", true));
        assertTrue(created.getBoolean("created"));
        String token = created.getString("token");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 random bits, URL-safe: " + token);
        assertTrue(created.getString("url").endsWith("/shared/" + token), created.toString());
        JsonObject again = ok(tools, "create_share_link", full(owner.getId()), args().add("tripId", tripId).add("share_map", false));
        assertFalse(again.getBoolean("created"));
        assertEquals(token, again.getString("token"), "the same link again");
        JsonObject got = ok(tools, "get_share_link", grant(owner.getId(), "trips:share"), args().add("tripId", tripId));
        assertEquals(token, got.getJsonObject("link").getString("token"));
        assertFalse(got.getJsonObject("link").getBoolean("share_map"));
        assertFalse(got.getJsonObject("link").getBoolean("share_budget"), "flags left out take their defaults again");
        assertTrue(java.time.Instant.parse(got.getJsonObject("link").getString("created_at")) != null, got.toString());
        fails(tools, "get_share_link", full(member.getId()), args().add("tripId", tripId), "share_manage");
        fails(tools, "get_share_link", full(stranger.getId()), args().add("tripId", tripId), NO_ACCESS);
        scopeGate(tools, "get_share_link", owner.getId(), args().add("tripId", tripId));
        permissions.set(Actor.system(), Permission.SHARE_MANAGE, Permission.Level.MEMBER);
        assertNotNull(ok(tools, "get_share_link", full(member.getId()), args().add("tripId", tripId)).getJsonObject("link"));
        permissions.set(Actor.system(), Permission.SHARE_MANAGE, Permission.Level.OWNER);
        fails(tools, "delete_share_link", full(member.getId()), args().add("tripId", tripId), "share_manage");
        fails(tools, "delete_share_link", full(stranger.getId()), args().add("tripId", tripId), NO_ACCESS);
        scopeGate(tools, "delete_share_link", owner.getId(), args().add("tripId", tripId));
        ok(tools, "delete_share_link", grant(owner.getId(), "trips:share"), args().add("tripId", tripId));
        assertTrue(ok(tools, "get_share_link", full(owner.getId()), args().add("tripId", tripId)).isNull("link"));
        fails(tools, "delete_share_link", full(owner.getId()), args().add("tripId", tripId), "Share link not found.");
    }

    @Test
    void everyToolDeclaresTitleSchemasAndClosedInputs() {
        for (var t : tools.tools()) {
            assertNotNull(t.title(), t.name());
            assertEquals("https://json-schema.org/draft/2020-12/schema", t.inputSchema().getString("$schema"), t.name());
            assertEquals("object", t.inputSchema().getString("type"));
            assertFalse(t.inputSchema().getBoolean("additionalProperties"), t.name());
            assertNotNull(t.outputSchema(), t.name());
            assertNotNull(t.requiredScope(), t.name() + " must be scope-gated");
        }
        assertEquals(13, tools.tools().size());
    }
}
