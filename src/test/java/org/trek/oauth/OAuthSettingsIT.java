package org.trek.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;

/**
 * The OAuth side of the screens: a client made in Settings → Integrations → MCP works in a real flow with its
 * secret, rotating and deleting it end its tokens, withdrawing consent makes the client ask again, the admin
 * clean-up keeps what is still needed, and the old /settings/oauth and /admin/oauth addresses lead to the screens
 * that replaced them. (The screens' own behaviour is in McpSettingsIT.)
 */
class OAuthSettingsIT {
    private static final Pattern CLIENT_ID = Pattern.compile("<code id=\"new-client-id\">([^<]+)</code>");
    private static final Pattern SECRET = Pattern.compile("<code id=\"new-secret-value\">(trekcs_[^<]+)</code>");

    final TrekServer server = TrekServer.shared();
    final OAuthHarness h = new OAuthHarness(server);

    private HttpResponse<String> create(WebClient web, String name, String redirects, String... scopes) {
        web.get("/settings/mcp");
        StringBuilder body = new StringBuilder(WebClient.encode(Map.of("_csrf", web.csrf(), "action", "create",
                "name", name, "redirectUris", redirects, "clientType", "confidential")));
        for (String s : scopes) {
            body.append("&scope=").append(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        return web.send(HttpRequest.newBuilder(server.uri("/settings/mcp")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", server.baseUrl()).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertTrue(m.find(), "not found: " + p);
        return m.group(1);
    }

    private static String rowIdOf(String html, String clientId) {
        Matcher m = Pattern.compile("<li class=\"client\" id=\"client-(\\d+)\">((?:(?!</li>).)*)</li>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            if (m.group(2).contains(clientId)) {
                return m.group(1);
            }
        }
        throw new AssertionError("client " + clientId + " not listed");
    }

    @Test
    void aSettingsClientWorksWithItsSecretAndRotationOrDeletionEndsItsTokens() {
        WebClient web = OAuthHarness.signedIn(server);
        String redirect = "https://claude.ai/api/mcp/auth_callback";
        HttpResponse<String> created = create(web, "Claude.ai", redirect, "trips:read", "places:read");
        assertEquals(200, created.statusCode(), created.body());
        String clientId = find(CLIENT_ID, created.body());
        String secret = find(SECRET, created.body());
        assertTrue(secret.length() >= 7 + 32, "at least 192 random bits");

        String verifier = OAuthHarness.newVerifier();
        String code = h.approve(web, h.authorizeParams(clientId, redirect, verifier, "trips:read", "s"), List.of("trips:read")).get("code");
        assertEquals(401, h.exchange(clientId, "trekcs_wrong", true, code, redirect, verifier).statusCode(),
                "a wrong secret is refused before the code is used");
        HttpResponse<String> t = h.exchange(clientId, secret, true, code, redirect, verifier);
        assertEquals(200, t.statusCode(), t.body());
        JsonObject tokens = OAuthHarness.json(t);
        assertTrue(web.get("/settings/mcp?tab=apps").body().contains(clientId), "listed under connected apps");

        String rowId = rowIdOf(web.get("/settings/mcp").body(), clientId);
        HttpResponse<String> rotated = web.post("/settings/mcp", Map.of("action", "rotate", "id", rowId));
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newSecret = find(SECRET, rotated.body());
        assertNotEquals(secret, newSecret);
        assertEquals(401, h.refresh(clientId, secret, tokens.getString("refresh_token"), null).statusCode(), "old secret dead");
        assertEquals("invalid_grant", OAuthHarness.json(h.refresh(clientId, newSecret, tokens.getString("refresh_token"), null))
                .getString("error"), "tokens of the old secret revoked");

        web.get("/settings/mcp");
        assertEquals(302, web.post("/settings/mcp", Map.of("action", "delete", "id", rowId)).statusCode());
        assertFalse(web.get("/settings/mcp").body().contains(clientId));
        assertEquals(401, h.refresh(clientId, newSecret, tokens.getString("refresh_token"), null).statusCode(), "client gone");
    }

    @Test
    void settingsClientsFollowTheSharedRedirectRule() {
        WebClient web = OAuthHarness.signedIn(server);
        for (String bad : List.of("javascript://localhost/x", "http://client.example/cb", "https://client.example/cb#frag")) {
            HttpResponse<String> r = create(web, "Bad", bad, "trips:read");
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.body().contains("Invalid redirect URI"), bad);
        }
    }

    @Test
    void withdrawingConsentRevokesGrantsAndAsksAgain() {
        WebClient web = OAuthHarness.signedIn(server);
        JsonObject tokens = h.connectPublicClient(web, "trips:read");
        String clientId = tokens.getString("client_id");
        assertTrue(web.get("/settings/mcp?tab=apps").body().contains(clientId));
        assertEquals(302, web.post("/settings/mcp", Map.of("action", "revoke-app", "clientId", clientId)).statusCode());
        assertEquals("invalid_grant", OAuthHarness.json(h.refresh(clientId, null, tokens.getString("refresh_token"), null)).getString("error"));
        // an app the user never connected: said so, and nothing audited in its name
        assertEquals(302, web.post("/settings/mcp", Map.of("action", "revoke-app", "clientId", "made-up-client")).statusCode());
        assertTrue(web.get("/settings/mcp?tab=apps").body().contains("No such app."));
        assertFalse(OAuthHarness.signedIn(server).get("/admin/audit?action=oauth.consent.revoke").body().contains("made-up-client"));
        HttpResponse<String> again = web.get(OAuthHarness.authorizePath(h.authorizeParams(clientId,
                "http://127.0.0.1:40300/callback", OAuthHarness.newVerifier(), "trips:read", "w")));
        assertEquals(200, again.statusCode(), "consent is asked again");
        assertTrue(again.body().contains("trips:read"), "the consent screen lists the scope");
    }

    @Test
    void adminCleanUpKeepsWhatIsStillNeededAndIsAudited() {
        WebClient admin = OAuthHarness.signedIn(server);
        JsonObject live = h.connectPublicClient(admin, "trips:read");
        JsonObject revoked = h.connectPublicClient(admin, "trips:read");
        h.postForm("/oauth/revoke", Map.of("token", revoked.getString("access_token"), "client_id", revoked.getString("client_id")), null);
        JsonObject rotated = h.connectPublicClient(admin, "trips:read");
        JsonObject successor = OAuthHarness.json(h.refresh(rotated.getString("client_id"), null, rotated.getString("refresh_token"), null));
        admin.get("/admin/mcp");
        HttpResponse<String> r = admin.post("/admin/mcp", Map.of("action", "purge"));
        assertEquals(302, r.statusCode());
        assertTrue(admin.get("/admin/mcp").body().contains("Clean-up done"));
        assertTrue(admin.get("/admin/audit?action=admin.oauth.purge").body().contains("<code>admin.oauth.purge</code>"));
        // fresh registrations, live grants and rotated rows (needed for reuse detection) survive
        assertEquals(200, h.refresh(live.getString("client_id"), null, live.getString("refresh_token"), null).statusCode());
        HttpResponse<String> replay = h.refresh(rotated.getString("client_id"), null, rotated.getString("refresh_token"), null);
        assertEquals(200, replay.statusCode(), "still inside the grace window: " + replay.body());
        assertEquals(successor.getString("refresh_token"), OAuthHarness.json(replay).getString("refresh_token"));
    }

    @Test
    void theOldOAuthPagesLeadToTheScreensThatReplacedThem() {
        WebClient anonymous = new WebClient(server);
        HttpResponse<String> settings = anonymous.get("/settings/oauth");
        assertEquals(301, settings.statusCode());
        assertEquals("/settings/mcp", settings.headers().firstValue("Location").orElseThrow().replace(server.baseUrl(), ""));
        HttpResponse<String> adminPage = anonymous.get("/admin/oauth?next=https://evil.example/");
        assertEquals(301, adminPage.statusCode());
        assertEquals("/admin/mcp", adminPage.headers().firstValue("Location").orElseThrow().replace(server.baseUrl(), ""));
    }
}
