package org.trek.mcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.platform.addons.AddonService;
import org.trek.audit.Actor;
import org.trek.it.Deployments;
import org.trek.mcp.McpRouter;
import org.trek.mcp.protocol.EventStream;
import org.trek.mcp.protocol.InboundRequest;
import org.trek.mcp.protocol.Outbound;
import org.trek.platform.db.StatementCounter;
import org.trek.tokens.StaticTokenService;
import org.trek.trips.ToolTestSupport;

/**
 * The regression guard of issue #10 (counts, not timings): a whole /mcp request — admission with the bearer token,
 * the rate limit, the session, the tool and its audit — runs on this thread through {@link McpRouter}, and
 * {@link StatementCounter} sees every statement it sends. A read-only call must write nothing, and what it reads must
 * not grow with the data: list_trips for 1 and for 200 trips, get_trip_summary for 3 and for 1,000 places.
 */
@ExtendWith(ArquillianExtension.class)
class HotPathStatementsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(HotPathStatementsIT.class, Captured.class, ToolTestSupport.class,
                ToolTestSupport.TestCall.class);
    }

    @Inject McpRouter router;
    @Inject UserService users;
    @Inject StaticTokenService tokens;
    @Inject AddonService addons;

    String token;

    @BeforeEach
    void user() {
        addons.setEnabled(org.trek.platform.addons.AddonId.MCP, true);
        User user = ToolTestSupport.newUser(users, "hot");
        token = tokens.create(Actor.system(), user.getId(), "guard").token();
    }

    /** What the router answered. */
    static final class Captured implements Outbound {
        int status;
        String body;
        Map<String, String> headers = new HashMap<>();

        @Override
        public void json(int status, JsonValue body, Map<String, String> headers) {
            this.status = status;
            this.body = body.toString();
            this.headers.putAll(headers);
        }

        @Override
        public void status(int status, Map<String, String> headers) {
            this.status = status;
            this.headers.putAll(headers);
        }

        @Override
        public EventStream events() {
            throw new AssertionError("no stream expected");
        }

        @Override
        public EventStream detachedEvents() {
            throw new AssertionError("no stream expected");
        }

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    Captured post(String json, String session, String version, String method, String name) {
        Captured out = new Captured();
        router.handle(new InboundRequest("POST", "application/json", "application/json, text/event-stream", version,
                session, method, name, "127.0.0.1:8080", null, "Bearer " + token, json.getBytes(StandardCharsets.UTF_8),
                false, 1_048_576, "127.0.0.1"), out);
        return out;
    }

    Captured modernCall(String tool, String arguments) {
        return post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}", null, "2026-07-28", "tools/call", tool);
    }

    JsonObject structured(Captured out) {
        assertEquals(200, out.status, out.body);
        JsonObject result = out.json().getJsonObject("result");
        assertTrue(!result.containsKey("isError"), out.body);
        return result.getJsonObject("structuredContent");
    }

    long createTrip(String title) {
        return structured(modernCall("create_trip", "{\"title\":\"" + title + "\",\"start_date\":\"2027-05-01\","
                + "\"end_date\":\"2027-05-30\"}")).getJsonObject("trip").getJsonNumber("id").longValue();
    }

    /** A request counted on this thread; the same request once before, so the caches are warm as in production. */
    StatementCounter.Counted<Captured> warm(java.util.function.Supplier<Captured> request) {
        assertEquals(200, request.get().status);
        StatementCounter.Counted<Captured> counted = StatementCounter.count(request);
        assertEquals(200, counted.value().status, counted.value().body);
        return counted;
    }

    /**
     * Reads that refresh an in-memory cache: a grant (its token and user, kept a second), the addon states (two
     * seconds) and a legacy session (a second). On a busy machine one may expire between the warm-up call and the
     * counted one, so they are counted apart and only bounded; everything else is the request's own work.
     */
    static long cacheRefreshes(StatementCounter.Counted<?> c) {
        // A trip read that names the owner (list_trips' owner_username sub-query) is the request's own work.
        return c.statements().stream().map(String::toLowerCase)
                .filter(s -> s.matches("(?s).*\\b(from|join)\\s+(mcp_tokens|oauth_tokens|users|addons|mcp_sessions)\\b.*"))
                .filter(s -> !s.matches("(?s).*\\bfrom\\s+trips\\b.*")).count();
    }

    static long ownWork(StatementCounter.Counted<?> c) {
        return c.total() - cacheRefreshes(c);
    }

    static long touching(StatementCounter.Counted<?> c, String table) {
        return c.statements().stream().filter(s -> s.toLowerCase().matches("(?s).*\\b(from|join)\\s+" + table + "\\b.*")).count();
    }

    @Test
    void listTripsIsOneQueryWhateverTheNumberOfTripsAndWritesNothing() {
        createTrip("First");
        StatementCounter.Counted<Captured> one = warm(() -> modernCall("list_trips", "{}"));
        for (int i = 0; i < 199; i++) {
            createTrip("Trip " + i);
        }
        StatementCounter.Counted<Captured> many = warm(() -> modernCall("list_trips", "{\"limit\":100}"));
        assertEquals(100, structured(many.value()).getJsonArray("trips").size());
        assertEquals(List.of(), one.writes(), "a read-only call wrote");
        assertEquals(List.of(), many.writes(), "a read-only call wrote");
        assertEquals(1, touching(one, "trips"), one.statements().toString());
        // Authentication, rate limit, addons and audit are served from memory: besides the query, at most a refresh of
        // a cache (a grant: 2 reads, the addon states: 1) may fall into the counted request.
        assertEquals(1, ownWork(one), "whole request: " + one.statements());
        assertTrue(cacheRefreshes(one) <= 3, "whole request: " + one.statements());
        assertEquals(touching(one, "trips"), touching(many, "trips"), "grows with the trips");
        assertEquals(1, ownWork(many), "whole request: " + many.statements());
        assertTrue(cacheRefreshes(many) <= 3, "whole request: " + many.statements());
    }

    @Test
    void aLegacySessionRequestWritesNothing() {
        Captured init = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"guard\",\"version\":\"1\"}}}",
                null, null, null, null);
        assertEquals(200, init.status, init.body);
        String session = init.headers.get("Mcp-Session-Id");
        assertNotNull(session);
        StatementCounter.Counted<Captured> call = warm(() -> post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"list_trips\",\"arguments\":{}}}", session, "2025-11-25", null, null));
        assertEquals(List.of(), call.writes(), "the session's last use is written behind, not per request");
        assertEquals(1, ownWork(call), "whole request: " + call.statements());
        assertTrue(cacheRefreshes(call) <= 4, "whole request: " + call.statements());
        StatementCounter.Counted<Captured> list = warm(() -> post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}",
                session, "2025-11-25", null, null));
        assertEquals(0, ownWork(list), "tools/list is built once per scope set: " + list.statements());
        assertTrue(cacheRefreshes(list) <= 4, "tools/list: " + list.statements());
        StatementCounter.Counted<Captured> ping = warm(() -> post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}",
                session, "2025-11-25", null, null));
        assertEquals(0, ownWork(ping), "ping: " + ping.statements());
        assertTrue(cacheRefreshes(ping) <= 4, "ping: " + ping.statements());
    }

    @Test
    void theSummaryOfALargeTripCostsWhatASmallOneCostsAndWritesNothing() {
        long trip = createTrip("Big");
        JsonObject summary = structured(modernCall("get_trip_summary", "{\"tripId\":" + trip + "}"));
        long day = summary.getJsonArray("days").getJsonObject(0).getJsonNumber("id").longValue();
        for (int i = 0; i < 3; i++) {
            structured(modernCall("create_and_assign_place", "{\"tripId\":" + trip + ",\"dayId\":" + day
                    + ",\"name\":\"Place " + i + "\"}"));
        }
        StatementCounter.Counted<Captured> small = warm(() -> modernCall("get_trip_summary", "{\"tripId\":" + trip + "}"));
        for (int i = 3; i < 1000; i++) {
            long d = summary.getJsonArray("days").getJsonObject(i % 30).getJsonNumber("id").longValue();
            structured(modernCall("create_and_assign_place", "{\"tripId\":" + trip + ",\"dayId\":" + d
                    + ",\"name\":\"Place " + i + "\"}"));
        }
        // The collab addon's part grows too: notes, polls with votes, messages.
        for (int i = 0; i < 30; i++) {
            structured(modernCall("create_collab_note", "{\"tripId\":" + trip + ",\"title\":\"Note " + i + "\"}"));
            structured(modernCall("send_collab_message", "{\"tripId\":" + trip + ",\"text\":\"Message " + i + "\"}"));
        }
        for (int i = 0; i < 5; i++) {
            long poll = structured(modernCall("create_collab_poll", "{\"tripId\":" + trip + ",\"question\":\"Poll " + i
                    + "\",\"options\":[\"a\",\"b\"]}")).getJsonObject("poll").getJsonNumber("id").longValue();
            structured(modernCall("vote_collab_poll", "{\"tripId\":" + trip + ",\"pollId\":" + poll + ",\"optionIndex\":1}"));
        }
        StatementCounter.Counted<Captured> large = warm(() -> modernCall("get_trip_summary", "{\"tripId\":" + trip + "}"));
        assertEquals(1000, structured(large.value()).getJsonNumber("place_count").intValue());
        assertEquals(30, structured(large.value()).getJsonArray("collab_notes").size());
        assertEquals(5, structured(large.value()).getInt("pollCount"));
        assertEquals(List.of(), small.writes(), "a read-only call wrote");
        assertEquals(List.of(), large.writes(), "a read-only call wrote");
        long smallTrip = small.total() - touching(small, "addons") - touching(small, "mcp_tokens") - touching(small, "users");
        long largeTrip = large.total() - touching(large, "addons") - touching(large, "mcp_tokens") - touching(large, "users");
        assertEquals(smallTrip, largeTrip, "grows with the places: " + large.statements());
        // 13 plain reads: the trip with its access check, members (they read users, so not in largeTrip), days, notes,
        // assignments, place count, stays, budget, packing, reservations, to-dos; and the collab addon's two: its notes
        // (they read their authors in users, so not in largeTrip) and the poll and message counts.
        assertTrue(largeTrip <= 11, "bounded: " + large.statements());
    }
}
