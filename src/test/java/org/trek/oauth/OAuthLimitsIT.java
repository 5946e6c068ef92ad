package org.trek.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;

/**
 * Behaviour that needs its own configuration: rate limits (429 + Retry-After), client ID metadata documents from a
 * loopback stub (OAUTH_CIMD_ALLOW_LOOPBACK), the end of the refresh grace window, the absolute family lifetime,
 * and the MCP addon switched off.
 */
class OAuthLimitsIT {
    static TrekServer server;
    static OAuthHarness h;
    static HttpServer stub;
    static String stubBase;
    static final AtomicInteger documentFetches = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stubBase = "http://127.0.0.1:" + stub.getAddress().getPort();
        stub.createContext("/client.json", ex -> {
            documentFetches.incrementAndGet();
            respond(ex, 200, "{\"client_id\":\"" + stubBase + "/client.json\",\"client_name\":\"CIMD Test App\","
                    + "\"redirect_uris\":[\"http://127.0.0.1/callback\"],\"token_endpoint_auth_method\":\"none\","
                    + "\"scope\":\"trips:read places:read\"}");
        });
        stub.createContext("/mismatch.json", ex -> respond(ex, 200, "{\"client_id\":\"https://elsewhere.example/c.json\","
                + "\"redirect_uris\":[\"http://127.0.0.1/callback\"]}"));
        stub.createContext("/big.json", ex -> respond(ex, 200, "{\"client_id\":\"" + stubBase + "/big.json\",\"pad\":\""
                + "x".repeat(20_000) + "\",\"redirect_uris\":[\"http://127.0.0.1/callback\"]}"));
        stub.createContext("/secret.json", ex -> respond(ex, 200, "{\"client_id\":\"" + stubBase + "/secret.json\","
                + "\"client_secret\":\"s\",\"redirect_uris\":[\"http://127.0.0.1/callback\"]}"));
        stub.start();
        server = TrekServer.start("oauth-limits", Map.of(
                "ADMIN_EMAIL", TrekServer.ADMIN_EMAIL,
                "ADMIN_PASSWORD", TrekServer.ADMIN_PASSWORD,
                "TREK_ADDONS", "mcp",
                "OAUTH_CIMD_ALLOW_LOOPBACK", "true",
                "OAUTH_DCR_PER_MINUTE", "4",
                "OAUTH_TOKEN_PER_MINUTE", "10",
                "OAUTH_REFRESH_GRACE_SECONDS", "1",
                "OAUTH_REFRESH_ABSOLUTE_DAYS", "2"));
        h = new OAuthHarness(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (stub != null) {
            stub.stop(0);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void clientIdMetadataDocumentFlow() {
        WebClient web = OAuthHarness.signedIn(server);
        String clientId = stubBase + "/client.json";
        String redirect = "http://127.0.0.1:40100/callback";
        String verifier = OAuthHarness.newVerifier();
        Map<String, String> params = h.authorizeParams(clientId, redirect, verifier, "trips:read places:read trips:write", "md");
        HttpResponse<String> page = web.get(OAuthHarness.authorizePath(params));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("CIMD Test App"));
        assertTrue(page.body().contains("identified by a document at 127.0.0.1"));
        // A client identified by a document is self-registered: anyone can publish any scope list, so the user picks
        // from what the request asks (issue #14, honest consent), here leaving trips:write unticked.
        assertTrue(page.body().contains("value=\"trips:write\""), "every requested scope is offered for the user to pick");
        HttpResponse<String> approved = h.submitConsent(web, page.body(), "approve", List.of("trips:read", "places:read"));
        Map<String, String> q = OAuthHarness.query(approved.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> t = h.exchange(clientId, null, false, q.get("code"), redirect, verifier);
        assertEquals(200, t.statusCode(), t.body());
        assertEquals("trips:read places:read", OAuthHarness.json(t).getString("scope"));
        assertTrue(documentFetches.get() <= 1, "the document is cached, fetched " + documentFetches.get() + " times");

        for (String bad : List.of("/mismatch.json", "/big.json", "/secret.json", "/missing.json")) {
            HttpResponse<String> r = web.get(OAuthHarness.authorizePath(h.authorizeParams(stubBase + bad, redirect,
                    OAuthHarness.newVerifier(), "trips:read", "md")));
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.headers().firstValue("Location").isEmpty(), bad);
        }
    }

    @Test
    void registrationRateLimitAnswers429WithRetryAfter() {
        HttpResponse<String> last = null;
        // 4 a minute in fixed windows: 10 tries reach the limit even when a minute boundary falls between them
        // (6 did not, once: 3 before the boundary and 3 after)
        for (int i = 0; i < 10; i++) {
            last = h.postJson("/oauth/register", "{\"redirect_uris\":[\"https://limit.example/cb\"],\"token_endpoint_auth_method\":\"none\"}");
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, last.statusCode());
        assertEquals("too_many_requests", OAuthHarness.json(last).getString("error"));
        long retry = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
    }

    @Test
    void tokenRateLimitIsPerClientAndIp() {
        HttpResponse<String> last = null;
        for (int i = 0; i < 12; i++) {
            last = h.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", "trekrf_nothing"), "limited-client", null, false);
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, last.statusCode());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        // another client id from the same address has its own budget
        HttpResponse<String> other = h.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", "trekrf_nothing"),
                "other-client", null, false);
        assertEquals(401, other.statusCode());
    }

