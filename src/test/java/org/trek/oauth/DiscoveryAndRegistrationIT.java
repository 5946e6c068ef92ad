package org.trek.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.platform.auth.ScopeCatalog;

/** RFC 8414 / RFC 9728 discovery and RFC 7591 dynamic registration. */
class DiscoveryAndRegistrationIT {
    static TrekServer server;
    static OAuthHarness h;

    @BeforeAll
    static void start() {
        server = TrekServer.shared();
        h = new OAuthHarness(server);
    }

    @Test
    void authorizationServerMetadata() {
        HttpResponse<String> r = h.get("/.well-known/oauth-authorization-server");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject m = OAuthHarness.json(r);
        String base = server.baseUrl();
        assertEquals(base, m.getString("issuer"));
        assertEquals(base + "/oauth/authorize", m.getString("authorization_endpoint"));
        assertEquals(base + "/oauth/token", m.getString("token_endpoint"));
        assertEquals(base + "/oauth/register", m.getString("registration_endpoint"));
        assertEquals(base + "/oauth/revoke", m.getString("revocation_endpoint"));
        assertEquals(base + "/oauth/introspect", m.getString("introspection_endpoint"));
        assertEquals(List.of("S256"), strings(m, "code_challenge_methods_supported"));
        assertEquals(List.of("none", "client_secret_basic", "client_secret_post"), strings(m, "token_endpoint_auth_methods_supported"));
        assertEquals(List.of("authorization_code", "refresh_token", "client_credentials"), strings(m, "grant_types_supported"));
        assertEquals(List.of("code"), strings(m, "response_types_supported"));
        assertEquals(ScopeCatalog.names(), strings(m, "scopes_supported"));
        assertTrue(m.getBoolean("authorization_response_iss_parameter_supported"));
        assertTrue(m.getBoolean("client_id_metadata_document_supported"));
        assertEquals(m, OAuthHarness.json(h.get("/.well-known/openid-configuration")));
    }

