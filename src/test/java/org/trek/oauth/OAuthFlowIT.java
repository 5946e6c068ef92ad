package org.trek.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;

/** The authorization code flow end to end: authorize, consent, token, refresh, revoke, introspect. */
class OAuthFlowIT {
    static TrekServer server;
    static OAuthHarness h;
    static WebClient browser;

    @BeforeAll
    static void start() {
        server = TrekServer.shared();
        h = new OAuthHarness(server);
        browser = OAuthHarness.signedIn(server);
    }

    @Test
    void loginRoundTripKeepsThePendingAuthorization() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String verifier = OAuthHarness.newVerifier();
        String path = OAuthHarness.authorizePath(h.authorizeParams(reg.getString("client_id"),
                "http://127.0.0.1:45678/callback", verifier, "trips:read", "round-trip"));
        WebClient anonymous = new WebClient(server);
        HttpResponse<String> first = anonymous.get(path);
        assertEquals(302, first.statusCode());
        String login = first.headers().firstValue("Location").orElseThrow();
        assertTrue(login.contains("/login?next="), login);
        String next = OAuthHarness.query(login).get("next");
        assertEquals(path, next);
        anonymous.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        HttpResponse<String> afterLogin = anonymous.post("/login", Map.of("login", TrekServer.ADMIN_EMAIL,
                "password", TrekServer.ADMIN_PASSWORD, "next", next));
        assertEquals(302, afterLogin.statusCode());
        assertTrue(afterLogin.headers().firstValue("Location").orElseThrow().endsWith(path));
        HttpResponse<String> consent = anonymous.get(path);
        assertEquals(200, consent.statusCode());
        assertTrue(consent.body().contains("IT client"), "consent page names the client");
        assertTrue(consent.body().contains("registered itself"), "consent page says it is self-registered");
        assertTrue(consent.body().contains("127.0.0.1"), "consent page shows the redirect host");
        assertTrue(consent.body().contains("loopback-warning"), "a localhost redirect gets a warning");
        assertEquals("DENY", consent.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(consent.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
    }

    @Test
    void approvedRequestRedirectsWithCodeStateAndIssuer() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        String verifier = OAuthHarness.newVerifier();
        // RFC 8252 §7.3: registered without a port, requested with an ephemeral one
        String redirect = "http://127.0.0.1:51234/callback";
        Map<String, String> q = h.approve(browser, h.authorizeParams(clientId, redirect, verifier, "trips:read places:read", "s-1"),
                List.of("trips:read"));
        assertEquals("s-1", q.get("state"));
        assertEquals(server.baseUrl(), q.get("iss"));
        assertTrue(q.get("code").length() >= 43);
        HttpResponse<String> t = h.exchange(clientId, null, false, q.get("code"), redirect, verifier);
        assertEquals(200, t.statusCode(), t.body());
        JsonObject tokens = OAuthHarness.json(t);
        assertTrue(tokens.getString("access_token").startsWith("trekoa_"));
        assertTrue(tokens.getString("refresh_token").startsWith("trekrf_"));
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals(3600, tokens.getInt("expires_in"));
        assertEquals("trips:read", tokens.getString("scope"), "the user narrowed the scopes on the consent page");
        assertEquals("no-store", t.headers().firstValue("Cache-Control").orElse(""));

        // consent on record, but a public client on a loopback redirect could be any program on the machine
        // (RFC 8252 §8.6): the consent page again, with the scopes ticked
        HttpResponse<String> again = browser.get(OAuthHarness.authorizePath(
                h.authorizeParams(clientId, redirect, OAuthHarness.newVerifier(), "trips:read", "s-2")));
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("loopback-warning"));
    }

    @Test
    void anOAuth21ClientMayLeaveRedirectUriOutOfTheTokenRequest() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        String verifier = OAuthHarness.newVerifier();
        Map<String, String> q = h.approve(browser, h.authorizeParams(clientId, "http://127.0.0.1:51236/callback", verifier,
                "trips:read", "o21"), List.of("trips:read"));
        HttpResponse<String> t = h.exchange(clientId, null, false, q.get("code"), null, verifier);
        assertEquals(200, t.statusCode(), t.body());
        assertTrue(OAuthHarness.json(t).getString("access_token").startsWith("trekoa_"));
    }

    @Test
    void consentOnRecordIsReusedOnlyWhenTheClientsIdentityIsAssured() {
        // a confidential client (it authenticates at the token endpoint), even on a loopback redirect
        JsonObject confidential = h.register("client_secret_basic", null, "http://127.0.0.1/callback");
        String redirect = "http://127.0.0.1:51235/callback";
        h.approve(browser, h.authorizeParams(confidential.getString("client_id"), redirect, OAuthHarness.newVerifier(),
                "trips:read", "c-1"), List.of("trips:read"));
        HttpResponse<String> again = browser.get(OAuthHarness.authorizePath(h.authorizeParams(
                confidential.getString("client_id"), redirect, OAuthHarness.newVerifier(), "trips:read", "c-2")));
        assertEquals(302, again.statusCode(), again.body());
        assertTrue(OAuthHarness.query(again.headers().firstValue("Location").orElseThrow()).containsKey("code"));
        // ...but a wider request shows the consent page again
        HttpResponse<String> wider = browser.get(OAuthHarness.authorizePath(h.authorizeParams(
                confidential.getString("client_id"), redirect, OAuthHarness.newVerifier(), "trips:read places:read", "c-3")));
        assertEquals(200, wider.statusCode());

        // a public client whose code can only travel to its https redirect URI
        JsonObject web = h.register("none", null, "https://app.example/callback");
        h.approve(browser, h.authorizeParams(web.getString("client_id"), "https://app.example/callback",
                OAuthHarness.newVerifier(), "trips:read", "w-1"), List.of("trips:read"));
        HttpResponse<String> webAgain = browser.get(OAuthHarness.authorizePath(h.authorizeParams(web.getString("client_id"),
                "https://app.example/callback", OAuthHarness.newVerifier(), "trips:read", "w-2")));
        assertEquals(302, webAgain.statusCode(), webAgain.body());
        assertTrue(webAgain.headers().firstValue("Location").orElseThrow().startsWith("https://app.example/callback?code="));
    }

    @Test
    void errorsAreRedirectedOnlyAfterSignInAndAutomaticallyOnlyToLoopback() {
        // RFC 9700 §4.11.2: anyone can register https://phish.example and send people a broken authorization link
        JsonObject reg = h.register("none", null, "https://phish.example/cb");
        Map<String, String> p = h.authorizeParams(reg.getString("client_id"), "https://phish.example/cb",
                OAuthHarness.newVerifier(), "trips:read", "o-1");
        p.remove("response_type");
        HttpResponse<String> anonymous = new org.trek.it.WebClient(server).get(OAuthHarness.authorizePath(p));
        assertEquals(302, anonymous.statusCode());
        String location = anonymous.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/login?next="), "an anonymous visitor signs in first: " + location);
        assertFalse(location.contains("phish.example/cb?"), location);

        HttpResponse<String> signedIn = browser.get(OAuthHarness.authorizePath(p));
        assertEquals(400, signedIn.statusCode(), "a page, not a redirect to an https URI anyone may have registered");
        assertTrue(signedIn.headers().firstValue("Location").isEmpty());
        assertTrue(signedIn.body().contains("id=\"error-link\" href=\"https://phish.example/cb?error="), signedIn.body());
        assertTrue(signedIn.body().contains("Return to phish.example"));
    }

    @Test
    void pkceIsRequiredAndOnlyS256() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        String redirect = "http://127.0.0.1:40001/callback";
        Map<String, String> p = h.authorizeParams(clientId, redirect, OAuthHarness.newVerifier(), "trips:read", "pk");
        p.remove("code_challenge");
        Map<String, String> q = redirectQuery(browser.get(OAuthHarness.authorizePath(p)));
        assertEquals("invalid_request", q.get("error"));
        assertEquals("pk", q.get("state"));
        assertEquals(server.baseUrl(), q.get("iss"));

        p = h.authorizeParams(clientId, redirect, OAuthHarness.newVerifier(), "trips:read", "pk");
        p.put("code_challenge_method", "plain");
        assertEquals("invalid_request", redirectQuery(browser.get(OAuthHarness.authorizePath(p))).get("error"));

        String verifier = OAuthHarness.newVerifier();
        Map<String, String> ok = h.approve(browser, h.authorizeParams(clientId, redirect, verifier, "trips:read", "pk"), List.of("trips:read"));
        HttpResponse<String> wrong = h.exchange(clientId, null, false, ok.get("code"), redirect, OAuthHarness.newVerifier());
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", OAuthHarness.json(wrong).getString("error"));
        HttpResponse<String> missing = h.tokenRequest(Map.of("grant_type", "authorization_code", "code", ok.get("code"),
                "redirect_uri", redirect), clientId, null, false);
        assertEquals("invalid_request", OAuthHarness.json(missing).getString("error"));
    }

    @Test
    void reusedCodeIsRefusedAndRevokesWhatItProduced() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        String redirect = "http://127.0.0.1:40002/callback";
        String verifier = OAuthHarness.newVerifier();
        Map<String, String> q = h.approve(browser, h.authorizeParams(clientId, redirect, verifier, "trips:read", "x"), List.of("trips:read"));
        JsonObject tokens = OAuthHarness.json(h.exchange(clientId, null, false, q.get("code"), redirect, verifier));
        HttpResponse<String> replay = h.exchange(clientId, null, false, q.get("code"), redirect, verifier);
        assertEquals(400, replay.statusCode());
        assertEquals("invalid_grant", OAuthHarness.json(replay).getString("error"));
        HttpResponse<String> refresh = h.refresh(clientId, null, tokens.getString("refresh_token"), null);
        assertEquals("invalid_grant", OAuthHarness.json(refresh).getString("error"), "the family issued from the code is revoked");
        assertFalse(introspect(tokens.getString("access_token")).getBoolean("active"));
    }

    @Test
    void aCodeRedeemedTwiceAtOnceIssuesTokensOnlyOnce() throws Exception {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        String redirect = "http://127.0.0.1:40010/callback";
        String verifier = OAuthHarness.newVerifier();
        String code = h.approve(browser, h.authorizeParams(clientId, redirect, verifier, "trips:read", "cc"), List.of("trips:read")).get("code");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return h.exchange(clientId, null, false, code, redirect, verifier);
            }));
        }
        go.countDown();
        long ok = 0;
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            if (c.get().statusCode() == 200) {
                ok++;
            } else {
                assertEquals("invalid_grant", OAuthHarness.json(c.get()).getString("error"));
            }
        }
        assertEquals(1, ok);
    }

    @Test
    void redirectUriProblems() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback", "https://app.example/cb");
        String clientId = reg.getString("client_id");
        // unregistered redirect: shown as a page, never redirected
        for (String bad : List.of("https://evil.example/cb", "http://127.0.0.1:40003/other", "https://app.example/cb/x")) {
            HttpResponse<String> r = browser.get(OAuthHarness.authorizePath(
                    h.authorizeParams(clientId, bad, OAuthHarness.newVerifier(), "trips:read", "r")));
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.headers().firstValue("Location").isEmpty(), bad);
        }
        // unknown client: page as well
        HttpResponse<String> unknown = browser.get(OAuthHarness.authorizePath(
                h.authorizeParams("no-such-client", "https://app.example/cb", OAuthHarness.newVerifier(), "trips:read", "r")));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Location").isEmpty());
        // token request with a different redirect_uri than the authorization request
        String verifier = OAuthHarness.newVerifier();
        Map<String, String> q = h.approve(browser, h.authorizeParams(clientId, "http://127.0.0.1:40004/callback", verifier,
                "trips:read", "r"), List.of("trips:read"));
        HttpResponse<String> t = h.exchange(clientId, null, false, q.get("code"), "http://127.0.0.1:40005/callback", verifier);
        assertEquals("invalid_grant", OAuthHarness.json(t).getString("error"));
    }

    @Test
    void resourceMustBeThisServersMcpEndpoint() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        Map<String, String> p = h.authorizeParams(clientId, "http://127.0.0.1:40006/callback", OAuthHarness.newVerifier(), "trips:read", "rs");
        p.put("resource", "https://other.example/mcp");
        Map<String, String> q = redirectQuery(browser.get(OAuthHarness.authorizePath(p)));
        assertEquals("invalid_target", q.get("error"));
        assertEquals("rs", q.get("state"));
        assertEquals(server.baseUrl(), q.get("iss"));

        String verifier = OAuthHarness.newVerifier();
        Map<String, String> ok = h.approve(browser, h.authorizeParams(clientId, "http://127.0.0.1:40006/callback", verifier,
                "trips:read", "rs"), List.of("trips:read"));
        HttpResponse<String> t = h.tokenRequest(Map.of("grant_type", "authorization_code", "code", ok.get("code"),
                "redirect_uri", "http://127.0.0.1:40006/callback", "code_verifier", verifier,
                "resource", "https://other.example/mcp"), clientId, null, false);
        assertEquals("invalid_target", OAuthHarness.json(t).getString("error"));
    }

    @Test
    void confidentialClientsAuthenticateWithBasicOrPostAndBeforeTheCodeIsConsumed() {
        JsonObject reg = h.register("client_secret_basic", "trips:read", "https://app.example/cb");
        String clientId = reg.getString("client_id");
        String secret = reg.getString("client_secret");
        assertTrue(secret.startsWith("trekcs_"));
        String redirect = "https://app.example/cb";

        String verifier = OAuthHarness.newVerifier();
        String code = h.approve(browser, h.authorizeParams(clientId, redirect, verifier, "trips:read", "c"), List.of("trips:read")).get("code");
        HttpResponse<String> bad = h.exchange(clientId, secret + "x", true, code, redirect, verifier);
        assertEquals(401, bad.statusCode());
        assertEquals("invalid_client", OAuthHarness.json(bad).getString("error"));
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        HttpResponse<String> noSecret = h.exchange(clientId, null, false, code, redirect, verifier);
        assertEquals(401, noSecret.statusCode());
        // the failed attempts did not burn the code
        HttpResponse<String> good = h.exchange(clientId, secret, true, code, redirect, verifier);
        assertEquals(200, good.statusCode(), good.body());

        String verifier2 = OAuthHarness.newVerifier();
        String code2 = h.approve(browser, h.authorizeParams(clientId, redirect, verifier2, "trips:read", "c"), List.of("trips:read")).get("code");
        HttpResponse<String> post = h.exchange(clientId, secret, false, code2, redirect, verifier2);
        assertEquals(200, post.statusCode(), post.body());
    }

    @Test
    void publicClientsMustNotSendASecret() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        String redirect = "http://127.0.0.1:40007/callback";
        String verifier = OAuthHarness.newVerifier();
        String code = h.approve(browser, h.authorizeParams(clientId, redirect, verifier, "trips:read", "p"), List.of("trips:read")).get("code");
        assertEquals(401, h.exchange(clientId, "trekcs_guess", false, code, redirect, verifier).statusCode());
        assertEquals(200, h.exchange(clientId, null, false, code, redirect, verifier).statusCode());
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        JsonObject first = h.connectPublicClient(browser, "trips:read places:read");
        String clientId = first.getString("client_id");
        HttpResponse<String> r1 = h.refresh(clientId, null, first.getString("refresh_token"), null);
        assertEquals(200, r1.statusCode(), r1.body());
        JsonObject second = OAuthHarness.json(r1);
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        assertNotEquals(first.getString("access_token"), second.getString("access_token"));
        assertEquals("trips:read places:read", second.getString("scope"));
        JsonObject third = OAuthHarness.json(h.refresh(clientId, null, second.getString("refresh_token"), null));
        assertTrue(introspect(third.getString("access_token")).getBoolean("active"));
        // the first refresh token again: its successor has moved on, so this is theft, not a duplicate
        HttpResponse<String> replay = h.refresh(clientId, null, first.getString("refresh_token"), null);
        assertEquals(400, replay.statusCode());
        assertEquals("invalid_grant", OAuthHarness.json(replay).getString("error"));
        assertFalse(introspect(third.getString("access_token")).getBoolean("active"), "whole family revoked");
        assertEquals(400, h.refresh(clientId, null, third.getString("refresh_token"), null).statusCode());
    }

    @Test
    void concurrentDuplicateRefreshWithinGraceGetsTheSamePairAndTheFamilySurvives() throws Exception {
        JsonObject first = h.connectPublicClient(browser, "trips:read");
        String clientId = first.getString("client_id");
        String refresh = first.getString("refresh_token");
        for (int round = 0; round < 4; round++) {
            String current = refresh;
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return h.refresh(clientId, null, current, null);
                }));
            }
            go.countDown();
            java.util.Set<String> pairs = new java.util.HashSet<>();
            for (CompletableFuture<HttpResponse<String>> c : calls) {
                HttpResponse<String> r = c.get();
                assertEquals(200, r.statusCode(), "round " + round + ": " + r.body());
                JsonObject j = OAuthHarness.json(r);
                pairs.add(j.getString("access_token") + " " + j.getString("refresh_token"));
            }
            assertEquals(1, pairs.size(), "every duplicate got the same successor pair");
            String[] pair = pairs.iterator().next().split(" ");
            // a sequential duplicate inside the window gets it too
            assertEquals(pair[1], OAuthHarness.json(h.refresh(clientId, null, current, null)).getString("refresh_token"));
            assertTrue(introspect(pair[0]).getBoolean("active"), "the family survives");
            refresh = pair[1];
        }
        HttpResponse<String> next = h.refresh(clientId, null, refresh, null);
        assertEquals(200, next.statusCode(), next.body());
    }

    @Test
    void aReplayAfterTheSuccessorWasUsedIsTheftEvenInsideTheGraceWindow() {
        JsonObject first = h.connectPublicClient(browser, "trips:read");
        String clientId = first.getString("client_id");
        JsonObject second = OAuthHarness.json(h.refresh(clientId, null, first.getString("refresh_token"), null));
        // a duplicate before the successor is used: the race the grace window is for
        assertEquals(second.getString("refresh_token"), OAuthHarness.json(h.refresh(clientId, null,
                first.getString("refresh_token"), null)).getString("refresh_token"));
        // the client uses its new access token at /mcp...
        org.trek.mcp.it.McpTestClient mcp = new org.trek.mcp.it.McpTestClient(server.baseUrl(), second.getString("access_token"));
        assertEquals(200, mcp.modern("tools/list", null).status());
        // ...so the old refresh token, presented again within the 30 s, is a replay: the whole family is revoked
        HttpResponse<String> replay = h.refresh(clientId, null, first.getString("refresh_token"), null);
        assertEquals(400, replay.statusCode(), replay.body());
        assertEquals("invalid_grant", OAuthHarness.json(replay).getString("error"));
        assertFalse(introspect(second.getString("access_token")).getBoolean("active"), "the successor's access token is dead");
        assertEquals(401, new org.trek.mcp.it.McpTestClient(server.baseUrl(), second.getString("access_token"))
                .modern("tools/list", null).status(), "and refused at /mcp at once");
        assertEquals(400, h.refresh(clientId, null, second.getString("refresh_token"), null).statusCode());
        WebClient admin = OAuthHarness.signedIn(server);
        String audit = admin.get("/admin/audit?action=oauth.token.replay_detected").body();
        assertTrue(audit.contains("token theft"), "audited as a suspected theft");
    }

    @Test
    void aHundredConcurrentRefreshesOfOneTokenKeepOneFamily() throws Exception {
        JsonObject first = h.connectPublicClient(browser, "trips:read");
        String clientId = first.getString("client_id");
        String refresh = first.getString("refresh_token");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(100);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(pool.submit(() -> {
                    await(go);
                    return h.refresh(clientId, null, refresh, null);
                }));
            }
            go.countDown();
            java.util.Set<String> pairs = new java.util.HashSet<>();
            int serverErrors = 0;
            for (java.util.concurrent.Future<HttpResponse<String>> c : calls) {
                HttpResponse<String> r = c.get(120, java.util.concurrent.TimeUnit.SECONDS);
                serverErrors += r.statusCode() >= 500 ? 1 : 0;
                assertEquals(200, r.statusCode(), r.body());
                JsonObject j = OAuthHarness.json(r);
                pairs.add(j.getString("access_token") + " " + j.getString("refresh_token"));
            }
            assertEquals(0, serverErrors);
            assertEquals(1, pairs.size(), "every one of them got the same successor");
            String[] pair = pairs.iterator().next().split(" ");
            assertTrue(introspect(pair[0]).getBoolean("active"), "the family lives");
            assertEquals(200, h.refresh(clientId, null, pair[1], null).statusCode(), "and rotates on");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refreshCanNarrowButNotWiden() {
        JsonObject first = h.connectPublicClient(browser, "trips:read places:read");
        String clientId = first.getString("client_id");
        HttpResponse<String> narrowed = h.refresh(clientId, null, first.getString("refresh_token"), "places:read");
        assertEquals(200, narrowed.statusCode(), narrowed.body());
        JsonObject n = OAuthHarness.json(narrowed);
        assertEquals("places:read", n.getString("scope"));
        HttpResponse<String> otherResource = h.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token",
                n.getString("refresh_token"), "resource", "https://elsewhere.example/mcp"), clientId, null, false);
        assertEquals("invalid_target", OAuthHarness.json(otherResource).getString("error"));
        HttpResponse<String> widened = h.refresh(clientId, null, n.getString("refresh_token"), "places:read trips:write");
        assertEquals("invalid_scope", OAuthHarness.json(widened).getString("error"));
        // back to the full original grant is allowed (RFC 6749 §6)
        HttpResponse<String> full = h.refresh(clientId, null, n.getString("refresh_token"), null);
        assertEquals("trips:read places:read", OAuthHarness.json(full).getString("scope"));
    }

    @Test
    void revokedTokensStopWorking() {
        JsonObject tokens = h.connectPublicClient(browser, "trips:read");
        String clientId = tokens.getString("client_id");
        assertTrue(introspect(tokens.getString("access_token")).getBoolean("active"));
        HttpResponse<String> other = h.postForm("/oauth/revoke", Map.of("token", tokens.getString("access_token"),
                "client_id", h.register("none", null, "http://127.0.0.1/cb").getString("client_id")), null);
        assertEquals(200, other.statusCode());
        assertTrue(introspect(tokens.getString("access_token")).getBoolean("active"), "another client cannot revoke it");
        HttpResponse<String> r = h.postForm("/oauth/revoke", Map.of("token", tokens.getString("access_token"), "client_id", clientId), null);
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(introspect(tokens.getString("access_token")).getBoolean("active"));
        assertEquals("invalid_grant", OAuthHarness.json(h.refresh(clientId, null, tokens.getString("refresh_token"), null)).getString("error"));
        HttpResponse<String> unknown = h.postForm("/oauth/revoke", Map.of("token", "trekoa_nonsense", "client_id", clientId), null);
        assertEquals(200, unknown.statusCode());
    }

    @Test
    void introspectionForConfidentialClientsAndAdmins() {
        JsonObject reg = h.register("client_secret_post", "trips:read", "https://intro.example/cb");
        String clientId = reg.getString("client_id");
        String secret = reg.getString("client_secret");
        String verifier = OAuthHarness.newVerifier();
        String code = h.approve(browser, h.authorizeParams(clientId, "https://intro.example/cb", verifier, "trips:read", "i"),
                List.of("trips:read")).get("code");
        JsonObject tokens = OAuthHarness.json(h.exchange(clientId, secret, false, code, "https://intro.example/cb", verifier));
        HttpResponse<String> r = h.postForm("/oauth/introspect", Map.of("token", tokens.getString("access_token")),
                OAuthHarness.basic(clientId, secret));
        JsonObject info = OAuthHarness.json(r);
        assertTrue(info.getBoolean("active"));
        assertEquals("trips:read", info.getString("scope"));
        assertEquals(clientId, info.getString("client_id"));
        assertEquals(h.resource(), info.getString("aud"));
        assertEquals(server.baseUrl(), info.getString("iss"));
        // another client's token is not this client's business
        JsonObject foreign = h.connectPublicClient(browser, "trips:read");
        assertFalse(OAuthHarness.json(h.postForm("/oauth/introspect", Map.of("token", foreign.getString("access_token")),
                OAuthHarness.basic(clientId, secret))).getBoolean("active"));
        // anonymous callers are refused
        assertEquals(400, h.postForm("/oauth/introspect", Map.of("token", tokens.getString("access_token")), null).statusCode());
        assertEquals(401, h.postForm("/oauth/introspect", Map.of("token", tokens.getString("access_token"),
                "client_id", foreign.getString("client_id")), null).statusCode());
    }

    @Test
    void consentPostNeedsCsrfTokenAndSameOrigin() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        Map<String, String> p = h.authorizeParams(clientId, "http://127.0.0.1:40008/callback", OAuthHarness.newVerifier(), "trips:read", "cs");
        WebClient web = OAuthHarness.signedIn(server);
        HttpResponse<String> page = web.get(OAuthHarness.authorizePath(p));
        assertEquals(200, page.statusCode());
        Map<String, String> fields = new java.util.LinkedHashMap<>(OAuthHarness.hiddenFields(page.body()));
        fields.put("decision", "approve");
        fields.put("scope", "trips:read");
        Map<String, String> noToken = new java.util.LinkedHashMap<>(fields);
        noToken.remove("_csrf");
        HttpResponse<String> r1 = web.postRaw("/oauth/authorize", noToken, server.baseUrl());
        assertEquals(403, r1.statusCode());
        assertTrue(r1.headers().firstValue("Location").isEmpty());
        HttpResponse<String> r2 = web.postRaw("/oauth/authorize", fields, "https://evil.example");
        assertEquals(403, r2.statusCode());
        assertTrue(r2.headers().firstValue("Location").isEmpty());
        HttpResponse<String> ok = web.postRaw("/oauth/authorize", fields, server.baseUrl());
        assertEquals(302, ok.statusCode());
        assertTrue(ok.headers().firstValue("Location").orElseThrow().contains("code="));
    }

    @Test
    void denyRedirectsWithAccessDenied() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        Map<String, String> p = h.authorizeParams(reg.getString("client_id"), "http://127.0.0.1:40009/callback",
                OAuthHarness.newVerifier(), "trips:read", "dn");
        HttpResponse<String> page = browser.get(OAuthHarness.authorizePath(p));
        HttpResponse<String> r = h.submitConsent(browser, page.body(), "deny", List.of());
        assertEquals(302, r.statusCode());
        Map<String, String> q = OAuthHarness.query(r.headers().firstValue("Location").orElseThrow());
        assertEquals("access_denied", q.get("error"));
        assertEquals("dn", q.get("state"));
        assertEquals(server.baseUrl(), q.get("iss"));
        assertFalse(q.containsKey("code"));
    }

    @Test
    void tokenEndpointErrors() {
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        HttpResponse<String> unsupported = h.tokenRequest(Map.of("grant_type", "password", "username", "a", "password", "b"),
                reg.getString("client_id"), null, false);
        assertEquals("unsupported_grant_type", OAuthHarness.json(unsupported).getString("error"));
        // client_credentials exists, for machine clients only (RFC 6749 §4.4.2: never a public client)
        HttpResponse<String> notMachine = h.tokenRequest(Map.of("grant_type", "client_credentials"), reg.getString("client_id"), null, false);
        assertEquals("unauthorized_client", OAuthHarness.json(notMachine).getString("error"));
        HttpResponse<String> json = h.postJson("/oauth/token", "{\"grant_type\":\"authorization_code\"}");
        assertEquals(400, json.statusCode());
        assertEquals("invalid_request", OAuthHarness.json(json).getString("error"));
        HttpResponse<String> unknownClient = h.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", "trekrf_x"),
                "nope", null, false);
        assertEquals(401, unknownClient.statusCode());
        assertTrue(unknownClient.headers().firstValue("WWW-Authenticate").isPresent());
        HttpResponse<String> badCode = h.exchange(reg.getString("client_id"), null, false, "bogus", "http://127.0.0.1:1/callback",
                OAuthHarness.newVerifier());
        assertEquals("invalid_grant", OAuthHarness.json(badCode).getString("error"));
    }

    private static JsonObject introspect(String token) {
        HttpResponse<String> r = browser.postRaw("/oauth/introspect", Map.of("token", token), null);
        assertEquals(200, r.statusCode(), r.body());
        return OAuthHarness.json(r);
    }

    private static Map<String, String> redirectQuery(HttpResponse<String> r) {
        assertEquals(302, r.statusCode(), r.body());
        return OAuthHarness.query(r.headers().firstValue("Location").orElseThrow());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
