package org.trek.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;

/** Every OAuth event of reference §7.3, plus refresh failures, consent denials and registration rejections. */
class OAuthAuditIT {

    @Test
    void oauthEventsAreAudited() {
        TrekServer server = TrekServer.shared();
        OAuthHarness h = new OAuthHarness(server);
        WebClient admin = OAuthHarness.signedIn(server);

        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        String redirect = "http://127.0.0.1:40200/callback";

        // deny, then approve
        HttpResponse<String> page = admin.get(OAuthHarness.authorizePath(h.authorizeParams(clientId, redirect,
                OAuthHarness.newVerifier(), "trips:read", "a")));
        h.submitConsent(admin, page.body(), "deny", List.of());
        String verifier = OAuthHarness.newVerifier();
        String code = h.approve(admin, h.authorizeParams(clientId, redirect, verifier, "trips:read", "a"), List.of("trips:read")).get("code");
        h.exchange(clientId, "wrong-secret", false, code, redirect, verifier);              // client_auth_failed
        h.exchange(clientId, null, false, code, redirect, OAuthHarness.newVerifier());       // grant_failed (pkce)
        String verifier2 = OAuthHarness.newVerifier();
        String code2 = h.approve(admin, h.authorizeParams(clientId, redirect, verifier2, "trips:read", "a"), List.of("trips:read")).get("code");
        JsonObject t1 = OAuthHarness.json(h.exchange(clientId, null, false, code2, redirect, verifier2)); // issue
        h.exchange(clientId, null, false, code2, redirect, verifier2);                       // code_replay
        String verifier3 = OAuthHarness.newVerifier();
        String code3 = h.approve(admin, h.authorizeParams(clientId, redirect, verifier3, "trips:read", "a"), List.of("trips:read")).get("code");
        JsonObject t2 = OAuthHarness.json(h.exchange(clientId, null, false, code3, redirect, verifier3));
        JsonObject t3 = OAuthHarness.json(h.refresh(clientId, null, t2.getString("refresh_token"), null));       // refresh
        h.refresh(clientId, null, t3.getString("refresh_token"), null);
        h.refresh(clientId, null, t2.getString("refresh_token"), null);                      // replay_detected
        h.refresh(clientId, null, t1.getString("refresh_token"), null);                      // refresh_failed (revoked)
        String verifier4 = OAuthHarness.newVerifier();
        String code4 = h.approve(admin, h.authorizeParams(clientId, redirect, verifier4, "trips:read", "a"), List.of("trips:read")).get("code");
        JsonObject t4 = OAuthHarness.json(h.exchange(clientId, null, false, code4, redirect, verifier4));
        h.postForm("/oauth/revoke", Map.of("token", t4.getString("refresh_token"), "client_id", clientId), null); // revoke
        h.postJson("/oauth/register", "{\"redirect_uris\":[\"javascript:alert(1)\"]}");       // register_rejected
        sleep(1_500); // refresh outcomes go through the batched audit writer (within a second)

        for (String action : List.of("oauth.client.create", "oauth.consent.deny", "oauth.consent.grant",
                "oauth.token.client_auth_failed", "oauth.token.grant_failed", "oauth.token.issue", "oauth.token.code_replay",
                "oauth.token.refresh", "oauth.token.replay_detected", "oauth.token.refresh_failed", "oauth.token.revoke")) {
            HttpResponse<String> audit = admin.get("/admin/audit?action=" + URLEncoder.encode(action, StandardCharsets.UTF_8));
            assertEquals(200, audit.statusCode());
            assertTrue(audit.body().contains(clientId), action + " recorded for " + clientId);
        }
        HttpResponse<String> rejected = admin.get("/admin/audit?action=oauth.client.register_rejected");
        assertTrue(rejected.body().contains("invalid_redirect_uri"), "registration rejections are audited");
        HttpResponse<String> issued = admin.get("/admin/audit?action=oauth.token.issue");
        assertTrue(issued.body().contains(server.baseUrl() + "/mcp"), "the audience is recorded");
        assertTrue(!admin.get("/admin/audit").body().contains(t4.getString("refresh_token").substring(7)), "tokens are never audited");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
