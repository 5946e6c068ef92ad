package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test data the way an assistant makes it: MCP tools/call over /mcp (stateless 2026-07-28 requests) with a static
 * token that the user created on the API tokens screen.
 */
public final class McpCalls {
    private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token-value\">(trek_[^<]+)</code>");

    private final TrekServer server;
    private final String token;
    private final WebClient http;
    private int nextId = 1;

    private McpCalls(TrekServer server, String token) {
        this.server = server;
        this.token = token;
        this.http = new WebClient(server);
    }

    /** Signs in as the user, creates a static token on /settings/tokens and calls tools with it. */
    public static McpCalls asUser(TrekServer server, String login, String password) {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(login, password).statusCode(), "sign-in");
        web.get("/settings/tokens");
        HttpResponse<String> page = web.post("/settings/tokens", Map.of("action", "create", "name", "test data"));
        Matcher m = NEW_TOKEN.matcher(page.body());
        assertTrue(m.find(), "token shown once: " + page.statusCode());
        return new McpCalls(server, m.group(1));
    }

    /** Calls a tool and returns its structuredContent; fails the test on any error. */
    public JsonObject call(String tool, JsonObjectBuilder arguments) {
        JsonObject params = Json.createObjectBuilder().add("name", tool).add("arguments", arguments)
                .add("_meta", Json.createObjectBuilder()
                        .add("io.modelcontextprotocol/protocolVersion", "2026-07-28")
                        .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder())
                        .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "it").add("version", "1")))
                .build();
        String body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", nextId++).add("method", "tools/call")
                .add("params", params).build().toString();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token).header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call").header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, r.statusCode(), () -> tool + ": " + r.body());
        String json = r.body().trim();
        if (json.startsWith("event:") || json.startsWith("data:")) {
            json = json.lines().filter(l -> l.startsWith("data:")).reduce((a, b) -> b).orElseThrow().substring(5).trim();
        }
        JsonObject message = Json.createReader(new StringReader(json)).readObject();
        assertTrue(message.containsKey("result"), () -> tool + ": " + message);
        JsonObject result = message.getJsonObject("result");
        assertFalse(result.getBoolean("isError", false), () -> tool + " failed: " + result);
        return result.getJsonObject("structuredContent");
    }

    public static JsonObjectBuilder args() {
        return Json.createObjectBuilder();
    }

    /** The id of the named object in a tool result ({"trip": {"id": 7, ...}} → 7). */
    public static long id(JsonObject result, String key) {
        return result.getJsonObject(key).getJsonNumber("id").longValue();
    }
}
