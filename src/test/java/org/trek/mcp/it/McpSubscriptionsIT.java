package org.trek.mcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.mcp.it.McpEndpointIT.STREAM_END;
import static org.trek.mcp.it.McpEndpointIT.await;
import static org.trek.mcp.it.McpEndpointIT.data;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import org.trek.oauth.OAuthHarness;

/**
 * Resource subscriptions end to end: a trip changed through a tool call reaches the legacy session that subscribed
 * to it (on its GET stream) and the 2026-07-28 subscriptions/listen stream that asked for it, validated against the
 * schema; other trips, unsubscribed resources and subscribers who lost access to the trip hear nothing.
 */
public class McpSubscriptionsIT {
    static final String SCOPES = "trips:read trips:write places:read places:write";
    private final TrekServer server = TrekServer.shared();

    // ---------------------------------------------------------------- helpers (also used by the two-node test)

    static McpTestClient oauthClient(TrekServer server, WebClient signedIn, String scopes) {
        JsonObject tokens = new OAuthHarness(server).connectPublicClient(signedIn, scopes);
        return new McpTestClient(server.baseUrl(), tokens.getString("access_token"));
    }

    /** A user's own OAuth client (signed in with this password), initialized on 2025-11-25. */
    private McpTestClient signedInClient(String name, String password, String scopes) {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(name, password).statusCode());
        McpTestClient c = oauthClient(server, web, scopes);
        c.initialize("2025-11-25");
        return c;
    }

    static JsonObject call(McpTestClient c, String tool, String arguments) {
        McpTestClient.Answer a = c.legacy("tools/call", Json.createObjectBuilder().add("name", tool)
                .add("arguments", McpTestClient.parse(arguments)).build());
        assertEquals(200, a.status(), () -> a.response().body());
        JsonObject result = a.result();
        assertTrue(!result.getBoolean("isError", false), () -> tool + " failed: " + result);
        return result.getJsonObject("structuredContent");
    }

    static long createTrip(McpTestClient c, String title) {
        return call(c, "create_trip", "{\"title\":\"" + title + "\"}").getJsonObject("trip").getJsonNumber("id")
                .longValue();
    }

    static void renameTrip(McpTestClient c, long tripId, String title) {
        call(c, "update_trip", "{\"tripId\":" + tripId + ",\"title\":\"" + title + "\"}");
    }

    static JsonObject subscribe(McpTestClient c, String uri) {
        McpTestClient.Answer a = c.legacy("resources/subscribe", Json.createObjectBuilder().add("uri", uri).build());
        assertEquals(200, a.status(), () -> a.response().body());
        return a.last();
    }

    /** Opens the GET stream and waits until the server has accepted it. */
    static BlockingQueue<String> openGetStream(McpTestClient c) throws InterruptedException {
        BlockingQueue<String> stream = McpEndpointIT.openStream(c);
        assertEquals("status:200", await(stream, l -> l.startsWith("status:"), 15));
        return stream;
    }

    /** Opens a subscriptions/listen stream for these resources and returns it after the acknowledgement. */
    public static BlockingQueue<String> listen(McpTestClient c, String subscriptionId, List<String> uris,
                                        List<String> expectAcknowledged) throws InterruptedException {
        var array = Json.createArrayBuilder();
        uris.forEach(array::add);
        String body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", subscriptionId)
                .add("method", "subscriptions/listen").add("params", Json.createObjectBuilder()
                        .add("notifications", Json.createObjectBuilder().add("resourceSubscriptions", array))
                        .add("_meta", Json.createObjectBuilder()
                                .add("io.modelcontextprotocol/protocolVersion", McpTestClient.MODERN)
                                .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder())))
                .build().toString();
        BlockingQueue<String> stream = McpEndpointIT.postStreaming(c, body, Map.of("MCP-Protocol-Version",
                McpTestClient.MODERN, "Mcp-Method", "subscriptions/listen"));
        String ack = await(stream, l -> l.startsWith("data:"), 15);
        assertNotNull(ack, "no acknowledgement");
        JsonObject message = data(ack);
        McpTestClient.validateMessage(McpTestClient.MODERN, message, null);
        assertEquals("notifications/subscriptions/acknowledged", message.getString("method"));
        assertEquals(expectAcknowledged, message.getJsonObject("params").getJsonObject("notifications")
                .getJsonArray("resourceSubscriptions").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        return stream;
    }

    /** The next resources/updated notification on a stream (validated), or null after the timeout. */
    public static JsonObject nextUpdate(BlockingQueue<String> stream, String revision, long seconds) throws InterruptedException {
        String line = await(stream, l -> STREAM_END.equals(l)
                || l.startsWith("data:") && l.contains("notifications/resources/updated"), seconds);
        if (line == null || STREAM_END.equals(line)) {
            return null;
        }
        JsonObject m = data(line);
        McpTestClient.validateMessage(revision, m, null);
        return m.getJsonObject("params");
    }

    /**
     * Lets announcements of earlier changes (creating the trips) pass: the feed is polled once a second, so one made
     * just before the subscription may still be delivered after it (a harmless extra "re-read this").
     */
    public static void settle(BlockingQueue<String> stream, String revision) throws InterruptedException {
        for (int i = 0; i < 5 && nextUpdate(stream, revision, 2) != null; i++) {
            // drained one
        }
    }

    // ---------------------------------------------------------------- tests

    @Test
    void legacySubscriberHearsOfItsTripOnlyUntilItUnsubscribes() throws Exception {
        WebClient web = OAuthHarness.signedIn(server);
        McpTestClient c = oauthClient(server, web, SCOPES);
        c.initialize("2025-11-25");
        long mine = createTrip(c, "Subscribed trip");
        long other = createTrip(c, "Other trip");

        String places = "trek://trips/" + mine + "/places";
        assertTrue(subscribe(c, places).getJsonObject("result").isEmpty());
        c.validate(c.legacy("resources/subscribe", Json.createObjectBuilder().add("uri", places).build()),
                "resources/subscribe");
        // An unknown trip cannot be subscribed to (2025-11-25: resource not found is -32002).
        McpTestClient.Answer unknown = c.legacy("resources/subscribe",
                Json.createObjectBuilder().add("uri", "trek://trips/999999999").build());
        assertEquals(-32002, unknown.error().getInt("code"));

        BlockingQueue<String> stream = openGetStream(c);
        settle(stream, c.revision);
        // Another session (another client of the same user) changes the other trip, then the subscribed one.
        McpTestClient editor = oauthClient(server, web, SCOPES);
        editor.initialize("2025-06-18");
        renameTrip(editor, other, "Other trip, renamed");
        call(editor, "create_place", "{\"tripId\":" + mine + ",\"name\":\"Harbour\"}");
        JsonObject update = nextUpdate(stream, c.revision, 10);
        assertNotNull(update, "no notifications/resources/updated on the GET stream");
        assertEquals(places, update.getString("uri"));
        assertNull(nextUpdate(stream, c.revision, 2), "a second notification: the other trip was announced too");

        // Unsubscribed: nothing more.
        assertEquals(200, c.legacy("resources/unsubscribe", Json.createObjectBuilder().add("uri", places).build())
                .status());
        renameTrip(editor, mine, "Subscribed trip, renamed");
        assertNull(nextUpdate(stream, c.revision, 3), "notified after unsubscribing");

        // On 2026-07-28 resources/subscribe is gone (subscriptions/listen replaces it).
        McpTestClient.Answer removed = c.modern("resources/subscribe",
                Json.createObjectBuilder().add("uri", places).build());
        assertEquals(404, removed.status());
        assertEquals(-32601, removed.error().getInt("code"));
    }

    @Test
    void listenStreamGetsTaggedUpdatesForTheResourcesItAskedFor() throws Exception {
        WebClient web = OAuthHarness.signedIn(server);
        McpTestClient c = oauthClient(server, web, SCOPES);
        c.initialize("2025-11-25");
        long trip = createTrip(c, "Listened trip");
        long other = createTrip(c, "Unlistened trip");
        String uri = "trek://trips/" + trip;
        // Only what the server will honour is acknowledged: an unknown trip is left out.
        BlockingQueue<String> stream = listen(c, "res-1", List.of(uri, "trek://trips/999999999"), List.of(uri));
        settle(stream, McpTestClient.MODERN);

        renameTrip(c, other, "Unlistened, renamed");
        renameTrip(c, trip, "Listened, renamed");
        JsonObject update = nextUpdate(stream, McpTestClient.MODERN, 10);
        assertNotNull(update, "no notifications/resources/updated on the listen stream");
        assertEquals(uri, update.getString("uri"));
        assertEquals("res-1", update.getJsonObject("_meta").getString("io.modelcontextprotocol/subscriptionId"));
        assertNull(nextUpdate(stream, McpTestClient.MODERN, 2), "the other trip was announced too");
    }

    @Test
    void aSubscriberWhoLosesAccessHearsNothingMore() throws Exception {
        WebClient admin = OAuthHarness.signedIn(server);
        String name = TestUsers.create(admin, "sub-", "member-password-1");
        McpTestClient owner = oauthClient(server, admin, SCOPES);
        owner.initialize("2025-11-25");
        long shared = createTrip(owner, "Shared trip");
        long kept = createTrip(owner, "Still shared trip");
        call(owner, "add_trip_member", "{\"tripId\":" + shared + ",\"identifier\":\"" + name + "\"}");
        JsonObject added = call(owner, "add_trip_member", "{\"tripId\":" + kept + ",\"identifier\":\"" + name + "\"}");
        long memberId = added.getJsonObject("member").getJsonNumber("user_id").longValue();

        McpTestClient member = signedInClient(name, "member-password-1", "trips:read");
        subscribe(member, "trek://trips/" + shared);
        subscribe(member, "trek://trips/" + kept);
        BlockingQueue<String> legacy = openGetStream(member);
        BlockingQueue<String> modern = listen(member, "lost-1",
                List.of("trek://trips/" + shared, "trek://trips/" + kept),
                List.of("trek://trips/" + shared, "trek://trips/" + kept));
        settle(legacy, member.revision);
        settle(modern, McpTestClient.MODERN);

        // While a member: told.
        renameTrip(owner, shared, "Shared, renamed");
        assertEquals("trek://trips/" + shared, nextUpdate(legacy, member.revision, 10).getString("uri"));
        assertEquals("trek://trips/" + shared, nextUpdate(modern, McpTestClient.MODERN, 10).getString("uri"));

        // Removed from the trip: changes to it are no longer announced to them; the trip they still share is.
        call(owner, "remove_trip_member", "{\"tripId\":" + shared + ",\"memberId\":" + memberId + "}");
        renameTrip(owner, shared, "Shared, renamed again");
        renameTrip(owner, kept, "Still shared, renamed");
        JsonObject legacyUpdate = nextUpdate(legacy, member.revision, 10);
        assertNotNull(legacyUpdate);
        assertEquals("trek://trips/" + kept, legacyUpdate.getString("uri"), "told about a trip they left");
        JsonObject modernUpdate = nextUpdate(modern, McpTestClient.MODERN, 10);
        assertNotNull(modernUpdate);
        assertEquals("trek://trips/" + kept, modernUpdate.getString("uri"), "told about a trip they left");
        assertNull(nextUpdate(legacy, member.revision, 2));
        assertNull(nextUpdate(modern, McpTestClient.MODERN, 1));

        // And they cannot subscribe to it again.
        assertEquals(-32002, member.legacy("resources/subscribe",
                Json.createObjectBuilder().add("uri", "trek://trips/" + shared).build()).error().getInt("code"));
    }

    @Test
    void aViewWithAQueryCanBeSubscribedToOnBothWires() throws Exception {
        WebClient web = OAuthHarness.signedIn(server);
        McpTestClient c = oauthClient(server, web, SCOPES);
        c.initialize("2025-11-25");
        long trip = createTrip(c, "Query trip");
        String view = "trek://trips/" + trip + "/places?assignment=unassigned";
        assertTrue(subscribe(c, view).getJsonObject("result").isEmpty(), "the view resolves like its resource");
        BlockingQueue<String> legacy = openGetStream(c);
        BlockingQueue<String> modern = listen(c, "view-1", List.of(view), List.of(view));
        settle(legacy, c.revision);
        settle(modern, McpTestClient.MODERN);
        call(c, "create_place", "{\"tripId\":" + trip + ",\"name\":\"Kiosk\"}");
        assertEquals(view, nextUpdate(legacy, c.revision, 10).getString("uri"));
        assertEquals(view, nextUpdate(modern, McpTestClient.MODERN, 10).getString("uri"));
    }

    @Test
    void theTripListIsAnnouncedToTheTripsOwnerAndMembersOnly() throws Exception {
        WebClient admin = OAuthHarness.signedIn(server);
        String memberName = TestUsers.create(admin, "list-", "member-password-1");
        String strangerName = TestUsers.create(admin, "list-", "stranger-password-1");
        McpTestClient owner = oauthClient(server, admin, SCOPES);
        owner.initialize("2025-11-25");
        long trip = createTrip(owner, "Listed trip");

        McpTestClient member = signedInClient(memberName, "member-password-1", "trips:read");
        subscribe(member, "trek://trips");
        BlockingQueue<String> memberStream = openGetStream(member);

        McpTestClient stranger = signedInClient(strangerName, "stranger-password-1", "trips:read");
        BlockingQueue<String> strangerStream = listen(stranger, "list-1", List.of("trek://trips"),
                List.of("trek://trips"));
        settle(memberStream, member.revision);
        settle(strangerStream, McpTestClient.MODERN);

        // Someone else's trip changes: neither list changed.
        renameTrip(owner, trip, "Listed trip, renamed");
        assertNull(nextUpdate(memberStream, member.revision, 3), "told of a trip that is not on their list");
        assertNull(nextUpdate(strangerStream, McpTestClient.MODERN, 1), "told of a trip that is not on their list");

        // Added to it: the member's list changed; a change to it now concerns them; the stranger hears nothing.
        JsonObject added = call(owner, "add_trip_member", "{\"tripId\":" + trip + ",\"identifier\":\"" + memberName + "\"}");
        long memberId = added.getJsonObject("member").getJsonNumber("user_id").longValue();
        assertEquals("trek://trips", nextUpdate(memberStream, member.revision, 10).getString("uri"));
        renameTrip(owner, trip, "Listed trip, renamed again");
        assertEquals("trek://trips", nextUpdate(memberStream, member.revision, 10).getString("uri"));

        // Removed from it: their list changed once more, then nothing.
        call(owner, "remove_trip_member", "{\"tripId\":" + trip + ",\"memberId\":" + memberId + "}");
        assertEquals("trek://trips", nextUpdate(memberStream, member.revision, 10).getString("uri"));
        renameTrip(owner, trip, "Listed trip, renamed a third time");
        assertNull(nextUpdate(memberStream, member.revision, 3), "told of a trip they left");
        assertNull(nextUpdate(strangerStream, McpTestClient.MODERN, 1), "the stranger heard of someone else's trip");
    }
}
