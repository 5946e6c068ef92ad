package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trek.mcp.it.McpTestClient;

/**
 * Issue #13: every malformed envelope at /mcp is a clear JSON-RPC error that changes nothing, on both wires (a
 * legacy 2025-11-25 session and the stateless 2026-07-28 wire); and the compound tools validate everything before
 * they write, so a refused call leaves no half-made object behind.
 */
class EnvelopeAndAtomicityIT {
    static McpTripHarness mcp;
    static McpTripHarness.Account owner;
    static long tripId;

    @BeforeAll
    static void setUp() {
        mcp = new McpTripHarness();
        owner = mcp.newAccount("env-");
        tripId = mcp.ok(owner, "create_trip", Json.createObjectBuilder().add("title", "Envelope")
                .add("start_date", "2027-05-01").add("end_date", "2027-05-03")).getJsonObject("trip").getInt("id");
    }

    // ---------------------------------------------------------------- the envelope

    /** The headers of a tools/call on the wire, with the session for the legacy one. */
    private static Map<String, String> headers(String wire, String tool) {
        Map<String, String> h = new LinkedHashMap<>();
        if (McpTripHarness.MODERN.equals(wire)) {
            h.put("MCP-Protocol-Version", wire);
            h.put("Mcp-Method", "tools/call");
            h.put("Mcp-Name", tool);
        } else {
            McpTestClient session = mcp.session(owner.token());
            h.put("Mcp-Session-Id", session.sessionId);
            h.put("MCP-Protocol-Version", session.revision);
        }
        return h;
    }

    /** A create_trip call whose title is {@code titleJson} (already JSON), with _meta on the modern wire. */
    private static String createTrip(String wire, String titleJson) {
        String meta = McpTripHarness.MODERN.equals(wire) ? ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
                + wire + "\",\"io.modelcontextprotocol/clientCapabilities\":{}}" : "";
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"create_trip\","
                + "\"arguments\":{\"title\":" + titleJson + "}" + meta + "}}";
    }

