package org.trek.mcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.mcp.it.McpEndpointIT.STREAM_END;
import static org.trek.mcp.it.McpEndpointIT.await;
import static org.trek.mcp.it.McpSubscriptionsIT.createTrip;
import static org.trek.mcp.it.McpSubscriptionsIT.listen;
import static org.trek.mcp.it.McpSubscriptionsIT.nextUpdate;
import static org.trek.mcp.it.McpSubscriptionsIT.openGetStream;
import static org.trek.mcp.it.McpSubscriptionsIT.renameTrip;
import static org.trek.mcp.it.McpSubscriptionsIT.subscribe;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import org.trek.oauth.OAuthHarness;

/**
 * Two Payara Micro nodes on one MariaDB database in one Payara data grid (TCP/IP on 127.0.0.1), as the README's
 * multi-node set-up runs them. Sessions, revocations, hand-overs and resource changes go through the database; the
 * MCP rate limit's counters are summed through the data grid. Node A and node B share APP_URL (as behind a load
 * balancer).
 *
 * <p>Tagged "cluster": it runs only in the MariaDB pass (failsafe execution "cluster" of the it-mariadb profile, which
 * -Dit.db.url=jdbc:mariadb://... switches on); an H2 file database cannot be shared by two processes.
 */
@Tag("cluster")
class McpClusterIT {
    /** High enough for the other tests of the class, which share one token within a minute; low enough to reach. */
    static final int RATE_LIMIT = 200;
    static final int SESSIONS_PER_USER = 3;
    static TrekServer a;
    static TrekServer b;

