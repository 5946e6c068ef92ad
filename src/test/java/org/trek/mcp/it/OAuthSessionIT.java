package org.trek.mcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import org.trek.oauth.OAuthHarness;

/**
 * OAuth access tokens at /mcp over time: a client that refreshes its tokens keeps its legacy MCP session (refresh
 * never touches sessions; the session is bound to the grant, not to one access token), and revoking the grant
 * ends access.
 */
class OAuthSessionIT {
    private final TrekServer server = TrekServer.shared();

    @Test
    void refreshKeepsTheSessionAndRevocationEndsAccess() {
        OAuthHarness oauth = new OAuthHarness(server);
        WebClient web = OAuthHarness.signedIn(server);
        JsonObject tokens = oauth.connectPublicClient(web, "trips:read places:read");
        String clientId = tokens.getString("client_id");

        McpTestClient first = new McpTestClient(server.baseUrl(), tokens.getString("access_token"));
        assertEquals(200, first.initialize("2025-06-18").status());
        assertEquals(200, first.legacy("tools/list", JsonValue.EMPTY_JSON_OBJECT).status());

        HttpResponse<String> refreshed = oauth.refresh(clientId, null, tokens.getString("refresh_token"), null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String newAccess = OAuthHarness.json(refreshed).getString("access_token");
        assertNotEquals(tokens.getString("access_token"), newAccess);

        McpTestClient after = new McpTestClient(server.baseUrl(), newAccess);
        after.sessionId = first.sessionId;
        after.revision = first.revision;
        McpTestClient.Answer list = after.legacy("tools/list", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, list.status(), "the session opened before the refresh still works");
        assertTrue(list.result().getJsonArray("tools").stream()
                .anyMatch(t -> t.asJsonObject().getString("name").equals("list_places")));

        HttpResponse<String> revoked = oauth.postForm("/oauth/revoke",
                Map.of("token", OAuthHarness.json(refreshed).getString("refresh_token"), "client_id", clientId), null);
        assertEquals(200, revoked.statusCode());
        assertEquals(401, after.legacy("tools/list", JsonValue.EMPTY_JSON_OBJECT).status(), "revoked grant: no access");
    }
}
