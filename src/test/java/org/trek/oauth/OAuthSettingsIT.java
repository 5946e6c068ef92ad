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

    private HttpResponse<String> createMachine(WebClient web, String name, String clientType, String... scopes) {
        web.get("/settings/mcp");
        StringBuilder body = new StringBuilder(WebClient.encode(Map.of("_csrf", web.csrf(), "action", "create",
                "name", name, "redirectUris", "", "clientType", clientType, "machine", "on")));
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
    void aMachineClientGetsHourLongTokensWithItsSecretAloneAndActsForItsOwner() {
        WebClient web = OAuthHarness.signedIn(server);
        HttpResponse<String> created = createMachine(web, "CLI agent", "confidential", "trips:read", "trips:write");
        assertEquals(200, created.statusCode(), created.body());
        String clientId = find(CLIENT_ID, created.body());
        String secret = find(SECRET, created.body());
        assertTrue(created.body().contains("grant_type=client_credentials"), "the snippet shows how to get a token");
        assertTrue(created.body().contains("machine client"));

        HttpResponse<String> t = h.tokenRequest(Map.of("grant_type", "client_credentials"), clientId, secret, true);
        assertEquals(200, t.statusCode(), t.body());
        JsonObject tokens = OAuthHarness.json(t);
        assertFalse(tokens.containsKey("refresh_token"), "RFC 6749 §4.4.3: no refresh token");
        assertTrue(tokens.getInt("expires_in") <= 3600, tokens.toString());
        assertEquals("trips:read trips:write", tokens.getString("scope"));
        assertEquals("Bearer", tokens.getString("token_type"));

        // it acts as its owner at /mcp, within its scopes
        org.trek.mcp.it.McpTestClient mcp = new org.trek.mcp.it.McpTestClient(server.baseUrl(), tokens.getString("access_token"));
        String title = "Machine trip " + System.nanoTime();
        org.trek.mcp.it.McpTestClient.Answer made = mcp.modern("tools/call", jakarta.json.Json.createObjectBuilder()
                .add("name", "create_trip").add("arguments", jakarta.json.Json.createObjectBuilder().add("title", title)).build());
        assertEquals(200, made.status(), made.response().body());
        assertFalse(made.result().getBoolean("isError", false), made.response().body());
        assertTrue(web.get("/trips").body().contains(title), "the trip is the owner's");
        assertEquals(403, mcp.modern("tools/call", jakarta.json.Json.createObjectBuilder().add("name", "create_place")
                .add("arguments", jakarta.json.Json.createObjectBuilder().add("tripId", 1).add("name", "x")).build()).status(),
                "places:write is not among its scopes");

        // client_secret_post works too; a narrower scope is fine, a wider one is not
        HttpResponse<String> narrow = h.tokenRequest(Map.of("grant_type", "client_credentials", "scope", "trips:read"),
                clientId, secret, false);
        assertEquals("trips:read", OAuthHarness.json(narrow).getString("scope"), narrow.body());
        assertEquals("invalid_scope", OAuthHarness.json(h.tokenRequest(Map.of("grant_type", "client_credentials",
                "scope", "places:read"), clientId, secret, true)).getString("error"));
        assertEquals("invalid_target", OAuthHarness.json(h.tokenRequest(Map.of("grant_type", "client_credentials",
                "resource", "https://elsewhere.example/mcp"), clientId, secret, true)).getString("error"));
        assertEquals(401, h.tokenRequest(Map.of("grant_type", "client_credentials"), clientId, "trekcs_wrong", true).statusCode());
        assertTrue(web.get("/admin/audit?action=oauth.token.issue").body().contains("client_credentials"), "audited");

        // rotating the secret ends its tokens at once
        String rowId = rowIdOf(web.get("/settings/mcp").body(), clientId);
        assertEquals(200, web.post("/settings/mcp", Map.of("action", "rotate", "id", rowId)).statusCode());
        assertEquals(401, mcp.modern("tools/list", null).status());
    }

    @Test
    void onlyConfidentialMachineClientsUseClientCredentials() {
        WebClient web = OAuthHarness.signedIn(server);
        HttpResponse<String> publicMachine = createMachine(web, "Public machine", "public", "trips:read");
        assertEquals(303, publicMachine.statusCode(), "refused, back to the form at the field");
        String back = web.get("/settings/mcp").body();
        assertTrue(back.contains("must be confidential"), back);
        HttpResponse<String> ordinary = create(web, "Ordinary", "https://ordinary.example/cb", "trips:read");
        String clientId = find(CLIENT_ID, ordinary.body());
        String secret = find(SECRET, ordinary.body());
        HttpResponse<String> refused = h.tokenRequest(Map.of("grant_type", "client_credentials"), clientId, secret, true);
        assertEquals(400, refused.statusCode());
        assertEquals("unauthorized_client", OAuthHarness.json(refused).getString("error"));
        JsonObject publicClient = h.register("none", "trips:read", "http://127.0.0.1/cb");
        assertEquals("unauthorized_client", OAuthHarness.json(h.tokenRequest(Map.of("grant_type", "client_credentials"),
                publicClient.getString("client_id"), null, false)).getString("error"));
        HttpResponse<String> noRedirect = create(web, "No redirect", "", "trips:read");
        assertEquals(303, noRedirect.statusCode(), "an ordinary client still needs a redirect URI");
        assertTrue(web.get("/settings/mcp").body().contains("At least one redirect URI is required"));
        assertTrue(h.get("/.well-known/oauth-authorization-server").body().contains("client_credentials"),
                "advertised in the metadata");
    }

    @Test
    void settingsClientsFollowTheSharedRedirectRule() {
        WebClient web = OAuthHarness.signedIn(server);
        for (String bad : List.of("javascript://localhost/x", "http://client.example/cb", "https://client.example/cb#frag")) {
            HttpResponse<String> r = create(web, "Bad", bad, "trips:read");
            assertEquals(303, r.statusCode(), bad);
            assertTrue(web.get("/settings/mcp").body().contains("Invalid redirect URI"), bad);
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
