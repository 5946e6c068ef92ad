package org.trek.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.notifications.resources.NotificationResources;
import org.trek.notifications.tools.NotificationTools;
import org.trek.platform.auth.AccessGrant;
import org.trek.trips.Permission;
import org.trek.trips.PermissionService;
import org.trek.trips.ToolTestSupport;
import org.trek.trips.tools.ReservationTools;
import org.trek.trips.tools.TripTools;

/**
 * The notification tools and resource in the container, with notifications made the way the application makes them:
 * adding a member (trip_invite to the added user) and booking changes by one participant (booking_change to the
 * others). Each user sees only their own; another user's id is "not found" and changes nothing; the scope gates; the
 * paging; the shapes of the original's answers (reference transcripts).
 */
@ExtendWith(ArquillianExtension.class)
class NotificationToolsIT {
    static final String NOT_FOUND = "Notification not found.";

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(NotificationToolsIT.class, ToolTestSupport.class, ToolTestSupport.TestCall.class);
    }

    @Inject
    NotificationTools tools;

    @Inject
    NotificationResources resources;

    @Inject
    TripTools tripTools;

    @Inject
    ReservationTools reservationTools;

    @Inject
    UserService users;

    @Inject
    PermissionService permissions;

    User owner;
    User member;
    User other;
    long tripId;

    @BeforeEach
    void seed() {
        owner = ToolTestSupport.newUser(users, "nowner");
        member = ToolTestSupport.newUser(users, "nmember");
        other = ToolTestSupport.newUser(users, "nother");
        tripId = createTrip(owner, "Kyoto");
    }

    @AfterEach
    void resetMatrix() {
        for (Permission p : Permission.values()) {
            permissions.set(Actor.system(), p, p.defaultLevel());
        }
    }

    long createTrip(User user, String title) {
        return ok(tripTools, "create_trip", full(user.getId()), args().add("title", title)).getJsonObject("trip")
                .getJsonNumber("id").longValue();
    }

    void addMember(User by, long trip, User who) {
        ok(tripTools, "add_trip_member", full(by.getId()), args().add("tripId", trip).add("identifier", who.getUsername()));
    }

    long booking(User by, String title) {
        return ok(reservationTools, "create_reservation", full(by.getId()), args().add("tripId", tripId).add("title", title)
                .add("type", "restaurant")).getJsonObject("reservation").getJsonNumber("id").longValue();
    }

    JsonObject list(User u, int limit) {
        return ok(tools, "list_notifications", grant(u.getId(), "notifications:read"), args().add("limit", limit));
    }

    JsonArray items(User u) {
        return list(u, 200).getJsonArray("notifications");
    }

    int unread(User u) {
        return ok(tools, "get_unread_notification_count", grant(u.getId(), "notifications:read"), args()).getInt("count");
    }

    static long id(JsonValue notification) {
        return notification.asJsonObject().getJsonNumber("id").longValue();
    }

    static JsonObject params(JsonObject n, String key) {
        return Json.createReader(new StringReader(n.getString(key))).readObject();
    }

    // ---------------------------------------------------------------- what creates notifications

    @Test
    void addingAMemberNotifiesTheAddedUserOnly() {
        addMember(owner, tripId, member);
        JsonArray forMember = items(member);
        assertEquals(1, forMember.size(), forMember.toString());
        JsonObject n = forMember.getJsonObject(0);
        assertEquals("navigate", n.getString("type"));
        assertEquals("user", n.getString("scope"));
        assertEquals(member.getId().longValue(), n.getJsonNumber("target").longValue());
        assertEquals(owner.getId().longValue(), n.getJsonNumber("sender_id").longValue());
        assertEquals(member.getId().longValue(), n.getJsonNumber("recipient_id").longValue());
        assertEquals("notif.trip_invite.title", n.getString("title_key"));
        assertEquals("notif.trip_invite.text", n.getString("text_key"));
        JsonObject p = params(n, "text_params");
        assertEquals("Kyoto", p.getString("trip"));
        assertEquals(owner.getUsername(), p.getString("actor"));
        assertEquals(member.getUsername(), p.getString("invitee"));
        assertEquals(String.valueOf(tripId), p.getString("tripId"));
        assertEquals(p, params(n, "title_params"));
        assertEquals("notif.action.view_trip", n.getString("navigate_text_key"));
        assertEquals("/trips/" + tripId, n.getString("navigate_target"));
        assertEquals(0, n.getInt("is_read"));
        assertEquals(owner.getUsername(), n.getString("sender_username"));
        assertEquals(owner.getUsername() + " added you to the trip \"Kyoto\".", n.getString("text"));
        assertEquals(1, unread(member));
        // The one who added sees nothing; neither does anyone else.
        assertEquals(0, items(owner).size());
        assertEquals(0, unread(owner));
        assertEquals(0, items(other).size());
        // A refused addition (already a member) notifies nobody.
        fails(tripTools, "add_trip_member", full(owner.getId()), args().add("tripId", tripId).add("identifier", member.getUsername()),
                "already a member");
        assertEquals(1, items(member).size());
    }

    @Test
    void bookingChangesNotifyTheOtherParticipants() {
        addMember(owner, tripId, member);
        addMember(owner, tripId, other);
        ok(tools, "mark_all_notifications_read", full(member.getId()), args());
        ok(tools, "mark_all_notifications_read", full(other.getId()), args());

        long dinner = booking(member, "Sushi dinner");
        assertEquals(1, unread(owner));
        assertEquals(1, unread(other));
        assertEquals(0, unread(member), "not told about one's own change");
        JsonObject n = items(owner).getJsonObject(0);
        assertEquals("trip", n.getString("scope"));
        assertEquals(tripId, n.getJsonNumber("target").longValue());
        assertEquals(member.getId().longValue(), n.getJsonNumber("sender_id").longValue());
        assertEquals("notif.booking_change.title", n.getString("title_key"));
        JsonObject p = params(n, "text_params");
        assertEquals(Map.of("trip", "Kyoto", "actor", member.getUsername(), "booking", "Sushi dinner", "type", "restaurant",
                "tripId", String.valueOf(tripId), "action", "created"),
                Map.copyOf(p.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> ((jakarta.json.JsonString) e.getValue()).getString()))));
        assertEquals(member.getUsername() + " created the restaurant booking \"Sushi dinner\" of the trip \"Kyoto\".", n.getString("text"));

        ok(reservationTools, "update_reservation", full(owner.getId()), args().add("tripId", tripId).add("reservationId", dinner)
                .add("status", "confirmed"));
        assertEquals(1, unread(member));
        assertEquals(2, unread(other));
        assertEquals(1, unread(owner), "the owner changed it");
        assertEquals("updated", params(items(member).getJsonObject(0), "text_params").getString("action"));

        long train = ok(reservationTools, "create_transport", full(other.getId()), args().add("tripId", tripId).add("type", "train")
                .add("title", "Shinkansen")).getJsonObject("reservation").getJsonNumber("id").longValue();
        ok(reservationTools, "delete_transport", full(other.getId()), args().add("tripId", tripId).add("reservationId", train));
        ok(reservationTools, "delete_reservation", full(other.getId()), args().add("tripId", tripId).add("reservationId", dinner));
        assertEquals(4, unread(owner));
        assertEquals(4, unread(member));
        assertEquals(2, unread(other));
        JsonObject latest = items(member).getJsonObject(0);
        assertEquals("deleted", params(latest, "text_params").getString("action"));
        assertEquals("Sushi dinner", params(latest, "text_params").getString("booking"));

        // A refused change notifies nobody.
        permissions.set(Actor.system(), Permission.RESERVATION_EDIT, Permission.Level.OWNER);
        fails(reservationTools, "create_reservation", full(member.getId()), args().add("tripId", tripId).add("title", "No")
                .add("type", "other"), "reservation_edit");
        assertEquals(4, unread(owner));
        assertEquals(2, unread(other));

        // Alone on a trip, one's own bookings notify nobody.
        tripId = createTrip(other, "Solo");
        booking(other, "Ryokan");
        assertEquals(2, unread(other));
    }

    // ---------------------------------------------------------------- reading and marking

    @Test
    void readUnreadAndAllMarking() {
        addMember(owner, tripId, member);
        booking(owner, "One");
        booking(owner, "Two");
        List<Long> ids = new ArrayList<>();
        items(member).forEach(n -> ids.add(id(n)));
        assertEquals(3, ids.size());
        AccessGrant write = grant(member.getId(), "notifications:write");

        assertEquals(JsonValue.TRUE, ok(tools, "mark_notification_read", write, args().add("notificationId", ids.get(0))).get("success"));
        assertEquals(2, unread(member));
        ok(tools, "mark_notification_read", write, args().add("notificationId", ids.get(0)));
        assertEquals(2, unread(member), "marking read twice is the same as once");
        assertEquals(1, items(member).getJsonObject(0).getInt("is_read"));

        JsonObject unreadOnly = ok(tools, "list_notifications", write, args().add("unread_only", true));
        assertEquals(2, unreadOnly.getJsonArray("notifications").size());
        assertEquals(2, unreadOnly.getInt("total"));
        assertEquals(2, unreadOnly.getInt("unread_count"));
        JsonObject all = list(member, 200);
        assertEquals(3, all.getInt("total"));
        assertEquals(2, all.getInt("unread_count"));

        ok(tools, "mark_notification_unread", write, args().add("notificationId", ids.get(0)));
        assertEquals(3, unread(member));
        ok(tools, "mark_notification_unread", write, args().add("notificationId", ids.get(0)));
        assertEquals(3, unread(member));

        JsonObject allRead = ok(tools, "mark_all_notifications_read", write, args());
        assertEquals(JsonValue.TRUE, allRead.get("success"));
        assertEquals(3, allRead.getInt("count"));
        assertEquals(0, unread(member));
        assertEquals(0, ok(tools, "mark_all_notifications_read", write, args()).getInt("count"));
        JsonObject none = ok(tools, "list_notifications", write, args().add("unread_only", true));
        assertEquals(0, none.getJsonArray("notifications").size());
        assertEquals(0, none.getInt("total"));
        assertEquals(3, list(member, 200).getInt("total"));
    }

    @Test
    void anotherUsersNotificationIsNotFoundAndChangesNothing() {
        addMember(owner, tripId, member);
        long mine = id(items(member).get(0));
        AccessGrant stranger = full(other.getId());
        for (String tool : List.of("mark_notification_read", "mark_notification_unread")) {
            assertEquals(NOT_FOUND, fails(tools, tool, stranger, args().add("notificationId", mine), NOT_FOUND));
            assertEquals(NOT_FOUND, fails(tools, tool, full(member.getId()), args().add("notificationId", 2147480000L), NOT_FOUND));
        }
        assertEquals(1, unread(member), "still unread");
        ok(tools, "mark_notification_read", full(member.getId()), args().add("notificationId", mine));
        fails(tools, "mark_notification_unread", stranger, args().add("notificationId", mine), NOT_FOUND);
        assertEquals(0, unread(member), "still read");
        // mark-all of another user touches only their own.
        booking(owner, "Tea house");
        assertEquals(0, ok(tools, "mark_all_notifications_read", stranger, args()).getInt("count"));
        assertEquals(1, unread(member));
        assertEquals(0, items(other).size());
        invalidParams(tools, "mark_notification_read", full(member.getId()), args().add("notificationId", 0), "notificationId");
        invalidParams(tools, "mark_notification_read", full(member.getId()), args(), "notificationId");
    }

    @Test
    void scopeGates() {
        addMember(owner, tripId, member);
        long mine = id(items(member).get(0));
        AccessGrant readOnly = grant(member.getId(), "notifications:read");
        for (String tool : List.of("mark_notification_read", "mark_notification_unread")) {
            fails(tools, tool, readOnly, args().add("notificationId", mine), "Insufficient scope");
            scopeGate(tools, tool, member.getId(), args().add("notificationId", mine));
        }
        fails(tools, "mark_all_notifications_read", readOnly, args(), "Insufficient scope");
        scopeGate(tools, "mark_all_notifications_read", member.getId(), args());
        assertEquals(1, unread(member), "refused calls changed nothing");
        scopeGate(tools, "list_notifications", member.getId(), args());
        scopeGate(tools, "get_unread_notification_count", member.getId(), args());
        fails(tools, "list_notifications", grant(member.getId(), "trips:read", "reservations:write"), args(), "Insufficient scope");
        // notifications:write implies notifications:read.
        assertEquals(1, ok(tools, "get_unread_notification_count", grant(member.getId(), "notifications:write"), args()).getInt("count"));
        assertEquals("notifications:read", ToolTestSupport.tool(tools, "list_notifications").requiredScope());
        assertEquals("notifications:write", ToolTestSupport.tool(tools, "mark_all_notifications_read").requiredScope());
    }

    @Test
    void listPagesNewestFirst() {
        addMember(owner, tripId, member);
        for (int i = 1; i <= 4; i++) {
            booking(owner, "Booking " + i);
        }
        JsonArray everything = items(member);
        assertEquals(5, everything.size());
        for (int i = 1; i < everything.size(); i++) {
            assertTrue(id(everything.get(i - 1)) > id(everything.get(i)), "newest first");
        }
        assertEquals("Booking 4", params(everything.getJsonObject(0), "text_params").getString("booking"));
        assertEquals("notif.trip_invite.text", everything.getJsonObject(4).getString("text_key"));

        AccessGrant g = grant(member.getId(), "notifications:read");
        JsonObject p1 = ok(tools, "list_notifications", g, args().add("limit", 2));
        assertEquals(List.of(id(everything.get(0)), id(everything.get(1))), ids(p1));
        assertEquals(5, p1.getInt("total"));
        assertEquals("2", p1.getString("next_cursor"));
        JsonObject p2 = ok(tools, "list_notifications", g, args().add("limit", 2).add("cursor", p1.getString("next_cursor")));
        assertEquals(List.of(id(everything.get(2)), id(everything.get(3))), ids(p2));
        JsonObject p3 = ok(tools, "list_notifications", g, args().add("limit", 2).add("cursor", p2.getString("next_cursor")));
        assertEquals(List.of(id(everything.get(4))), ids(p3));
        assertTrue(p3.isNull("next_cursor"));
        // The original's offset works too (and agrees with the cursor).
        assertEquals(ids(p2), ids(ok(tools, "list_notifications", g, args().add("limit", 2).add("offset", 2))));
        assertEquals(ids(p2), ids(ok(tools, "list_notifications", g, args().add("limit", 2).add("offset", 2).add("cursor", "2"))));
        invalidParams(tools, "list_notifications", g, args().add("offset", 1).add("cursor", "2"), "cursor");
        invalidParams(tools, "list_notifications", g, args().add("cursor", "abc"), "cursor");
        invalidParams(tools, "list_notifications", g, args().add("limit", 0), "limit");
        invalidParams(tools, "list_notifications", g, args().add("limit", 201), "limit");
        invalidParams(tools, "list_notifications", g, args().add("offset", -1), "offset");
        // Default page: the original's 20.
        for (int i = 5; i <= 24; i++) {
            booking(owner, "Booking " + i);
        }
        JsonObject byDefault = ok(tools, "list_notifications", g, args());
        assertEquals(20, byDefault.getJsonArray("notifications").size());
        assertEquals(25, byDefault.getInt("total"));
        assertEquals("20", byDefault.getString("next_cursor"));
        // unread_only pages over the unread ones.
        ok(tools, "mark_notification_read", full(member.getId()), args().add("notificationId", id(everything.get(0))));
        JsonObject unreadPage = ok(tools, "list_notifications", g, args().add("unread_only", true).add("limit", 30));
        assertEquals(24, unreadPage.getInt("total"));
        assertEquals(24, unreadPage.getJsonArray("notifications").size());
        assertFalse(ids(unreadPage).contains(id(everything.get(0))));
    }

    static List<Long> ids(JsonObject page) {
        List<Long> out = new ArrayList<>();
        page.getJsonArray("notifications").forEach(n -> out.add(id(n)));
        return out;
    }

    // ---------------------------------------------------------------- the resource

    @Test
    void inAppResourceShowsUnreadFirst() {
        addMember(owner, tripId, member);
        booking(owner, "Older");
        booking(owner, "Newer");
        long invite = id(items(member).get(2));
        long newest = id(items(member).get(0));
        ok(tools, "mark_notification_read", full(member.getId()), args().add("notificationId", newest));
        var def = resources.resources().stream().filter(r -> "trek://notifications/in-app".equals(r.uri())).findFirst().orElseThrow();
        assertEquals("notifications:read", def.requiredScope());
        String text = def.reader().read(grant(member.getId(), "notifications:read"), "trek://notifications/in-app", Map.of()).text();
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        assertEquals(3, json.getInt("total"));
        assertEquals(2, json.getInt("unread_count"));
        List<Long> order = ids(json);
        assertEquals(newest, order.get(2), "the read one last");
        assertEquals(invite, order.get(1));
        assertFalse(json.containsKey("next_cursor"), "the original's shape");
        assertThrows(ResourceNotFoundException.class, () -> def.reader().read(grant(member.getId(), "trips:read"),
                "trek://notifications/in-app", Map.of()));
        // Another user's view is their own.
        String others = def.reader().read(grant(other.getId(), "notifications:read"), "trek://notifications/in-app", Map.of()).text();
        assertEquals(0, Json.createReader(new StringReader(others)).readObject().getInt("total"));
    }

    // ---------------------------------------------------------------- shapes of the original (transcripts)

    @Test
    void shapesAreTheOriginals() {
        addMember(owner, tripId, member);
        AccessGrant g = full(member.getId());
        JsonObject list = ok(tools, "list_notifications", g, args().add("unread_only", true).add("limit", 5));
        assertType(list, "notifications", JsonValue.ValueType.ARRAY);
        assertType(list, "total", JsonValue.ValueType.NUMBER);
        assertType(list, "unread_count", JsonValue.ValueType.NUMBER);
        JsonObject n = list.getJsonArray("notifications").getJsonObject(0);
        for (String key : List.of("id", "target", "sender_id", "recipient_id", "is_read")) {
            assertType(n, key, JsonValue.ValueType.NUMBER);
        }
        for (String key : List.of("type", "scope", "title_key", "title_params", "text_key", "text_params", "navigate_text_key",
                "navigate_target", "created_at", "sender_username")) {
            assertType(n, key, JsonValue.ValueType.STRING);
        }
        for (String key : List.of("positive_text_key", "negative_text_key", "positive_callback", "negative_callback", "response",
                "sender_avatar")) {
            assertType(n, key, JsonValue.ValueType.NULL);
        }
        assertType(ok(tools, "get_unread_notification_count", g, args()), "count", JsonValue.ValueType.NUMBER);
        JsonObject one = ok(tools, "mark_notification_read", g, args().add("notificationId", n.getJsonNumber("id").longValue()));
        assertEquals(JsonValue.TRUE, one.get("success"));
        assertEquals(JsonValue.TRUE, ok(tools, "mark_notification_unread", g, args().add("notificationId", n.getJsonNumber("id").longValue()))
                .get("success"));
        JsonObject all = ok(tools, "mark_all_notifications_read", g, args());
        assertEquals(JsonValue.TRUE, all.get("success"));
        assertType(all, "count", JsonValue.ValueType.NUMBER);
        // The transcripts' empty list.
        JsonObject empty = ok(tools, "list_notifications", full(other.getId()), args());
        assertEquals(0, empty.getJsonArray("notifications").size());
        assertEquals(0, empty.getInt("total"));
        assertEquals(0, empty.getInt("unread_count"));
    }

    static void assertType(JsonObject o, String key, JsonValue.ValueType type) {
        assertTrue(o.containsKey(key), () -> key + " missing in " + o);
        JsonValue.ValueType actual = o.get(key).getValueType();
        if (type == JsonValue.ValueType.TRUE || type == JsonValue.ValueType.FALSE) {
            assertTrue(actual == JsonValue.ValueType.TRUE || actual == JsonValue.ValueType.FALSE, key);
        } else {
            assertEquals(type, actual, key + " in " + o);
        }
    }
}