    @Test
    void afterTheGraceWindowARotatedRefreshTokenRevokesTheFamily() throws Exception {
        WebClient web = OAuthHarness.signedIn(server);
        JsonObject first = connectCimd(web);
        String clientId = stubBase + "/client.json";
        JsonObject second = OAuthHarness.json(h.refresh(clientId, null, first.getString("refresh_token"), null));
        Thread.sleep(2200);
        HttpResponse<String> late = h.refresh(clientId, null, first.getString("refresh_token"), null);
        assertEquals("invalid_grant", OAuthHarness.json(late).getString("error"));
        assertEquals("invalid_grant", OAuthHarness.json(h.refresh(clientId, null, second.getString("refresh_token"), null))
                .getString("error"), "the family was revoked");
    }

    @Test
    void absoluteFamilyLifetimeCapsTheRefreshToken() {
        WebClient web = OAuthHarness.signedIn(server);
        JsonObject tokens = connectCimd(web);
        HttpResponse<String> r = web.postRaw("/oauth/introspect", Map.of("token", tokens.getString("refresh_token")), null);
        JsonObject info = OAuthHarness.json(r);
        assertTrue(info.getBoolean("active"), r.body());
        long exp = info.getJsonNumber("exp").longValue();
        long twoDays = Instant.now().plusSeconds(2 * 86400).getEpochSecond();
        assertTrue(Math.abs(exp - twoDays) < 300, "refresh expiry capped at 2 days, was " + exp);
    }

    @Test
    void mcpAddonOffHidesTheServer() {
        WebClient admin = OAuthHarness.signedIn(server);
        admin.get("/admin/addons");
        assertEquals(302, admin.post("/admin/addons", Map.of("addon", "mcp", "enabled", "false")).statusCode());
        try {
            for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/oauth-protected-resource",
                    "/.well-known/oauth-protected-resource/mcp", "/.well-known/openid-configuration")) {
                assertEquals(404, h.get(path).statusCode(), path);
            }
            assertEquals(404, h.postJson("/oauth/register", "{\"redirect_uris\":[\"https://a.example/cb\"]}").statusCode());
            assertEquals(404, h.postForm("/oauth/revoke", Map.of("token", "x", "client_id", "y"), null).statusCode());
            HttpResponse<String> token = h.postForm("/oauth/token", Map.of("grant_type", "refresh_token", "client_id", "y"), null);
            assertEquals(403, token.statusCode());
            assertEquals("mcp_disabled", OAuthHarness.json(token).getString("error"));
            assertEquals(404, admin.get("/oauth/authorize?client_id=x").statusCode());
        } finally {
            admin.get("/admin/addons");
            admin.post("/admin/addons", Map.of("addon", "mcp", "enabled", "true"));
        }
        assertEquals(200, h.get("/.well-known/oauth-authorization-server").statusCode());
    }

    private JsonObject connectCimd(WebClient web) {
        String clientId = stubBase + "/client.json";
        String redirect = "http://127.0.0.1:40101/callback";
        String verifier = OAuthHarness.newVerifier();
        Map<String, String> q = h.approve(web, h.authorizeParams(clientId, redirect, verifier, "trips:read", "g"), List.of("trips:read"));
        HttpResponse<String> t = h.exchange(clientId, null, false, q.get("code"), redirect, verifier);
        assertEquals(200, t.statusCode(), t.body());
        return OAuthHarness.json(t);
    }
}
