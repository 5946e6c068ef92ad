package org.trek.mcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;

/** Scopes, per-user session limit and the rate limit, on a server with small limits and a trips:read token. */
class McpLimitsIT {
    static TrekServer server;

    @BeforeAll
    static void start() {
        Map<String, String> env = McpEndpointIT.env();
        env.put("TREK_MCP_CONFORMANCE_TOKEN_SCOPES", "trips:read");
        env.put("MCP_MAX_SESSION_PER_USER", "2");
        env.put("MCP_RATE_LIMIT", "12");
        server = TrekServer.start("mcp-limits", env);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void scopesLimitSessionsAndRate() {
        McpTestClient c = new McpTestClient(server.baseUrl(), McpEndpointIT.TOKEN);
        c.initialize("2025-11-25");                                            // 1 request (+1 initialized)

        // tools/list hides tools the grant does not allow; calling one is a 403 step-up challenge.
        List<String> tools = c.legacy("tools/list", null).result().getJsonArray("tools").stream()
                .map(t -> t.asJsonObject().getString("name")).collect(Collectors.toList());   // 3
        assertTrue(tools.contains("test_simple_text"));
        assertFalse(tools.contains("test_scoped_write"), tools.toString());
        McpTestClient.Answer denied = c.legacy("tools/call", McpTestClient.parse("{\"name\":\"test_scoped_write\"}")); // 4
        assertEquals(403, denied.status());
        String challenge = denied.header("WWW-Authenticate");
        assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"trips:write\""), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + server.baseUrl()), challenge);

        // Session limit: 2 per user.
        McpTestClient second = new McpTestClient(server.baseUrl(), McpEndpointIT.TOKEN);
        assertEquals(200, second.initialize("2025-03-26").status());           // 6
        // In a 2025-03-26 batch the step-up challenge is not lost in a 200 array: the batch is refused before it runs.
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"test_simple_text\"}},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"test_scoped_write\"}}]";
        java.net.http.HttpResponse<String> batchDenied = McpTestClient.send(second.request(Map.of("Mcp-Session-Id",
                second.sessionId, "MCP-Protocol-Version", "2025-03-26"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(batch)).build());
        assertEquals(403, batchDenied.statusCode(), batchDenied.body());
        assertTrue(batchDenied.headers().firstValue("WWW-Authenticate").orElse("").contains("scope=\"trips:write\""));
        McpTestClient third = new McpTestClient(server.baseUrl(), McpEndpointIT.TOKEN);
        McpTestClient.Answer refused = third.initialize("2025-11-25");         // 7
        assertEquals(429, refused.status());
        third.validate(refused, "initialize");

        // Rate limit: 12 per minute per (user, client); the 13th and later get 429 + Retry-After + JSON-RPC body.
        McpTestClient.Answer limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            McpTestClient.Answer a = c.legacy("ping", null);
            if (a.status() == 429) {
                limited = a;
            }
        }
        assertNotNull(limited, "rate limit never hit");
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals(-32000, limited.error().getInt("code"));
    }
}
