package org.trek.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;

/**
 * Issue #14 item 5: a self-registered client without registered scopes gets what the user ticks; the consent and
 * sign-in pages say which app, what each permission means, what cannot be granted and why, that it was approved
 * before, and where to revoke it.
 */
class HonestConsentIT {
    private final TrekServer server = TrekServer.shared();
    private final OAuthHarness h = new OAuthHarness(server);

    private WebClient newUser() {
        String name = TestUsers.create(server);
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(name, TestUsers.PASSWORD).statusCode());
        return web;
    }

    @Test
    void aSelfRegisteredClientWithoutScopesGetsTheWriteScopesTheUserTicks() {
        WebClient user = newUser();
        // mcp-remote's way: registration without scope (the read-only default is registered)...
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        assertFalse(reg.getString("scope").contains("trips:write"), reg.toString());
        String clientId = reg.getString("client_id");
        String redirect = "http://127.0.0.1:40711/callback";
        String verifier = OAuthHarness.newVerifier();
        // ...then an authorization asking for write scopes
        HttpResponse<String> page = user.get(OAuthHarness.authorizePath(h.authorizeParams(clientId, redirect, verifier,
                "trips:write places:write budget:read", "s1")));
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        for (String scope : List.of("trips:write", "places:write", "budget:read")) {
            assertTrue(html.contains("name=\"scope\" value=\"" + scope + "\""), scope + " offered: " + html);
        }
        assertTrue(html.contains("You can revoke this any time in"), "says it can be revoked");
        assertTrue(html.contains("Settings → Connected apps") && html.contains("/settings/mcp?tab=apps"));
        assertFalse(html.contains("You allowed this app on"), "never approved before");
        assertFalse(html.contains("consent-unavailable"), "everything asked for can be granted");

        // the user unticks places:write
        HttpResponse<String> approved = h.submitConsent(user, html, "approve", List.of("trips:write", "budget:read"));
        assertEquals(302, approved.statusCode(), approved.body());
        Map<String, String> q = OAuthHarness.query(approved.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> token = h.exchange(clientId, null, false, q.get("code"), redirect, verifier);
        assertEquals(200, token.statusCode(), token.body());
        List<String> granted = List.of(OAuthHarness.json(token).getString("scope").split(" "));
        assertTrue(granted.contains("trips:write") && granted.contains("budget:read"), granted.toString());
        assertFalse(granted.contains("places:write"), "what the user unticked: " + granted);

        // the next time (a loopback public client always sees the page again): approved before, on which date
        HttpResponse<String> again = user.get(OAuthHarness.authorizePath(h.authorizeParams(clientId, redirect,
                OAuthHarness.newVerifier(), "trips:write budget:read", "s2")));
        assertEquals(200, again.statusCode());
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
        assertTrue(again.body().contains("You allowed this app on " + today), again.body());
    }

    @Test
    void whatCannotBeGrantedSaysWhy() {
        WebClient user = newUser();
        String clientId = h.register("none", null, "http://127.0.0.1/callback").getString("client_id");
        HttpResponse<String> page = user.get(OAuthHarness.authorizePath(h.authorizeParams(clientId,
                "http://127.0.0.1:40712/callback", OAuthHarness.newVerifier(), "trips:read openid <b>x</b>", "s")));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("id=\"consent-unavailable\""));
        assertTrue(page.body().contains("<code>openid</code>") && page.body().contains("TREK has no permission of this name."),
                page.body());
        assertFalse(page.body().contains("<b>x</b>"), "escaped");
    }

    @Test
    void theSignInPageDuringAnAuthorizationNamesTheApp() {
        String clientId = h.register("none", null, "http://127.0.0.1/callback").getString("client_id");
        WebClient anonymous = new WebClient(server);
        HttpResponse<String> authorize = anonymous.get(OAuthHarness.authorizePath(h.authorizeParams(clientId,
                "http://127.0.0.1:40713/callback", OAuthHarness.newVerifier(), "trips:read", "s")));
        assertEquals(302, authorize.statusCode());
        String login = authorize.headers().firstValue("Location").orElseThrow();
        assertTrue(login.contains("/login?next="), login);
        HttpResponse<String> page = anonymous.get(login.substring(login.indexOf("/login")));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Sign in to continue to IT client"), page.body());
        // the pending authorization survives the sign-in
        String next = URLDecoder.decode(login.substring(login.indexOf("next=") + 5), StandardCharsets.UTF_8);
        assertTrue(page.body().contains("name=\"next\""));
        assertTrue(next.startsWith("/oauth/authorize?"), next);

        assertTrue(anonymous.get("/login").body().contains("Sign in to TREK"), "an ordinary sign-in stays as it was");
        assertFalse(anonymous.get("/login?next=" + java.net.URLEncoder.encode("/oauth/authorize?client_id=nope",
                StandardCharsets.UTF_8)).body().contains("Sign in to continue to"), "an unknown client is not named");
    }
}