    private static HttpResponse<String> post(String wire, byte[] body, Map<String, String> extra) {
        Map<String, String> h = headers(wire, "create_trip");
        h.putAll(extra);
        return McpTestClient.send(new McpTestClient(mcp.server.baseUrl(), owner.token()).request(h)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static HttpResponse<String> post(String wire, String body) {
        return post(wire, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static JsonObject error(HttpResponse<String> r) {
        JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals("2.0", body.getString("jsonrpc"), r.body());
        return body.getJsonObject("error");
    }

    private static int tripCount() {
        return mcp.ok(owner, "list_trips", Json.createObjectBuilder().add("limit", 100)).getJsonArray("trips").size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void contentAfterTheJsonValueIsAParseErrorAndNothingRuns(String wire) {
        int before = tripCount();
        for (String body : List.of(createTrip(wire, "\"Trailing\"") + "}", createTrip(wire, "\"Twice\"")
                + createTrip(wire, "\"Twice\""))) {
            HttpResponse<String> r = post(wire, body);
            assertEquals(400, r.statusCode(), r.body());
            assertEquals(-32700, error(r).getInt("code"));
        }
        assertEquals(before, tripCount(), "nothing was created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void badUnicodeIsAParseErrorNotAReplacementCharacter(String wire) {
        int before = tripCount();
        byte[] prefix = createTrip(wire, "\"X\"").split("\"X\"")[0].getBytes(StandardCharsets.UTF_8);
        byte[] suffix = createTrip(wire, "\"X\"").split("\"X\"")[1].getBytes(StandardCharsets.UTF_8);
        byte[][] titles = {
            {'"', 'A', (byte) 0xff, '"'},                       // not UTF-8
            {'"', (byte) 0xc0, (byte) 0xaf, '"'},               // overlong '/'
            {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'},  // an encoded surrogate
            "\"A\\ud800B\"".getBytes(StandardCharsets.US_ASCII), // an escaped lone surrogate
        };
        for (byte[] title : titles) {
            byte[] body = new byte[prefix.length + title.length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(title, 0, body, prefix.length, title.length);
            System.arraycopy(suffix, 0, body, prefix.length + title.length, suffix.length);
            HttpResponse<String> r = post(wire, body, Map.of());
            assertEquals(400, r.statusCode(), r.body());
            assertEquals(-32700, error(r).getInt("code"));
        }
        assertEquals(before, tripCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void aBodyThatIsNotJsonByItsTypeIs415(String wire) {
        int before = tripCount();
        for (String type : List.of("application/jsonx", "text/plain", "application/x-www-form-urlencoded")) {
            HttpResponse<String> r = post(wire, createTrip(wire, "\"Typed\"").getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", type));
            assertEquals(415, r.statusCode(), type + ": " + r.body());
            assertEquals(-32600, error(r).getInt("code"));
        }
        assertEquals(before, tripCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void deepNestingIsA4xxNotA500(String wire) {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        HttpResponse<String> inArgument = post(wire, createTrip(wire, deep));
        assertEquals(400, inArgument.statusCode(), inArgument.body());
        assertEquals(-32700, error(inArgument).getInt("code"));
        String deepObject = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);
        HttpResponse<String> inParams = post(wire, createTrip(wire, deepObject));
        assertEquals(400, inParams.statusCode());
        assertFalse(inParams.body().contains("Exception"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void putAndPatchAre405WithAJsonRpcErrorAndAllow(String wire) {
        for (String method : List.of("PUT", "PATCH")) {
            HttpResponse<String> r = McpTestClient.send(new McpTestClient(mcp.server.baseUrl(), owner.token())
                    .request(headers(wire, "create_trip")).method(method, HttpRequest.BodyPublishers.ofString(
                            createTrip(wire, "\"Put\""))).build());
            assertEquals(405, r.statusCode(), method);
            assertTrue(r.headers().firstValue("Allow").orElse("").contains("POST"), method);
            assertEquals(-32600, error(r).getInt("code"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void aMessageWithMethodAndResultIsInvalidAndDoesNotRun(String wire) {
        int before = tripCount();
        String body = createTrip(wire, "\"Both\"");
        body = body.substring(0, body.length() - 1) + ",\"result\":{}}";
        HttpResponse<String> r = post(wire, body);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(-32600, error(r).getInt("code"));
        assertEquals(before, tripCount());
    }

    // ---------------------------------------------------------------- compound tools

    private static JsonArray resource(String path) {
        JsonObject r = new McpTestClient(mcp.server.baseUrl(), owner.token()).modern("resources/read",
                Json.createObjectBuilder().add("uri", "trek://trips/" + tripId + path).build()).result();
        return Json.createReader(new StringReader(r.getJsonArray("contents").getJsonObject(0).getString("text"))).readArray();
    }

    private static JsonObject endpoint(String role, int sequence, String name) {
        return Json.createObjectBuilder().add("role", role).add("sequence", sequence).add("name", name).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void createTransportWithABadStopCreatesNothing(String wire) {
        int before = resource("/reservations").size();
        for (JsonArray stops : List.of(
                Json.createArrayBuilder().add(endpoint("from", 0, "Munich")).add(endpoint("sideways", 1, "Berlin")).build(),
                Json.createArrayBuilder().add(endpoint("from", 0, "Munich")).add(endpoint("to", 1, "  ")).build())) {
            McpTestClient.Answer a = mcp.call(owner.token(), wire, "create_transport", Json.createObjectBuilder()
                    .add("tripId", tripId).add("type", "train").add("title", "Half made").add("endpoints", stops).build());
            // refused by the input schema (-32602) or by the service (isError): either way before anything is written
            assertTrue(a.last().containsKey("error") || a.result().getBoolean("isError", false), a.response().body());
        }
        assertEquals(before, resource("/reservations").size(), "no reservation without its stops");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void createAndAssignPlaceOnAForeignDayCreatesNoPlace(String wire) {
        int before = resource("/places").size();
        String text = mcp.error(owner, wire, "create_and_assign_place", Json.createObjectBuilder().add("tripId", tripId)
                .add("dayId", 999_999_999L).add("name", "Orphan").build());
        assertFalse(text.isBlank());
        assertEquals(before, resource("/places").size(), "no place without its assignment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2026-07-28"})
    void aBudgetItemWithAStrangerAsMemberIsNotCreated(String wire) {
        McpTripHarness.Account stranger = mcp.newUser("env-x-");
        int before = resource("/budget").size();
        String text = mcp.error(owner, wire, "create_budget_item_with_members", Json.createObjectBuilder()
                .add("tripId", tripId).add("name", "Taxi").add("total_price", 30)
                .add("userIds", Json.createArrayBuilder().add(owner.id()).add(stranger.id())).build());
        assertFalse(text.isBlank());
        assertEquals(before, resource("/budget").size(), "no item without its members");
    }
}
