package org.trek.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;

/** Settings-created clients (secret once, rotate, delete, limit), connected apps and the admin grant list. */
class OAuthSettingsIT {
    private static final Pattern CLIENT_ID = Pattern.compile("id=\"new-client-id\">([^<]+)<");
    private static final Pattern SECRET = Pattern.compile("id=\"new-client-secret\">([^<]+)<");

    final TrekServer server = TrekServer.shared();
    final OAuthHarness h = new OAuthHarness(server);

    private HttpResponse<String> create(WebClient web, String name, String redirects, String type, String... scopes) {
        web.get("/settings/oauth");
        StringBuilder body = new StringBuilder(WebClient.encode(Map.of("_csrf", web.csrf(), "action", "create",
                "name", name, "redirect_uris", redirects, "type", type)));
        for (String s : scopes) {
            body.append("&scope=").append(java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8));
        }
        return web.send(HttpRequest.newBuilder(server.uri("/settings/oauth")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", server.baseUrl()).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertTrue(m.find(), "not found: " + p);
        return m.group(1);
    }

    private static String rowIdOf(String html, String clientId) {
        int at = html.indexOf(clientId);
        Matcher m = Pattern.compile("name=\"action\" value=\"delete\">\\s*<input type=\"hidden\" name=\"id\" value=\"(\\d+)\"")
                .matcher(html.substring(at));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void confidentialClientLifecycle() {
        WebClient web = OAuthHarness.signedIn(server);
        HttpResponse<String> created = create(web, "Claude.ai", "https://claude.ai/api/mcp/auth_callback", "confidential",
                "trips:read", "places:read");
        assertEquals(200, created.statusCode(), created.body());
        String clientId = find(CLIENT_ID, created.body());
        String secret = find(SECRET, created.body());
        assertTrue(secret.startsWith("trekcs_") && secret.length() >= 7 + 32);
        HttpResponse<String> list = web.get("/settings/oauth");
        assertTrue(list.body().contains(clientId));
        assertFalse(list.body().contains(secret), "the secret is shown once only");

        // a full flow with the secret
        String redirect = "https://claude.ai/api/mcp/auth_callback";
        String verifier = OAuthHarness.newVerifier();
        String code = h.approve(web, h.authorizeParams(clientId, redirect, verifier, "trips:read", "s"), List.of("trips:read")).get("code");
        HttpResponse<String> t = h.exchange(clientId, secret, true, code, redirect, verifier);
        assertEquals(200, t.statusCode(), t.body());
        JsonObject tokens = OAuthHarness.json(t);
        assertTrue(web.get("/settings/oauth").body().contains("Claude.ai"), "listed under connected apps");

        // rotate: new secret, old secret and old tokens dead
        String rowId = rowIdOf(list.body(), clientId);
        web.get("/settings/oauth");
        HttpResponse<String> rotated = web.post("/settings/oauth", Map.of("action", "rotate", "id", rowId));
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newSecret = find(SECRET, rotated.body());
        assertFalse(newSecret.equals(secret));
        assertEquals(401, h.refresh(clientId, secret, tokens.getString("refresh_token"), null).statusCode());
        assertEquals("invalid_grant", OAuthHarness.json(h.refresh(clientId, newSecret, tokens.getString("refresh_token"), null))
                .getString("error"));

        // delete: the client is gone
        web.get("/settings/oauth");
        assertEquals(302, web.post("/settings/oauth", Map.of("action", "delete", "id", rowId)).statusCode());
        assertFalse(web.get("/settings/oauth").body().contains(clientId));
        assertEquals(401, h.refresh(clientId, newSecret, tokens.getString("refresh_token"), null).statusCode());
    }

    @Test
    void settingsClientsUseTheSharedRedirectRuleAndTheLimit() {
        WebClient web = OAuthHarness.signedIn(server);
        HttpResponse<String> bad = create(web, "Bad", "javascript://localhost/x", "public", "trips:read");
        assertEquals(400, bad.statusCode());
        HttpResponse<String> noScope = create(web, "NoScope", "http://localhost", "public");
        assertEquals(400, noScope.statusCode());
        assertTrue(noScope.body().contains("At least one scope is required"));
        int existing = countClients(web.get("/settings/oauth").body());
        for (int i = existing; i < 10; i++) {
            assertEquals(200, create(web, "Client " + i, "http://localhost", "public", "trips:read").statusCode());
        }
        HttpResponse<String> eleventh = create(web, "One too many", "http://localhost", "public", "trips:read");
        assertEquals(400, eleventh.statusCode());
        assertTrue(eleventh.body().contains("Maximum of 10 OAuth clients per user"));
        // clean up so other tests can create clients
        String html = web.get("/settings/oauth").body();
        Matcher m = Pattern.compile("name=\"action\" value=\"delete\">\\s*<input type=\"hidden\" name=\"id\" value=\"(\\d+)\"").matcher(html);
        while (m.find()) {
            web.get("/settings/oauth");
            web.post("/settings/oauth", Map.of("action", "delete", "id", m.group(1)));
        }
        assertEquals(0, countClients(web.get("/settings/oauth").body()));
    }

    @Test
    void withdrawingConsentRevokesGrantsAndAsksAgain() {
        WebClient web = OAuthHarness.signedIn(server);
        JsonObject tokens = h.connectPublicClient(web, "trips:read");
        String clientId = tokens.getString("client_id");
        assertTrue(web.get("/settings/oauth").body().contains(clientId));
        web.get("/settings/oauth");
        assertEquals(302, web.post("/settings/oauth", Map.of("action", "revoke-consent", "client_id", clientId)).statusCode());
        assertEquals("invalid_grant", OAuthHarness.json(h.refresh(clientId, null, tokens.getString("refresh_token"), null)).getString("error"));
        HttpResponse<String> again = web.get(OAuthHarness.authorizePath(h.authorizeParams(clientId,
                "http://127.0.0.1:40300/callback", OAuthHarness.newVerifier(), "trips:read", "w")));
        assertEquals(200, again.statusCode(), "consent is asked again");
    }

    @Test
    void adminSeesAndRevokesEveryGrantAndDeletesSelfRegisteredClients() {
        WebClient admin = OAuthHarness.signedIn(server);
        JsonObject tokens = h.connectPublicClient(admin, "trips:read");
        String clientId = tokens.getString("client_id");
        HttpResponse<String> page = admin.get("/admin/oauth");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(clientId));
        // only this client's grant: other suites' tokens on the shared server stay alive
        String grantRow = page.body().substring(page.body().indexOf(clientId));
        grantRow = grantRow.substring(0, grantRow.indexOf("</tr>"));
        Matcher m = Pattern.compile("name=\"grant_id\" value=\"([^\"]+)\"").matcher(grantRow);
        assertTrue(m.find());
        admin.get("/admin/oauth");
        assertEquals(302, admin.post("/admin/oauth", Map.of("action", "revoke-grant", "grant_id", m.group(1))).statusCode());
        assertEquals("invalid_grant", OAuthHarness.json(h.refresh(clientId, null, tokens.getString("refresh_token"), null)).getString("error"));
        String html = admin.get("/admin/oauth").body();
        int at = html.indexOf(clientId);
        Matcher row = Pattern.compile("name=\"id\" value=\"(\\d+)\"").matcher(html.substring(at));
        assertTrue(row.find());
        admin.get("/admin/oauth");
        assertEquals(302, admin.post("/admin/oauth", Map.of("action", "delete-client", "id", row.group(1))).statusCode());
        assertFalse(admin.get("/admin/oauth").body().contains(clientId));
        // a normal user may not open the admin page: anonymous is sent to login
        assertEquals(302, new WebClient(server).get("/admin/oauth").statusCode());
    }

    @Test
    void cleanUpRemovesNothingThatIsStillNeeded() {
        WebClient admin = OAuthHarness.signedIn(server);
        JsonObject live = h.connectPublicClient(admin, "trips:read");
        JsonObject revoked = h.connectPublicClient(admin, "trips:read");
        h.postForm("/oauth/revoke", Map.of("token", revoked.getString("access_token"), "client_id", revoked.getString("client_id")), null);
        JsonObject rotated = h.connectPublicClient(admin, "trips:read");
        JsonObject successor = OAuthHarness.json(h.refresh(rotated.getString("client_id"), null, rotated.getString("refresh_token"), null));
        admin.get("/admin/oauth");
        HttpResponse<String> r = admin.post("/admin/oauth", Map.of("action", "purge"));
        assertEquals(302, r.statusCode());
        assertTrue(admin.get("/admin/oauth").body().contains("Clean-up done"));
        // fresh registrations, live grants and rotated rows (needed for reuse detection) survive
        assertEquals(200, h.refresh(live.getString("client_id"), null, live.getString("refresh_token"), null).statusCode());
        HttpResponse<String> replay = h.refresh(rotated.getString("client_id"), null, rotated.getString("refresh_token"), null);
        assertEquals(200, replay.statusCode(), "still inside the grace window: " + replay.body());
        assertEquals(successor.getString("refresh_token"), OAuthHarness.json(replay).getString("refresh_token"));
    }

    private static int countClients(String html) {
        return html.split("class=\"oauth-client\"", -1).length - 1;
    }
}
