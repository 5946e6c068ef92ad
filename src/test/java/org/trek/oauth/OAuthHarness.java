package org.trek.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;

/** Drives the OAuth endpoints of a running server like a standards-following client and a browser would. */
public final class OAuthHarness {
    static {
        // The test classpath has the JSON-P 2.1 API (from jakartaee-api) and the GlassFish 2.0 implementation,
        // which the 2.1 API does not find by itself.
        if (System.getProperty("jakarta.json.provider") == null) {
            System.setProperty("jakarta.json.provider", "org.glassfish.json.JsonProviderImpl");
        }
    }

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    final TrekServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public OAuthHarness(TrekServer server) {
        this.server = server;
    }

    public String resource() {
        return server.baseUrl() + "/mcp";
    }

    // ---- plain HTTP ------------------------------------------------------------------------------------------

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(server.uri(path)).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(form)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    public HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    public static String basic(String id, String secret) {
        String raw = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    // ---- registration ------------------------------------------------------------------------------------------

    public JsonObject register(String authMethod, String scope, String... redirectUris) {
        JsonArrayBuilder uris = Json.createArrayBuilder();
        for (String u : redirectUris) {
            uris.add(u);
        }
        var body = Json.createObjectBuilder().add("client_name", "IT client").add("redirect_uris", uris);
        if (authMethod != null) {
            body.add("token_endpoint_auth_method", authMethod);
        }
        if (scope != null) {
            body.add("scope", scope);
        }
        HttpResponse<String> r = postJson("/oauth/register", body.build().toString());
        assertEquals(201, r.statusCode(), r.body());
        return json(r);
    }

    // ---- PKCE ----------------------------------------------------------------------------------------------------

    public static String newVerifier() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- authorization ------------------------------------------------------------------------------------------

    /** An authorization request's query; null values are left out. */
    public static String authorizePath(Map<String, String> params) {
        return "/oauth/authorize?" + params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public Map<String, String> authorizeParams(String clientId, String redirectUri, String verifier, String scope, String state) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", redirectUri);
        p.put("code_challenge", challenge(verifier));
        p.put("code_challenge_method", "S256");
        p.put("state", state);
        p.put("scope", scope);
        p.put("resource", resource());
        return p;
    }

    /** The hidden fields of the consent form, unescaped. */
    public static Map<String, String> hiddenFields(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            out.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return out;
    }

    /** Posts the consent form of {@code consentPage} with the given decision and scope picks. */
    public HttpResponse<String> submitConsent(WebClient web, String consentPage, String decision, List<String> scopes) {
        List<String[]> fields = new ArrayList<>();
        hiddenFields(consentPage).forEach((k, v) -> fields.add(new String[] {k, v}));
        fields.add(new String[] {"decision", decision});
        for (String s : scopes) {
            fields.add(new String[] {"scope", s});
        }
        String body = fields.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return web.send(HttpRequest.newBuilder(server.uri("/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", server.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A signed-in browser approving the request with the given scopes; returns the redirect's query parameters. */
    public Map<String, String> approve(WebClient web, Map<String, String> params, List<String> scopes) {
        HttpResponse<String> page = web.get(authorizePath(params));
        if (page.statusCode() == 302) {
            return query(page.headers().firstValue("Location").orElseThrow()); // consent on record
        }
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> r = submitConsent(web, page.body(), "approve", scopes);
        assertEquals(302, r.statusCode(), r.body());
        return query(r.headers().firstValue("Location").orElseThrow());
    }

    public static WebClient signedIn(TrekServer server) {
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        assertEquals(302, r.statusCode(), "login failed: " + r.body());
        return web;
    }

    public static Map<String, String> query(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(location).getRawQuery();
        assertNotNull(q, location);
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    // ---- token endpoint ------------------------------------------------------------------------------------------

    public HttpResponse<String> exchange(String clientId, String secret, boolean basic, String code, String redirectUri,
                                         String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        if (redirectUri != null) { // OAuth 2.1 clients leave it out
            form.put("redirect_uri", redirectUri);
        }
        form.put("code_verifier", verifier);
        return tokenRequest(form, clientId, secret, basic);
    }

    public HttpResponse<String> refresh(String clientId, String secret, String refreshToken, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        if (scope != null) {
            form.put("scope", scope);
        }
        return tokenRequest(form, clientId, secret, secret != null);
    }

    public HttpResponse<String> tokenRequest(Map<String, String> form, String clientId, String secret, boolean basic) {
        Map<String, String> f = new LinkedHashMap<>(form);
        String auth = null;
        if (basic && secret != null) {
            auth = basic(clientId, secret);
        } else {
            f.put("client_id", clientId);
            if (secret != null) {
                f.put("client_secret", secret);
            }
        }
        return postForm("/oauth/token", f, auth);
    }

    /** Registration + consent + code exchange for a public client; returns the token response. */
    public JsonObject connectPublicClient(WebClient web, String scope) {
        JsonObject reg = register("none", scope, "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        String verifier = newVerifier();
        String redirect = "http://127.0.0.1:" + (20000 + new SecureRandom().nextInt(20000)) + "/callback";
        Map<String, String> q = approve(web, authorizeParams(clientId, redirect, verifier, scope, "st"),
                scope == null ? List.of("trips:read") : List.of(scope.split(" ")));
        HttpResponse<String> r = exchange(clientId, null, false, q.get("code"), redirect, verifier);
        assertEquals(200, r.statusCode(), r.body());
        return Json.createObjectBuilder(json(r)).add("client_id", clientId).build();
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&#034;", "\"").replace("&quot;", "\"")
                .replace("&#039;", "'").replace("&#39;", "'").replace("&amp;", "&");
    }
}
