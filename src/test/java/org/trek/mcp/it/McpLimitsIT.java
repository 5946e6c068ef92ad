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
        // At the limit a new session closes the least recently used one (c: second was used after it).
        McpTestClient third = new McpTestClient(server.baseUrl(), McpEndpointIT.TOKEN);
        McpTestClient.Answer admitted = third.initialize("2025-11-25");       // 7
        assertEquals(200, admitted.status(), admitted.response().body());
        McpTestClient.Answer gone = c.legacy("tools/list", null);             // 8
        assertEquals(404, gone.status(), "the least recently used session was closed");
        assertEquals(200, second.legacy("tools/list", null).status());        // 9: the other one lives on
        assertEquals(200, c.initialize("2025-11-25").status(), "the closed session's client starts again"); // 10
        assertEquals(404, third.legacy("tools/list", null).status(), "now third was the least recently used"); // 11
        org.trek.it.WebClient admin = new org.trek.it.WebClient(server);
        admin.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        assertTrue(admin.get("/admin/audit?action=mcp.session_evicted").body().contains("session limit"),
                "the eviction is audited");

        // Rate limit: 12 a minute on average, 24 at once (MCP_RATE_BURST defaults to twice the rate) per (user, client);
        // then 429 + Retry-After + a JSON-RPC body.
        McpTestClient.Answer limited = null;
        int admittedCalls = 0;
        for (int i = 0; i < 60 && limited == null; i++) {
            McpTestClient.Answer a = second.legacy("tools/list", null);
            if (a.status() == 429) {
                limited = a;
            } else {
                admittedCalls++;
            }
        }
        assertNotNull(limited, "rate limit never hit");
        // the burst of 24 less the 10 requests above, plus what refilled meanwhile (one per 5 s)
        assertTrue(admittedCalls >= 13 && admittedCalls <= 20, "admitted before the limit: " + admittedCalls);
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals(-32000, limited.error().getInt("code"));
        second.validate(limited, "tools/list");
        // Housekeeping has a bucket of its own: ping and notifications still pass while tool traffic waits.
        assertEquals(200, second.legacy("ping", null).status());
        assertEquals(202, second.raw("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                + "{\"requestId\":99,\"reason\":\"test\"}}", Map.of("Mcp-Session-Id", second.sessionId,
                "MCP-Protocol-Version", second.revision)).status());
    }
}