    @BeforeAll
    static void startTwoNodes() {
        String db = System.getProperty("it.db.url", "");
        if (!db.startsWith("jdbc:mariadb:")) {
            throw new IllegalStateException("McpClusterIT needs a shared MariaDB: run it with "
                    + "-Dit.db.url=jdbc:mariadb://127.0.0.1:3306/ -Dit.db.user=root (it is the 'cluster' execution of "
                    + "the MariaDB pass; the H2 pass does not include it)");
        }
        Map<String, String> env = McpEndpointIT.env();
        env.put("MCP_RATE_LIMIT", String.valueOf(RATE_LIMIT));
        env.put("MCP_RATE_BURST", String.valueOf(RATE_LIMIT));
        env.put("MCP_MAX_SESSION_PER_USER", String.valueOf(SESSIONS_PER_USER));
        String cluster = "trek-mcp-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        int gridA = TrekServer.freeLoopbackPort();
        int gridB = TrekServer.freeLoopbackPort();
        a = TrekServer.startInDataGrid("cluster-a", env, cluster, gridA, List.of(gridA));
        Map<String, String> envB = new HashMap<>(env);
        envB.putAll(a.databaseEnvironment());       // the same database...
        envB.put("APP_URL", a.baseUrl());            // ...and the same public URL, as behind a load balancer
        envB.remove("TREK_DATA_DIR");
        b = TrekServer.startInDataGrid("cluster-b", envB, cluster, gridB, List.of(gridA));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close(); // drops the shared database
        }
    }

    static McpTestClient on(TrekServer node, McpTestClient session) {
        McpTestClient c = new McpTestClient(node.baseUrl(), session.token);
        c.sessionId = session.sessionId;
        c.revision = session.revision;
        return c;
    }

    static int delete(McpTestClient c) {
        HttpRequest r = c.request(Map.of("Mcp-Session-Id", c.sessionId, "MCP-Protocol-Version", c.revision))
                .DELETE().build();
        return McpTestClient.send(r).statusCode();
    }

    static WebClient admin(TrekServer node) {
        WebClient web = new WebClient(node);
        assertEquals(302, web.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD).statusCode());
        return web;
    }

    @Test
    void aSessionOpenedOnOneNodeWorksOnTheOther() throws Exception {
        McpTestClient onA = new McpTestClient(a.baseUrl(), McpEndpointIT.TOKEN);
        assertEquals(200, onA.initialize("2025-11-25").status());
        McpTestClient onB = on(b, onA);
        McpTestClient.Answer list = onB.legacy("tools/list", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, list.status(), list.response().body());
        onB.validate(list, "tools/list");
        assertEquals(200, onB.legacy("logging/setLevel", McpTestClient.parse("{\"level\":\"debug\"}")).status());
        // Its GET stream may live on B while requests go to A; DELETE on B ends it everywhere.
        BlockingQueue<String> streamOnB = openGetStream(onB);
        assertEquals(204, delete(onB));
        // Each node keeps a session for at most a second before reading it again.
        assertTrue(McpEndpointIT.eventually(() -> onA.legacy("ping", null).status() == 404),
                "session deleted on B still works on A after 5 s");
        assertEquals(STREAM_END, await(streamOnB, STREAM_END::equals, 10));
    }

    /**
     * Behind a round-robin balancer the client's answer to a sampling request, and a notifications/cancelled, land on
     * the other node: they are handed over through the database (mcp_handover) to the node running the call.
     */
    @Test
    void aSamplingAnswerAndACancellationPostedToTheOtherNodeReachTheCall() throws Exception {
        McpTestClient onA = new McpTestClient(a.baseUrl(), McpEndpointIT.TOKEN);
        assertEquals(200, onA.initialize("2025-11-25").status());
        McpTestClient onB = on(b, onA);
        Map<String, String> session = Map.of("Mcp-Session-Id", onA.sessionId, "MCP-Protocol-Version", onA.revision);
        try {
            String call = "{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"test_sampling\",\"arguments\":{\"prompt\":\"Hi there\"}}}";
            BlockingQueue<String> stream = McpEndpointIT.postStreaming(onA, call, session);
            String request = await(stream, l -> l.startsWith("data:") && l.contains("sampling/createMessage"), 10);
            assertNotNull(request, "no sampling request on A's answer stream");
            JsonObject samplingRequest = McpEndpointIT.data(request);
            String answer = "{\"jsonrpc\":\"2.0\",\"id\":" + samplingRequest.get("id") + ",\"result\":{\"role\":"
                    + "\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"Hello via B\"},\"model\":\"m\","
                    + "\"stopReason\":\"endTurn\"}}";
            long start = System.currentTimeMillis();
            assertEquals(202, onB.raw(answer, session).status());
            String result = await(stream, l -> l.startsWith("data:") && l.contains("\"id\":41"), 10);
            assertNotNull(result, "the answer posted to B did not reach the call on A");
            McpTestClient.validateMessage(onA.revision, McpEndpointIT.data(result), "tools/call");
            assertTrue(result.contains("Hello via B"), result);
            long took = System.currentTimeMillis() - start;
            assertTrue(took < 3_000, "handed over after " + took + " ms");

            // The same call waiting on A, cancelled through B: its stream ends without a response.
            BlockingQueue<String> second = McpEndpointIT.postStreaming(onA, call.replace("\"id\":41", "\"id\":42"),
                    session);
            assertNotNull(await(second, l -> l.startsWith("data:") && l.contains("sampling/createMessage"), 10));
            assertEquals(202, onB.raw("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                    + "\"params\":{\"requestId\":42}}", session).status());
            String end = await(second, l -> STREAM_END.equals(l) || l.contains("\"id\":42"), 10);
            assertEquals(STREAM_END, end, "the cancellation posted to B did not end the call on A");

            // Another session, even of the same token, cannot answer or cancel this session's requests.
            BlockingQueue<String> third = McpEndpointIT.postStreaming(onA, call.replace("\"id\":41", "\"id\":43"),
                    session);
            String asked = await(third, l -> l.startsWith("data:") && l.contains("sampling/createMessage"), 10);
            assertNotNull(asked);
            McpTestClient stranger = new McpTestClient(b.baseUrl(), McpEndpointIT.TOKEN);
            assertEquals(200, stranger.initialize("2025-11-25").status());
            Map<String, String> strangerSession = Map.of("Mcp-Session-Id", stranger.sessionId,
                    "MCP-Protocol-Version", stranger.revision);
            String forged = answer.replace("\"id\":" + samplingRequest.get("id"),
                    "\"id\":" + McpEndpointIT.data(asked).get("id"));
            assertEquals(202, stranger.raw(forged, strangerSession).status());
            assertEquals(202, stranger.raw("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                    + "\"params\":{\"requestId\":43}}", strangerSession).status());
            assertNull(await(third, l -> STREAM_END.equals(l) || l.contains("\"id\":43"), 3),
                    "another session's answer or cancellation reached the call");
            assertEquals(202, onB.raw("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                    + "\"params\":{\"requestId\":43}}", session).status());
            assertEquals(STREAM_END, await(third, l -> STREAM_END.equals(l) || l.contains("\"id\":43"), 10));
            delete(stranger);
        } finally {
            delete(onA);
        }
    }

    @Test
    void theRateLimitIsCountedAcrossNodes() throws Exception {
        // An OAuth client of its own: its (user, client) bucket is untouched by the other tests.
        McpTestClient onA = McpSubscriptionsIT.oauthClient(a, OAuthHarness.signedIn(a), "trips:read");
        McpTestClient onB = new McpTestClient(b.baseUrl(), onA.token);
        // A burst of RATE_LIMIT (MCP_RATE_BURST) at once, refilled at RATE_LIMIT a minute: alternating between the
        // nodes, the cluster admits about one burst, not one per node.
        long start = System.currentTimeMillis();
        int admitted = 0;
        McpTestClient.Answer limited = null;
        for (int i = 1; i <= 3 * RATE_LIMIT && limited == null; i++) {
            McpTestClient.Answer answer = (i % 2 == 0 ? onB : onA).modern("tools/list", null);
            if (answer.status() == 429) {
                limited = answer;
            } else {
                assertEquals(200, answer.status(), answer.response().body());
                admitted++;
            }
        }
        assertNotNull(limited, "never limited");
        assertEquals(-32000, limited.error().getInt("code"));
        double refilled = (System.currentTimeMillis() - start) / 60_000.0 * RATE_LIMIT;
        // Tolerance: what one node admitted since its last sync with the other (the grid is synced every 250 ms).
        assertTrue(admitted >= RATE_LIMIT && admitted <= RATE_LIMIT + refilled + 40,
                "admitted " + admitted + " (burst " + RATE_LIMIT + ", refilled " + refilled + ")");
        // The other node knows the sum after its next sync: it refuses too.
        Thread.sleep(600);
        int refusedOnB = 0;
        for (int i = 0; i < 5; i++) {
            refusedOnB += onB.modern("tools/list", null).status() == 429 ? 1 : 0;
        }
        assertTrue(refusedOnB >= 3, "the other node does not share the count: " + refusedOnB + " of 5 refused");
    }

    @Test
    void theSessionLimitCountsSessionsOnEveryNode() throws Exception {
        WebClient admin = admin(a);
        String name = TestUsers.create(admin, "cl-", "cluster-password-1");
        WebClient user = new WebClient(a);
        assertEquals(302, user.login(name, "cluster-password-1").statusCode());
        String token = new OAuthHarness(a).connectPublicClient(user, "trips:read").getString("access_token");
        McpTestClient[] sessions = new McpTestClient[SESSIONS_PER_USER];
        for (int i = 0; i < SESSIONS_PER_USER; i++) {
            sessions[i] = new McpTestClient((i % 2 == 0 ? a : b).baseUrl(), token);
            assertEquals(200, sessions[i].initialize("2025-11-25").status(), "session " + (i + 1));
            Thread.sleep(20); // distinct "last seen" times
        }
        // One more on B: the user's least recently used session (the first, opened on A) makes room.
        McpTestClient extraOnB = new McpTestClient(b.baseUrl(), token);
        assertEquals(200, extraOnB.initialize("2025-11-25").status());
        Thread.sleep(1_100); // A keeps a session it served for up to 1 s
        assertEquals(404, sessions[0].legacy("tools/list", null).status(), "the oldest session was closed on every node");
        assertEquals(200, sessions[1].legacy("tools/list", null).status());
        assertEquals(200, on(a, extraOnB).legacy("tools/list", null).status(), "the new one works on A too");
    }

    @Test
    void revokingOnOneNodeEndsTheStreamOnTheOther() throws Exception {
        OAuthHarness oauthA = new OAuthHarness(a);
        JsonObject tokens = oauthA.connectPublicClient(OAuthHarness.signedIn(a), "trips:read");
        McpTestClient onA = new McpTestClient(a.baseUrl(), tokens.getString("access_token"));
        assertEquals(200, onA.initialize("2025-11-25").status());
        BlockingQueue<String> stream = openGetStream(onA);

        HttpResponse<String> revoked = new OAuthHarness(b).postForm("/oauth/revoke", Map.of("token",
                tokens.getString("refresh_token"), "client_id", tokens.getString("client_id")), null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        long start = System.currentTimeMillis();
        // Node A checks its streams' sessions every 5 s (README: "within about 5 s").
        assertEquals(STREAM_END, await(stream, STREAM_END::equals, 12), "stream on A not closed");
        long took = System.currentTimeMillis() - start;
        assertTrue(took < 8_000, "stream closed after " + took + " ms");
        assertEquals(401, onA.legacy("ping", null).status());
    }

    @Test
    void anAddonToggleOnOneNodeReachesStreamsOnTheOther() throws Exception {
        McpTestClient onA = new McpTestClient(a.baseUrl(), McpEndpointIT.TOKEN);
        onA.initialize("2025-11-25");
        BlockingQueue<String> stream = openGetStream(onA);
        BlockingQueue<String> listen = McpEndpointIT.postStreaming(onA, "{\"jsonrpc\":\"2.0\",\"id\":7,"
                + "\"method\":\"subscriptions/listen\",\"params\":{\"notifications\":{\"toolsListChanged\":true},"
                + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}",
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "subscriptions/listen"));
        assertNotNull(await(listen, l -> l.contains("notifications/subscriptions/acknowledged"), 10));
        WebClient webB = admin(b);
        McpEndpointIT.setAddon(webB, "budget", false);
        try {
            String line = await(stream, l -> l.startsWith("data:") && l.contains("notifications/tools/list_changed"), 10);
            assertNotNull(line, "no list_changed on A's GET stream after a toggle on B");
            McpTestClient.validateMessage(onA.revision, McpEndpointIT.data(line), null);
            String modern = await(listen, l -> l.startsWith("data:") && l.contains("notifications/tools/list_changed"), 10);
            assertNotNull(modern, "no list_changed on A's listen stream after a toggle on B");
            McpTestClient.validateMessage(McpTestClient.MODERN, McpEndpointIT.data(modern), null);
            // A answers with B's addon state at once (its cached addon states were dropped).
            assertTrue(onA.legacy("tools/list", null).result().getJsonArray("tools").stream()
                    .noneMatch(t -> t.asJsonObject().getString("name").equals("create_budget_item")));
        } finally {
            McpEndpointIT.setAddon(webB, "budget", true);
            delete(onA);
        }
    }

    @Test
    void aResourceChangeOnOneNodeReachesSubscribersOnTheOther() throws Exception {
        McpTestClient onA = new McpTestClient(a.baseUrl(), McpEndpointIT.TOKEN);
        onA.initialize("2025-11-25");
        try {
            long trip = createTrip(onA, "Clustered trip");
            String uri = "trek://trips/" + trip;
            subscribe(onA, uri + "/places");
            BlockingQueue<String> legacy = openGetStream(onA);
            BlockingQueue<String> modern = listen(onA, "cl-1", List.of(uri), List.of(uri));
            McpSubscriptionsIT.settle(legacy, onA.revision);
            McpSubscriptionsIT.settle(modern, McpTestClient.MODERN);

            McpTestClient onB = new McpTestClient(b.baseUrl(), McpEndpointIT.TOKEN);
            onB.initialize("2025-06-18");
            McpSubscriptionsIT.call(onB, "create_place", "{\"tripId\":" + trip + ",\"name\":\"Quay\"}");
            JsonObject legacyUpdate = nextUpdate(legacy, onA.revision, 10);
            assertNotNull(legacyUpdate, "a change on B did not reach the GET stream on A");
            assertEquals(uri + "/places", legacyUpdate.getString("uri"));
            JsonObject modernUpdate = nextUpdate(modern, McpTestClient.MODERN, 10);
            assertNotNull(modernUpdate, "a change on B did not reach the listen stream on A");
            assertEquals(uri, modernUpdate.getString("uri"));
            delete(onB);

            // A subscription taken on B is delivered on A, where the session's GET stream is.
            subscribe(on(b, onA), uri + "/members");
            renameTrip(on(b, onA), trip, "Clustered trip, renamed");
            List<String> seen = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                JsonObject u = nextUpdate(legacy, onA.revision, 10);
                assertNotNull(u, "only " + seen + " arrived");
                seen.add(u.getString("uri"));
            }
            assertTrue(seen.containsAll(List.of(uri + "/places", uri + "/members")), seen.toString());
        } finally {
            delete(onA);
        }
    }
}
