package org.trek.mcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /mcp end to end on a real server with the conformance fixtures on: authentication challenges, both wires, sessions,
 * streams, transport checks and limits. Every message the server sends here is validated against the official schema.
 */
class McpEndpointIT {
    static final String TOKEN = "trekconf_it-0123456789abcdef0123456789abcdef";
    static TrekServer server;

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("ADMIN_EMAIL", TrekServer.ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", TrekServer.ADMIN_PASSWORD);
        env.put("TREK_ADDONS", "mcp");
        env.put("TREK_MCP_CONFORMANCE_FIXTURES", "true");
        env.put("TREK_MCP_CONFORMANCE_TOKEN", TOKEN);
        return env;
    }

    @BeforeAll
    static void start() {
        Map<String, String> env = env();
        env.put("MCP_MAX_BODY_BYTES", "8192");
        env.put("MCP_ALLOWED_ORIGINS", "https://allowed.example");
        server = TrekServer.start("mcp", env);
    }

    /**
     * After every exchange above (tool calls, streams, sampling, cancellation) and a few beats of the upkeep timer,
     * the server has logged nothing SEVERE: container context errors from background work used to fill the log.
     */
    @AfterAll
    static void stop() {
        if (server != null) {
            try {
                server.assertNoSevereLog();
            } finally {
                server.close();
            }
        }
    }

    McpTestClient client() {
        return new McpTestClient(server.baseUrl(), TOKEN);
    }

    static JsonObject obj(String json) {
        return McpTestClient.parse(json);
    }

    // ---------------------------------------------------------------- authentication

