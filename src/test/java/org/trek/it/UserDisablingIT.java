package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.oauth.OAuthHarness;

/**
 * Disable means disable: the admin's confirmation says what is cut; disabling revokes the user's OAuth grants
 * (access and refresh tokens), withdraws their consents, deletes their static tokens and ends their sign-ins; and
 * enabling them again brings none of it back.
 */
class UserDisablingIT {
    private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token-value\">(trek_[^<]+)</code>");
    static TrekServer server;

    @BeforeAll
    static void start() {
        server = TrekServer.shared();
    }

    private static WebClient admin() {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD).statusCode());
        return web;
    }

    private int mcpStatus(String bearer) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
        return new WebClient(server).send(HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    @Test
    void disablingCutsEverythingSaysSoAndReEnablingBringsNothingBack() {
        OAuthHarness oauth = new OAuthHarness(server);
        String name = TestUsers.create(server);
        WebClient user = new WebClient(server);
        assertEquals(302, user.login(name, TestUsers.PASSWORD).statusCode());
        JsonObject grant = oauth.connectPublicClient(user, "trips:read");
        String clientId = grant.getString("client_id");
        user.get("/settings/tokens");
        Matcher m = NEW_TOKEN.matcher(user.post("/settings/tokens", Map.of("action", "create", "name", "laptop")).body());
        assertTrue(m.find(), "static token shown once");
        String staticToken = m.group(1);
        assertNotEquals(401, mcpStatus(staticToken));
        assertNotEquals(401, mcpStatus(grant.getString("access_token")));

        WebClient admin = admin();
        long id = AdminIT.userId(admin.get("/admin/users").body(), name);
        // The list's Disable opens a confirmation that says what will be cut; nothing is cut yet.
        String confirm = admin.get("/admin/users?disable=" + id).body();
        assertTrue(confirm.contains("id=\"confirm-disable\""), "confirmation shown");
        String impact = confirm.substring(confirm.indexOf("id=\"disable-impact\""));
        assertTrue(impact.contains("<strong>1</strong> connected app(s) with <strong>1</strong> grant(s)"), impact);
        assertTrue(impact.contains("<strong>1</strong> static API token(s)"), impact);
        assertTrue(Pattern.compile("<strong>[1-9]\\d*</strong> open sign-in\\(s\\)").matcher(impact).find(), impact);
        assertTrue(confirm.contains("brings none of it back"));
        assertNotEquals(401, mcpStatus(staticToken), "the confirmation alone cuts nothing");

        HttpResponse<String> disabled = admin.post("/admin/users", Map.of("action", "disable", "id", String.valueOf(id)));
        assertEquals(302, disabled.statusCode());
        String flash = admin.get("/admin/users").body();
        assertTrue(flash.contains("1 connected app(s) and 1 grant(s) revoked, 1 API token(s) deleted"), flash);
        assertEquals(401, mcpStatus(staticToken), "static token refused");
        assertEquals(401, mcpStatus(grant.getString("access_token")), "access token refused");
        assertEquals("invalid_grant", OAuthHarness.json(oauth.refresh(clientId, null, grant.getString("refresh_token"), null))
                .getString("error"));
        assertTrue(LoginIT.location(user.get("/")).contains("/login"), "sign-in ended");

        admin.get("/admin/users");
        assertEquals(302, admin.post("/admin/users", Map.of("action", "enable", "id", String.valueOf(id))).statusCode());
        // Enabled again: the old credentials stay dead.
        assertEquals(401, mcpStatus(staticToken), "old trek_ token still refused after re-enabling");
        assertEquals(401, mcpStatus(grant.getString("access_token")), "old access token still refused");
        HttpResponse<String> refresh = oauth.refresh(clientId, null, grant.getString("refresh_token"), null);
        assertEquals(400, refresh.statusCode());
        assertEquals("invalid_grant", OAuthHarness.json(refresh).getString("error"), "old refresh token still refused");
        WebClient back = new WebClient(server);
        assertEquals(302, back.login(name, TestUsers.PASSWORD).statusCode(), "the user can sign in again");
        assertFalse(back.get("/settings/tokens").body().contains("laptop"), "the static token is gone");
        String apps = back.get("/settings/mcp?tab=apps").body();
        assertFalse(apps.contains(clientId), "no connected app left: consent withdrawn too");

        String audit = admin.get("/admin/audit?action=admin.user.disable").body();
        assertTrue(audit.contains("user:" + id), "disabling audited");
        assertTrue(audit.contains("static_tokens_deleted") && audit.contains("grants_revoked"), "with what it cut");
    }

    @Test
    void theConfirmationIsNotOfferedForTheAdminThemselvesAndRefusalCutsNothing() {
        WebClient admin = admin();
        long self = AdminIT.userId(admin.get("/admin/users").body(), TrekServer.ADMIN_USERNAME);
        admin.get("/admin/users?disable=" + self);
        admin.post("/admin/users", Map.of("action", "disable", "id", String.valueOf(self)));
        assertTrue(admin.get("/admin/users").body().contains("You cannot disable your own account."));
        assertEquals(200, admin.get("/admin/users").statusCode(), "still signed in");
    }

    @Test
    void disableButtonLeadsToTheConfirmationAndUsesTheDangerColour() {
        WebClient admin = admin();
        String name = TestUsers.create(server);
        String page = admin.get("/admin/users").body();
        long id = AdminIT.userId(page, name);
        assertTrue(page.contains("href=\"/admin/users?disable=" + id + "#confirm-disable\"") || page.contains("?disable=" + id),
                "Disable… opens the confirmation");
        assertTrue(page.contains("class=\"button small danger\""));
    }
}