    @Test
    void protectedResourceMetadataFlatAndPathSuffixed() {
        for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
            HttpResponse<String> r = h.get(path);
            assertEquals(200, r.statusCode(), path);
            JsonObject m = OAuthHarness.json(r);
            assertEquals(server.baseUrl() + "/mcp", m.getString("resource"));
            assertEquals(List.of(server.baseUrl()), strings(m, "authorization_servers"));
            assertEquals(List.of("header"), strings(m, "bearer_methods_supported"));
            assertEquals(ScopeCatalog.names(), strings(m, "scopes_supported"));
        }
    }

    @Test
    void unknownWellKnownIsJson404() {
        for (String path : List.of("/.well-known/nope", "/.well-known/oauth-protected-resource/other", "/.well-known/a/b/c")) {
            HttpResponse<String> r = h.get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            assertEquals("not_found", OAuthHarness.json(r).getString("error"));
        }
    }

    @Test
    void registrationWithoutScopeGetsTheReadOnlySet() {
        JsonObject reg = h.register(null, null, "http://localhost/callback");
        assertEquals(String.join(" ", ScopeCatalog.readOnly()), reg.getString("scope"));
        // RFC 7591 §2: the default method is client_secret_basic, so a secret is issued
        assertEquals("client_secret_basic", reg.getString("token_endpoint_auth_method"));
        assertTrue(reg.getString("client_secret").startsWith("trekcs_"));
        assertTrue(reg.getString("client_secret").length() >= "trekcs_".length() + 32);
        assertEquals(0, reg.getInt("client_secret_expires_at"));
        assertEquals(List.of("authorization_code", "refresh_token"), strings(reg, "grant_types"));
    }

    @Test
    void publicRegistrationAndScopes() {
        JsonObject reg = h.register("none", "trips:read trips:write unknown:scope", "http://127.0.0.1/cb", "com.example.app:/cb");
        assertEquals("none", reg.getString("token_endpoint_auth_method"));
        assertFalse(reg.containsKey("client_secret"));
        assertEquals("trips:read trips:write", reg.getString("scope"));
    }

    @Test
    void unknownAuthMethodIsRefusedNotChanged() {
        HttpResponse<String> r = h.postJson("/oauth/register",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}");
        assertEquals(400, r.statusCode());
        assertEquals("invalid_client_metadata", OAuthHarness.json(r).getString("error"));
    }

    @Test
    void hostileRedirectUrisAreRefused() {
        for (String uri : List.of("javascript:alert(1)", "javascript://localhost/%0aalert(1)", "data:text/html,x",
                "file:///etc/passwd", "http://evil.example/cb", "https://a.example/cb#frag", "myapp:/cb",
                "https://user:pw@a.example/cb", "vbscript:x")) {
            HttpResponse<String> r = h.postJson("/oauth/register", "{\"redirect_uris\":[\"" + uri + "\"]}");
            assertEquals(400, r.statusCode(), uri);
            assertEquals("invalid_redirect_uri", OAuthHarness.json(r).getString("error"), uri);
        }
        // each URI allowed, together too long to store: a 400, not a failed INSERT
        String longUri = "https://a.example/" + "x".repeat(1500);
        HttpResponse<String> tooLong = h.postJson("/oauth/register",
                "{\"redirect_uris\":[\"" + longUri + "1\",\"" + longUri + "2\",\"" + longUri + "3\"]}");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertEquals("invalid_redirect_uri", OAuthHarness.json(tooLong).getString("error"));
        HttpResponse<String> none = h.postJson("/oauth/register", "{\"client_name\":\"x\"}");
        assertEquals("invalid_redirect_uri", OAuthHarness.json(none).getString("error"));
        HttpResponse<String> notJson = h.postJson("/oauth/register", "not json");
        assertEquals("invalid_client_metadata", OAuthHarness.json(notJson).getString("error"));
        HttpResponse<String> badGrant = h.postJson("/oauth/register",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"client_credentials\"]}");
        assertEquals("invalid_client_metadata", OAuthHarness.json(badGrant).getString("error"));
    }

    @Test
    void metadataDocumentsFromLoopbackAreRefusedWithoutTheDevSetting() {
        // SSRF protection: a client_id URL pointing at this machine is not fetched in a normal configuration
        HttpResponse<String> r = new org.trek.it.WebClient(server).get(OAuthHarness.authorizePath(h.authorizeParams(
                server.baseUrl() + "/health", "https://a.example/cb", OAuthHarness.newVerifier(), "trips:read", "m")));
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Location").isEmpty());
    }

    @Test
    void bodiesAnyoneCanSendAreBoundedBeforeParsing() {
        String padding = "x".repeat(5 * 1024 * 1024);
        HttpResponse<String> huge = h.postJson("/oauth/register", "{\"redirect_uris\":[\"https://big.example/cb\"],"
                + "\"client_name\":\"" + padding + "\"}");
        assertEquals(413, huge.statusCode());
        assertEquals("invalid_request", OAuthHarness.json(huge).getString("error"));
        // without a declared length (chunked), the count stops the read at the bound
        java.util.function.Supplier<java.util.concurrent.Flow.Publisher<java.nio.ByteBuffer>> chunks = () -> java.net.http.HttpRequest
                .BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(("{\"redirect_uris\":[\"https://big.example/cb\"],"
                        + "\"client_name\":\"" + "y".repeat(200_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        HttpResponse<String> chunked = h.send(java.net.http.HttpRequest.newBuilder(server.uri("/oauth/register"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(chunks.get())));
        assertEquals(413, chunked.statusCode(), chunked.body());
        for (String path : List.of("/oauth/token", "/oauth/revoke", "/oauth/introspect")) {
            HttpResponse<String> form = h.postForm(path, java.util.Map.of("grant_type", "refresh_token", "token",
                    "z".repeat(50_000), "refresh_token", "z".repeat(50_000)), null);
            assertEquals(413, form.statusCode(), path + ": " + form.body());
            assertEquals("invalid_request", OAuthHarness.json(form).getString("error"));
        }
        // a normal registration still passes, and nothing of the refused ones was stored
        assertEquals(201, h.postJson("/oauth/register", "{\"redirect_uris\":[\"https://big.example/cb\"],"
                + "\"client_name\":\"Normal size\"}").statusCode());
    }

    private static List<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }
}