    @Test
    void withoutTokenIs401WithChallengeButNoErrorCode() {
        McpTestClient anonymous = new McpTestClient(server.baseUrl(), null);
        McpTestClient.Answer a = anonymous.post("tools/list", null, Map.of(), true);
        assertEquals(401, a.status());
        String challenge = a.header("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer "), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + server.baseUrl()
                + "/.well-known/oauth-protected-resource/mcp\""), challenge);
        assertTrue(challenge.contains("scope=\"trips:read"), challenge);
        assertFalse(challenge.contains("error="), challenge);
        assertTrue(a.last().containsKey("id"), "the error answers the request: its id is echoed (the schemas require it)");
        // Rejections are audited (sampled).
        assertTrue(eventually(() -> admin().get("/admin/audit?action=mcp.rejected").body().contains("mcp.rejected")));
    }

    @Test
    void badTokenIs401InvalidToken() {
        for (String token : List.of("trek_not-a-real-token", "trekoa_unknown", "something-else")) {
            McpTestClient.Answer a = new McpTestClient(server.baseUrl(), token).post("tools/list", null, Map.of(), true);
            assertEquals(401, a.status(), token);
            assertTrue(a.header("WWW-Authenticate").contains("error=\"invalid_token\""), token);
        }
    }

    // ---------------------------------------------------------------- legacy wire

    @Test
    void legacyHandshakeSessionAndDelete() {
        McpTestClient c = client();
        McpTestClient.Answer init = c.initialize("2025-06-18");
        assertEquals(200, init.status());
        assertEquals("2025-06-18", init.result().getString("protocolVersion"));
        assertTrue(c.sessionId.matches("[\\x21-\\x7E]{32,}"), c.sessionId);
        assertEquals("TREK MCP", init.result().getJsonObject("serverInfo").getString("name"));

        McpTestClient.Answer tools = c.legacy("tools/list", null);
        assertEquals(200, tools.status());
        List<String> names = tools.result().getJsonArray("tools").stream()
                .map(t -> t.asJsonObject().getString("name")).collect(Collectors.toList());
        assertTrue(names.contains("test_simple_text"), names.toString());

        McpTestClient.Answer ping = c.legacy("ping", null);
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, ping.result());

        // 2026-only method on the legacy wire
        assertEquals(-32601, c.legacy("server/discover", null).error().getInt("code"));

        // Unsupported protocol header → 400
        McpTestClient.Answer badHeader = c.post("tools/list", null,
                Map.of("Mcp-Session-Id", c.sessionId, "MCP-Protocol-Version", "1999-01-01"), true);
        assertEquals(400, badHeader.status());

        // No session → 400, unknown session → 404
        assertEquals(400, c.post("tools/list", null, Map.of(), true).status());
        McpTestClient.Answer unknown = c.post("tools/list", null, Map.of("Mcp-Session-Id", "nope"), true);
        assertEquals(404, unknown.status());
        assertEquals(-32001, unknown.error().getInt("code"));

        // ...on every method: a notification, the GET stream and DELETE (which then ends nothing)
        String note = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
        assertEquals(400, McpTestClient.send(c.request(Map.of("Mcp-Session-Id", c.sessionId, "MCP-Protocol-Version",
                "1999-01-01")).POST(HttpRequest.BodyPublishers.ofString(note)).build()).statusCode());
        assertEquals(400, McpTestClient.send(c.request(Map.of("Mcp-Session-Id", c.sessionId, "MCP-Protocol-Version",
                "1999-01-01", "Accept", "text/event-stream")).GET().build()).statusCode());
        assertEquals(400, McpTestClient.send(c.request(Map.of("Mcp-Session-Id", c.sessionId, "MCP-Protocol-Version",
                "1999-01-01")).DELETE().build()).statusCode());
        assertEquals(405, McpTestClient.send(c.request(Map.of("Mcp-Session-Id", c.sessionId, "MCP-Protocol-Version",
                "2026-07-28")).DELETE().build()).statusCode(), "2026-07-28 has no sessions to delete");
        assertEquals(200, c.legacy("ping", null).status(), "the session survived");

        // DELETE ends the session
        HttpResponse<String> del = McpTestClient.send(c.request(Map.of("Mcp-Session-Id", c.sessionId)).DELETE().build());
        assertEquals(204, del.statusCode());
        assertEquals(404, c.legacy("tools/list", null).status());
    }

    @Test
    void legacyNegotiatesUpFromUnknownVersionsAndAnswers2025_03_26() {
        McpTestClient c = client();
        assertEquals("2025-11-25", c.initialize("2024-11-05").result().getString("protocolVersion"));
        McpTestClient c2 = client();
        assertEquals("2025-03-26", c2.initialize("2025-03-26").result().getString("protocolVersion"));
        assertEquals(200, c2.legacy("resources/list", null).status());
        assertEquals(200, c2.legacy("prompts/list", null).status());
        // 2025-03-26 allows JSON-RPC batches; later revisions do not.
        Map<String, String> h = Map.of("Mcp-Session-Id", c2.sessionId, "MCP-Protocol-Version", "2025-03-26");
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}]";
        HttpResponse<String> answers = McpTestClient.send(c2.request(h).POST(HttpRequest.BodyPublishers.ofString(batch)).build());
        assertEquals(200, answers.statusCode());
        var array = Json.createReader(new java.io.StringReader(answers.body())).readArray();
        assertEquals(2, array.size());
        McpTestClient.validateMessage("2025-03-26", array.getJsonObject(0), "ping");
        McpTestClient.validateMessage("2025-03-26", array.getJsonObject(1), "tools/list");
        HttpResponse<String> refused = McpTestClient.send(c.request(Map.of("Mcp-Session-Id", c.sessionId,
                "MCP-Protocol-Version", c.revision)).POST(HttpRequest.BodyPublishers.ofString(batch)).build());
        assertEquals(400, refused.statusCode());
    }

    @Test
    void legacyProgressStreamsAsSse() {
        McpTestClient c = client();
        c.initialize("2025-11-25");
        McpTestClient.Answer a = c.legacy("tools/call", obj("""
                {"name":"test_tool_with_progress","arguments":{},"_meta":{"progressToken":"p-1"}}"""));
        assertEquals(200, a.status());
        assertTrue(a.isStream(), a.header("Content-Type"));
        long progress = a.messages().stream().filter(m -> "notifications/progress".equals(m.getString("method", "")))
                .filter(m -> m.getJsonObject("params").getString("progressToken").equals("p-1")).count();
        assertEquals(3, progress);
        assertTrue(a.last().containsKey("result"));
    }

    @Test
    void simpleCallsAnswerJsonAndLoggingHonoursTheLevel() {
        McpTestClient c = client();
        c.initialize("2025-11-25");
        McpTestClient.Answer simple = c.legacy("tools/call", obj("{\"name\":\"test_simple_text\"}"));
        assertFalse(simple.isStream());
        assertEquals("This is a simple text response for testing.",
                simple.result().getJsonArray("content").getJsonObject(0).getString("text"));
        // No level set: the logging tool says nothing, so the answer is plain JSON.
        assertFalse(c.legacy("tools/call", obj("{\"name\":\"test_tool_with_logging\"}")).isStream());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, c.legacy("logging/setLevel", obj("{\"level\":\"info\"}")).result());
        McpTestClient.Answer logged = c.legacy("tools/call", obj("{\"name\":\"test_tool_with_logging\"}"));
        assertEquals(3, logged.messages().stream()
                .filter(m -> "notifications/message".equals(m.getString("method", ""))).count());
        assertEquals(-32602, c.legacy("logging/setLevel", obj("{\"level\":\"loud\"}")).error().getInt("code"));
    }

    @Test
    void invalidArgumentsAndUnknownToolsAreInvalidParams() {
        McpTestClient c = client();
        c.initialize("2025-11-25");
        JsonObject e = c.legacy("tools/call", obj("{\"name\":\"test_sampling\",\"arguments\":{}}")).error();
        assertEquals(-32602, e.getInt("code"));
        assertTrue(e.getString("message").contains("prompt"), e.getString("message"));
        assertEquals(-32602, c.legacy("tools/call", obj("{\"name\":\"no_such_tool\"}")).error().getInt("code"));
        McpTestClient.Answer err = c.legacy("tools/call", obj("{\"name\":\"test_error_handling\"}"));
        assertTrue(err.result().getBoolean("isError"));
        // Tool calls are audited with their outcome, written behind within a second.
        assertTrue(eventually(() -> admin().get("/admin/audit?action=mcp.tool_call").body().contains("test_error_handling")),
                "tool call not audited");
        assertEquals(-32002, c.legacy("resources/read", obj("{\"uri\":\"test://missing\"}")).error().getInt("code"));
    }

    @Test
    void paginationCursorIsCheckedAndUnknownMethodsAreMethodNotFound() {
        McpTestClient c = client();
        c.initialize("2025-11-25");
        assertEquals(-32602, c.legacy("tools/list", obj("{\"cursor\":\"garbage!\"}")).error().getInt("code"));
        // a well-formed cursor this server never gave out: far past the end, or at the edge of int overflow
        for (String offset : List.of("o:100000", "o:2147483647")) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(offset.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            McpTestClient.Answer forged = c.legacy("tools/list", obj("{\"cursor\":\"" + cursor + "\"}"));
            assertEquals(200, forged.status(), offset + ": a method error, not a 500");
            assertEquals(-32602, forged.error().getInt("code"), offset);
        }
        assertEquals(-32601, c.legacy("no/such", null).error().getInt("code"));
    }

    // ---------------------------------------------------------------- 2026-07-28 wire

    @Test
    void modernDiscoverAndListsCarryResultTypeAndCachingHints() {
        McpTestClient c = client();
        McpTestClient.Answer d = c.modern("server/discover", null);
        assertEquals(200, d.status());
        assertNull(d.header("Mcp-Session-Id"));
        assertEquals(List.of("2026-07-28"), d.result().getJsonArray("supportedVersions").getValuesAs(
                v -> ((jakarta.json.JsonString) v).getString()));
        assertEquals("complete", d.result().getString("resultType"));
        McpTestClient.Answer tools = c.modern("tools/list", null);
        assertEquals("private", tools.result().getString("cacheScope"));
        assertTrue(tools.result().getJsonNumber("ttlMs").longValue() >= 0);
        McpTestClient.Answer call = c.modern("tools/call", obj("{\"name\":\"test_simple_text\",\"arguments\":{}}"));
        assertEquals("complete", call.result().getString("resultType"));
        McpTestClient.Answer irr = c.modern("tools/call",
                obj("{\"name\":\"test_input_required_result_elicitation\",\"arguments\":{}}"));
        assertEquals("input_required", irr.result().getString("resultType"));
        // every 2026-07-28 result names the server in _meta (basic: per-response protocol fields)
        for (McpTestClient.Answer a : List.of(d, tools, call, irr)) {
            assertEquals("TREK MCP", a.result().getJsonObject("_meta")
                    .getJsonObject("io.modelcontextprotocol/serverInfo").getString("name"));
        }
    }

    @Test
    void modernErrors() {
        McpTestClient c = client();
        McpTestClient.Answer unknown = c.modern("unknown/method", null);
        assertEquals(404, unknown.status());
        assertEquals(-32601, unknown.error().getInt("code"));
        assertEquals(404, c.modern("ping", null).status());
        assertEquals(404, c.modern("initialize", null).status());

        McpTestClient.Answer mismatch = c.modern("tools/list", null, Map.of("Mcp-Method", "prompts/list"));
        assertEquals(400, mismatch.status());
        assertEquals(-32020, mismatch.error().getInt("code"));

        McpTestClient.Answer notFound = c.modern("resources/read", obj("{\"uri\":\"test://nope\"}"));
        assertEquals(-32602, notFound.error().getInt("code"));
        assertEquals("test://nope", notFound.error().getJsonObject("data").getString("uri"));

        // Mcp-Name in the Base64 form (streamable-http "Value Encoding") is decoded before the comparison.
        String encoded = "=?base64?" + java.util.Base64.getEncoder().encodeToString(
                "test://nope".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=";
        McpTestClient.Answer decoded = c.modern("resources/read", obj("{\"uri\":\"test://nope\"}"), Map.of("Mcp-Name", encoded));
        assertEquals(-32602, decoded.error().getInt("code"), "the encoded name matches the body");
        McpTestClient.Answer other = c.modern("resources/read", obj("{\"uri\":\"test://other\"}"), Map.of("Mcp-Name", encoded));
        assertEquals(-32020, other.error().getInt("code"));
        McpTestClient.Answer broken = c.modern("resources/read", obj("{\"uri\":\"test://nope\"}"),
                Map.of("Mcp-Name", "=?base64?%%%?="));
        assertEquals(-32020, broken.error().getInt("code"));

        // Unsupported version: header and _meta agree on a revision we do not speak.
        String body = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"server/discover\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2099-01-01\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        McpTestClient.Answer unsupported = c.raw(body, Map.of("MCP-Protocol-Version", "2099-01-01",
                "Mcp-Method", "server/discover"));
        assertEquals(400, unsupported.status());
        assertEquals(-32022, unsupported.error().getInt("code"));
        assertEquals("2026-07-28", unsupported.error().getJsonObject("data").getJsonArray("supported").getString(0));
        assertEquals(9, unsupported.last().getInt("id"));
        McpTestClient.validateMessage("2026-07-28", unsupported.last(), "server/discover");

        // Missing _meta capabilities → 400 -32602
        McpTestClient.Answer noMeta = c.raw("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}",
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"));
        assertEquals(400, noMeta.status());
        assertEquals(-32602, noMeta.error().getInt("code"));
    }

    // ---------------------------------------------------------------- transport security

    @Test
    void foreignOriginAndHostAre403() {
        McpTestClient c = client();
        McpTestClient.Answer foreign = c.modern("server/discover", null, Map.of("Origin", "https://evil.example"));
        assertEquals(403, foreign.status());
        assertEquals(-32000, foreign.error().getInt("code"));
        assertEquals(200, c.modern("server/discover", null, Map.of("Origin", "https://allowed.example")).status());
        assertEquals(200, c.modern("server/discover", null, Map.of("Origin", server.baseUrl())).status());
    }

    /** Raw HTTP so the Host header can be chosen (java.net.http does not allow setting it). */
    static String statusLineWithHost(String host) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String request = "POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
        }
    }

    @Test
    void dnsRebindingHostIsRefused() throws Exception {
        assertTrue(statusLineWithHost("evil.example.com").contains(" 403"));
        // a name that merely starts like a loopback address is a name (a rebinding page's own host)
        assertTrue(statusLineWithHost("127.evil.example:" + server.port()).contains(" 403"));
        assertEquals(403, client().modern("server/discover", null, Map.of("Origin", "http://127.evil.example:8080")).status());
        assertEquals(200, client().modern("server/discover", null, Map.of("Origin", "http://127.0.0.1:8080")).status());
        assertTrue(statusLineWithHost("127.0.0.1:" + server.port()).contains(" 200"));
        assertTrue(statusLineWithHost("localhost:" + server.port()).contains(" 200"));
    }

    @Test
    void parseErrorAndBodyLimit() {
        McpTestClient c = client();
        McpTestClient.Answer bad = c.raw("{not json", Map.of());
        assertEquals(400, bad.status());
        assertEquals(-32700, bad.error().getInt("code"));
        McpTestClient.validateMessage("2025-11-25", bad.last(), null);

        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(9000) + "\"}}";
        McpTestClient.Answer tooBig = c.raw(big, Map.of());
        assertEquals(413, tooBig.status());
        assertEquals(-32600, tooBig.error().getInt("code"));
        assertFalse(tooBig.response().body().contains("Exception"));

        HttpResponse<String> wrongType = McpTestClient.send(c.request(Map.of("Content-Type", "text/plain"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(415, wrongType.statusCode());
    }

    // ---------------------------------------------------------------- streams, addons, static tokens

    static final String STREAM_END = "<<end>>";

    /**
     * Streams over HTTP/1.1, as MCP clients speak to a cleartext endpoint. (The JDK client's default is an h2c
     * upgrade; Grizzly's HTTP/2 can deadlock when the server ends a long SSE stream while the client closes it.)
     */
    static final java.net.http.HttpClient STREAM_CLIENT = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    /** Opens the legacy GET stream; its lines arrive in the queue, STREAM_END when the server closes it. */
    static BlockingQueue<String> openStream(McpTestClient c) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest get = c.request(Map.of("Mcp-Session-Id", c.sessionId, "MCP-Protocol-Version", c.revision,
                "Accept", "text/event-stream")).timeout(java.time.Duration.ofSeconds(60)).GET().build();
        STREAM_CLIENT.sendAsync(get, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    lines.add("status:" + r.statusCode());
                    r.body().forEach(lines::add);
                    lines.add(STREAM_END);
                })
                .exceptionally(e -> {
                    lines.add(STREAM_END);
                    return null;
                });
        return lines;
    }

    static String await(BlockingQueue<String> lines, java.util.function.Predicate<String> match, long seconds)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && match.test(line)) {
                return line;
            }
        }
        return null;
    }

    static WebClient admin() {
        WebClient web = new WebClient(server);
        web.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        return web;
    }

    static void setAddon(WebClient web, String addon, boolean enabled) {
        web.get("/admin/addons");
        HttpResponse<String> r = web.post("/admin/addons", Map.of("addon", addon, "enabled", String.valueOf(enabled)));
        assertEquals(302, r.statusCode(), r.body());
    }

    @Test
    void addonToggleSendsListChangedOnTheStreamAndMcpOffIs403() throws Exception {
        McpTestClient c = client();
        c.initialize("2025-11-25");
        BlockingQueue<String> stream = openStream(c);
        assertEquals("status:200", await(stream, l -> l.startsWith("status:"), 10));
        WebClient web = admin();
        setAddon(web, "budget", false);
        try {
            String line = await(stream, l -> l.startsWith("data:") && l.contains("notifications/tools/list_changed"), 10);
            assertNotNull(line, "no list_changed on the GET stream");
            McpTestClient.validateMessage("2025-11-25", McpTestClient.parse(line.substring(5).trim()), null);
            // The session survives the toggle.
            assertEquals(200, c.legacy("ping", null).status());
        } finally {
            setAddon(web, "budget", true);
        }
        setAddon(web, "mcp", false);
        try {
            McpTestClient.Answer off = c.legacy("ping", null);
            assertEquals(403, off.status());
            assertEquals(-32000, off.error().getInt("code"));
        } finally {
            setAddon(web, "mcp", true);
        }
        assertEquals(200, c.legacy("ping", null).status());
    }

    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token-value\">(trek_[A-Za-z0-9_-]+)<");

    static String createToken(WebClient web, String name) {
        web.get("/settings/tokens");
        HttpResponse<String> r = web.post("/settings/tokens", Map.of("action", "create", "name", name));
        Matcher m = NEW_TOKEN.matcher(r.body());
        return m.find() ? m.group(1) : null;
    }

    @Test
    void staticTokenLifecycle() throws Exception {
        WebClient web = admin();
        String token = createToken(web, "laptop");
        assertNotNull(token, "token not shown after creation");
        assertTrue(token.length() >= "trek_".length() + 43, token); // 256 random bits, base64url
        String page = web.get("/settings/tokens").body();
        assertFalse(page.contains(token), "the token must be shown only once");
        assertTrue(page.contains("laptop"));

        McpTestClient c = new McpTestClient(server.baseUrl(), token);
        McpTestClient.Answer init = c.initialize("2025-11-25");
        assertTrue(init.result().getString("instructions").contains("OAuth Clients"));
        McpTestClient.Answer call = c.legacy("tools/call", obj("{\"name\":\"test_simple_text\"}"));
        JsonObject result = call.result();
        assertFalse(result.containsKey("isError"), "a deprecation notice must not turn success into an error");
        var content = result.getJsonArray("content");
        assertEquals(2, content.size());
        assertTrue(content.getJsonObject(1).getString("text").contains("deprecated"));
        assertTrue(result.getJsonObject("_meta").getString("org.trek/deprecation").contains("OAuth"));
        List<String> prompts = c.legacy("prompts/list", null).result().getJsonArray("prompts").stream()
                .map(p -> p.asJsonObject().getString("name")).collect(Collectors.toList());
        assertTrue(prompts.contains("token_auth_notice"), prompts.toString());
        assertEquals(200, c.legacy("prompts/get", obj("{\"name\":\"token_auth_notice\"}")).status());
        // The trekconf_ caller is not a static-token caller: no notice prompt, no extra content.
        assertFalse(client().modern("prompts/list", null).response().body().contains("token_auth_notice"));

        // A session is bound to the grant that opened it: the same user with another credential cannot use it.
        McpTestClient intruder = client();
        intruder.sessionId = c.sessionId;
        McpTestClient.Answer foreignGrant = intruder.legacy("ping", null);
        assertEquals(403, foreignGrant.status());

        BlockingQueue<String> stream = openStream(c);
        assertEquals("status:200", await(stream, l -> l.startsWith("status:"), 10));

        // Delete (with the confirmation step) → the token stops working and its session's stream is closed.
        Matcher id = Pattern.compile("confirmDelete=(\\d+)").matcher(web.get("/settings/tokens").body());
        assertTrue(id.find());
        assertTrue(web.get("/settings/tokens?confirmDelete=" + id.group(1)).body().contains("confirm-delete"));
        assertEquals(302, web.post("/settings/tokens", Map.of("action", "delete", "id", id.group(1))).statusCode());
        assertEquals(STREAM_END, await(stream, STREAM_END::equals, 15), "session stream not closed");
        McpTestClient.Answer after = c.legacy("ping", null);
        assertEquals(401, after.status());
        assertTrue(after.header("WWW-Authenticate").contains("invalid_token"));
    }

    @Test
    void atMostTenStaticTokensPerUser() {
        WebClient web = admin();
        int existing = (int) Pattern.compile("confirmDelete=").matcher(web.get("/settings/tokens").body()).results().count();
        for (int i = existing; i < 10; i++) {
            assertNotNull(createToken(web, "t" + i));
        }
        web.get("/settings/tokens");
        HttpResponse<String> eleventh = web.post("/settings/tokens", Map.of("action", "create", "name", "one too many"));
        assertEquals(302, eleventh.statusCode()); // post/redirect/get: the message at the form's place
        assertFalse(NEW_TOKEN.matcher(eleventh.body()).find());
        assertTrue(web.get("/settings/tokens").body().contains("You already have 10 tokens."));
        // clean up so other tests can create tokens
        Matcher ids = Pattern.compile("confirmDelete=(\\d+)").matcher(web.get("/settings/tokens").body());
        while (ids.find()) {
            web.get("/settings/tokens");
            web.post("/settings/tokens", Map.of("action", "delete", "id", ids.group(1)));
        }
    }

    /** POSTs and streams the answer's lines into a queue (STREAM_END when it finishes). */
    static BlockingQueue<String> postStreaming(McpTestClient c, String body, Map<String, String> headers) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest post = c.request(headers).timeout(java.time.Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        STREAM_CLIENT.sendAsync(post, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    lines.add("status:" + r.statusCode());
                    r.body().forEach(lines::add);
                    lines.add(STREAM_END);
                })
                .exceptionally(e -> {
                    lines.add(STREAM_END);
                    return null;
                });
        return lines;
    }

    static JsonObject data(String line) {
        return McpTestClient.parse(line.substring(5).trim());
    }

    @Test
    void legacySamplingRoundTripAndCancellation() throws Exception {
        McpTestClient c = client();
        c.initialize("2025-11-25");
        Map<String, String> session = Map.of("Mcp-Session-Id", c.sessionId, "MCP-Protocol-Version", c.revision);
        String call = "{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"tools/call\",\"params\":{\"name\":\"test_sampling\","
                + "\"arguments\":{\"prompt\":\"Hi there\"}}}";
        BlockingQueue<String> stream = postStreaming(c, call, session);
        String request = await(stream, l -> l.startsWith("data:") && l.contains("sampling/createMessage"), 10);
        assertNotNull(request, "no sampling request on the stream");
        JsonObject samplingRequest = data(request);
        McpTestClient.validateMessage("2025-11-25", samplingRequest, null);
        String answer = "{\"jsonrpc\":\"2.0\",\"id\":" + samplingRequest.get("id") + ",\"result\":{\"role\":\"assistant\","
                + "\"content\":{\"type\":\"text\",\"text\":\"Hello from the model\"},\"model\":\"m\",\"stopReason\":\"endTurn\"}}";
        assertEquals(202, c.raw(answer, session).status());
        String result = await(stream, l -> l.startsWith("data:") && l.contains("\"id\":41"), 10);
        assertNotNull(result, "no final result");
        McpTestClient.validateMessage("2025-11-25", data(result), "tools/call");
        assertTrue(result.contains("Hello from the model"), result);

        // Cancellation: the call waits for the client; notifications/cancelled ends it without a response.
        String call2 = call.replace("\"id\":41", "\"id\":42");
        BlockingQueue<String> second = postStreaming(c, call2, session);
        assertNotNull(await(second, l -> l.startsWith("data:") && l.contains("sampling/createMessage"), 10));
        assertEquals(202, c.raw("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":42}}",
                session).status());
        assertNull(await(second, l -> l.contains("\"id\":42") && l.contains("result"), 5), "cancelled call answered");
    }

    @Test
    void modernSubscriptionDeliversTaggedListChanged() throws Exception {
        McpTestClient c = client();
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        String listen = "{\"jsonrpc\":\"2.0\",\"id\":\"sub-1\",\"method\":\"subscriptions/listen\",\"params\":{"
                + "\"notifications\":{\"toolsListChanged\":true}," + meta + "}}";
        BlockingQueue<String> stream = postStreaming(c, listen, Map.of("MCP-Protocol-Version", "2026-07-28",
                "Mcp-Method", "subscriptions/listen"));
        String ack = await(stream, l -> l.startsWith("data:"), 10);
        assertNotNull(ack);
        JsonObject ackMessage = data(ack);
        assertEquals("notifications/subscriptions/acknowledged", ackMessage.getString("method"));
        McpTestClient.validateMessage("2026-07-28", ackMessage, null);
        c.modern("tools/call", obj("{\"name\":\"test_trigger_tool_change\",\"arguments\":{}}"));
        String changed = await(stream, l -> l.startsWith("data:") && l.contains("list_changed"), 10);
        assertNotNull(changed, "no list_changed on the subscription");
        JsonObject change = data(changed);
        assertEquals("notifications/tools/list_changed", change.getString("method"));
        assertEquals("sub-1", change.getJsonObject("params").getJsonObject("_meta")
                .getString("io.modelcontextprotocol/subscriptionId"));
        McpTestClient.validateMessage("2026-07-28", change, null);
    }

    /** True once the condition holds, polled for up to 5 s (what is written behind lands within a second). */
    static boolean eventually(java.util.function.BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 5_000;
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.currentTimeMillis() > end) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
