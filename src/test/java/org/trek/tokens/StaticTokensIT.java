package org.trek.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trek.account.Role;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.it.Deployments;
import org.trek.mcp.McpAuthenticator;
import org.trek.mcp.protocol.McpError;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.AddonService;

/**
 * Settings → API tokens over HTTP, and the expiry at /mcp. The client steps ({@link RunAsClient}) use the screens
 * and /mcp as a user and an MCP client would; the one in-container step moves a token's expiry into the past (and
 * another one's to a known instant a few seconds ahead) in the database, which no screen can do.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaticTokensIT {
    private static final String ADMIN_EMAIL = "admin@trek.test"; // the container's ADMIN_EMAIL (arquillian.xml)
    private static final String ADMIN_PASSWORD = "lantern-harbour-orchard-7";
    private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token-value\">(trek_[A-Za-z0-9_-]+)</code>");

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(StaticTokensIT.class, Web.class);
    }

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Inject
    AddonService addons;

    @Inject
    StaticTokenService tokens;

    @Inject
    UserService users;

    @Inject
    McpAuthenticator authenticator;

    // Client side only (the client steps run in the test JVM, one after another).
    static String baseUrl;
    static Web admin;
    static Map<String, String> created = new LinkedHashMap<>();
    static String probeName;
    static long probeExpiry;

    private static String baseUrl() {
        return baseUrl;
    }

    @Test
    @Order(0)
    void mcpIsOn() {
        addons.setEnabled(AddonId.MCP, true); // the shared servers switch it on with TREK_ADDONS; this container does not
    }

    @Test
    @Order(1)
    @RunAsClient
    void refusedCreatesComeBackToTheFieldWithTheInputKept(@ArquillianResource URL base) {
        String url = base.toString();
        baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        admin = new Web(baseUrl());
        assertEquals(302, admin.login(ADMIN_EMAIL, ADMIN_PASSWORD).statusCode(), "sign-in");
        admin.get("/settings/tokens");

        // A blank name (spaces pass the browser's "required"): back to the form, message at the name, expiry kept.
        HttpResponse<String> blank = admin.post("/settings/tokens", Map.of("action", "create", "name", "   ", "expiry", "30"));
        assertEquals(302, blank.statusCode(), "post/redirect/get");
        assertTrue(blank.headers().firstValue("Location").orElse("").endsWith("/settings/tokens"),
                "no fragment: it would cancel the field's autofocus " + blank.headers().toString());
        String page = admin.get("/settings/tokens").body();
        assertTrue(page.contains("id=\"token-name-error\" role=\"alert\">Give the token a name of 1 to 100 characters."), page);
        assertTrue(Pattern.compile("id=\"token-name\"[^>]*aria-invalid=\"true\" aria-describedby=\"token-name-error\" autofocus")
                .matcher(page).find(), "the field is marked and focused");
        assertTrue(page.contains("<option value=\"30\" selected>"), "the chosen expiry is kept");
        assertFalse(NEW_TOKEN.matcher(page).find());
        // Shown once: a reload has no message any more.
        assertFalse(admin.get("/settings/tokens").body().contains("token-name-error"));

        // Too long: the name comes back (escaped) with the message.
        String longName = "<b>" + "x".repeat(101);
        assertEquals(302, admin.post("/settings/tokens", Map.of("action", "create", "name", longName, "expiry", "none")).statusCode());
        page = admin.get("/settings/tokens").body();
        assertTrue(page.contains("id=\"token-name-error\""), page);
        assertTrue(page.contains("value=\"&lt;b&gt;" + "x".repeat(101) + "\""), "the name kept, escaped");
        assertTrue(page.contains("<option value=\"none\" selected>"));

        // An expiry the form does not offer: the message at the expiry, the name kept.
        assertEquals(302, admin.post("/settings/tokens", Map.of("action", "create", "name", "kept name", "expiry", "365")).statusCode());
        page = admin.get("/settings/tokens").body();
        assertTrue(page.contains("id=\"token-expiry-error\" role=\"alert\">Choose an expiry of 30, 60 or 90 days, or no expiry."), page);
        assertTrue(page.contains("aria-describedby=\"token-expiry-hint token-expiry-error\""));
        assertTrue(page.contains("value=\"kept name\""));
        assertFalse(page.contains("confirmDelete="), "nothing was created");
    }

    @Test
    @Order(2)
    @RunAsClient
    void eachExpiryIsStoredShownAndAudited() {
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        for (String expiry : List.of("30", "60", "90", "none", "")) {
            String name = "exp-" + (expiry.isEmpty() ? "default" : expiry);
            admin.get("/settings/tokens");
            HttpResponse<String> answer = admin.post("/settings/tokens", Map.of("action", "create", "name", name, "expiry", expiry));
            assertEquals(200, answer.statusCode());
            Matcher m = NEW_TOKEN.matcher(answer.body());
            assertTrue(m.find(), answer.body());
            String token = m.group(1);
            created.put(name, token);
            // The snippets carry the token: the config as the setup page shows it, the command line, the env form.
            String body = answer.body();
            assertEquals(List.of("-y", "mcp-remote", "http://127.0.0.1:8080/mcp", "--header", "Authorization: Bearer " + token),
                    snippetArgs(body, "new-token-snippet"));
            assertEquals(List.of("-y", "mcp-remote", "http://127.0.0.1:8080/mcp", "--header", "Authorization:${AUTH_HEADER}"),
                    snippetArgs(body, "new-token-snippet-env"));
            assertTrue(body.contains("npx -y mcp-remote http://127.0.0.1:8080/mcp --header &#034;Authorization: Bearer " + token + "&#034;"), body);
            assertTrue(body.contains("&#034;AUTH_HEADER&#034;: &#034;Bearer " + token + "&#034;"), body);
            for (String copy : List.of("new-token-value", "new-token-snippet", "new-token-command", "new-token-snippet-env")) {
                assertTrue(body.contains("data-copy=\"" + copy + "\""), "a Copy button for " + copy);
            }
            assertTrue(body.contains(expiry.equals("none") ? "created (never expires)" : "created (expires "), body);
        }
        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        String list = admin.get("/settings/tokens").body();
        for (String token : created.values()) {
            assertFalse(list.contains(token), "a token is shown only once");
        }
        assertExpiryShown(list, "exp-30", before.plusDays(30), after.plusDays(30));
        assertExpiryShown(list, "exp-60", before.plusDays(60), after.plusDays(60));
        assertExpiryShown(list, "exp-90", before.plusDays(90), after.plusDays(90));
        assertExpiryShown(list, "exp-default", before.plusDays(90), after.plusDays(90));
        assertTrue(row(list, "exp-none").contains(">never</td>"), row(list, "exp-none"));

        String audit = admin.get("/admin/audit?action=token.create").body();
        assertTrue(audit.contains("expires_at: never"), audit);
        assertTrue(audit.contains("expires_at: " + before.plusDays(30)) || audit.contains("expires_at: " + after.plusDays(30)), audit);

        // Both protocol eras work with a fresh token.
        for (String token : List.of(created.get("exp-30"), created.get("exp-60"))) {
            assertEquals(200, legacyInitialize(token).statusCode());
            assertEquals(200, modernList(token).statusCode());
        }
        // A token that expires a few seconds from now (the in-container step sets exactly this instant).
        probeExpiry = (System.currentTimeMillis() / 1000 + 12) * 1000;
        probeName = "probe-" + probeExpiry;
        admin.get("/settings/tokens");
        Matcher m = NEW_TOKEN.matcher(admin.post("/settings/tokens", Map.of("action", "create", "name", probeName)).body());
        assertTrue(m.find());
        created.put(probeName, m.group(1));
    }

    @Test
    @Order(3)
    void expireTokensInTheDatabase() throws Exception {
        tx.begin();
        assertEquals(1, em.createNativeQuery("UPDATE mcp_tokens SET expires_at = ?1 WHERE name = 'exp-30'")
                .setParameter(1, System.currentTimeMillis() - 60_000).executeUpdate());
        String probe = em.createQuery("SELECT t.name FROM StaticToken t WHERE t.name LIKE 'probe-%'", String.class)
                .getSingleResult();
        assertEquals(1, em.createNativeQuery("UPDATE mcp_tokens SET expires_at = ?1 WHERE name = ?2")
                .setParameter(1, Long.parseLong(probe.substring("probe-".length()))).setParameter(2, probe).executeUpdate());
        tx.commit();
    }

    @Test
    @Order(4)
    @RunAsClient
    void aCachedGrantStopsAtTheTokensExpiry() throws Exception {
        // Requests every 100 ms across the expiry: McpAuthenticator keeps a verified grant for a second, so without the
        // expiry in the grant some requests after it would still pass.
        List<String> late = new ArrayList<>();
        int okBefore = 0;
        int refusedAfter = 0;
        String token = created.get(probeName);
        List<String> timeline = new ArrayList<>();
        while (System.currentTimeMillis() < probeExpiry + 2_000) {
            long sent = System.currentTimeMillis();
            int status = modernList(token).statusCode();
            timeline.add((sent - probeExpiry) + ":" + status);
            if (sent < probeExpiry - 100 && status == 200) {
                okBefore++;
            } else if (sent >= probeExpiry) {
                if (status == 200) {
                    late.add((sent - probeExpiry) + " ms after the expiry");
                } else {
                    assertEquals(401, status);
                    refusedAfter++;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(okBefore > 5, "the token worked (and was cached) before its expiry: " + okBefore);
        assertTrue(late.isEmpty(), "accepted after its expiry: " + late + "; " + timeline);
        assertTrue(refusedAfter > 5, "refused after: " + refusedAfter);
    }

    @Test
    @Order(5)
    @RunAsClient
    void anExpiredTokenIsRefusedOnBothErasShownAsExpiredAndCanBeDeleted() {
        String token = created.get("exp-30");
        HttpResponse<String> legacy = legacyInitialize(token);
        assertEquals(401, legacy.statusCode(), legacy.body());
        assertTrue(legacy.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        HttpResponse<String> modern = modernList(token);
        assertEquals(401, modern.statusCode(), modern.body());
        assertTrue(modern.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        // An unknown token gets the same answer.
        assertEquals(401, modernList("trek_" + "A".repeat(43)).statusCode());
        assertEquals(200, modernList(created.get("exp-60")).statusCode(), "the other tokens still work");

        String list = admin.get("/settings/tokens").body();
        assertTrue(row(list, "exp-30").contains("<span class=\"badge expired\">expired</span>"), row(list, "exp-30"));
        assertTrue(row(list, probeName).contains("expired"), row(list, probeName));
        Matcher id = Pattern.compile("<tr id=\"token-(\\d+)\">\\s*<td class=\"token-name\"><strong>exp-30<").matcher(list);
        assertTrue(id.find(), list);
        assertTrue(admin.get("/settings/tokens?confirmDelete=" + id.group(1)).body().contains("id=\"confirm-delete\""));
        HttpResponse<String> deleted = admin.post("/settings/tokens", Map.of("action", "delete", "id", id.group(1)));
        assertEquals(302, deleted.statusCode());
        String after = admin.get("/settings/tokens").body();
        assertTrue(after.contains("Token deleted."), after);
        assertFalse(after.contains(">exp-30<"), "the expired token is gone");
        assertTrue(admin.get("/admin/audit?action=token.delete").body().contains("expires_at: "));
    }

    @Test
    @Order(6)
    @RunAsClient
    void theLimitComesBackToTheFormAndStays() {
        String list = admin.get("/settings/tokens").body();
        int existing = (int) Pattern.compile("confirmDelete=").matcher(list).results().count();
        for (int i = existing; i < StaticTokenService.MAX_PER_USER; i++) {
            admin.get("/settings/tokens");
            assertEquals(200, admin.post("/settings/tokens", Map.of("action", "create", "name", "fill-" + i)).statusCode());
        }
        String full = admin.get("/settings/tokens").body();
        assertFalse(full.contains("id=\"token-name\""), "no create form at the limit");
        assertTrue(full.contains("You have reached the limit of 10 tokens."), full);
        // A second tab still showing the form posts anyway: back to the form's place with the message, nothing created.
        HttpResponse<String> eleventh = admin.post("/settings/tokens", Map.of("action", "create", "name", "one too many", "expiry", "30"));
        assertEquals(302, eleventh.statusCode());
        assertTrue(eleventh.headers().firstValue("Location").orElse("").endsWith("#create-token"));
        String page = admin.get("/settings/tokens").body();
        assertTrue(page.contains("id=\"token-limit-error\" role=\"alert\">You already have 10 tokens. Delete one first"
                + " (expired ones count too).</p>"), page);
        assertFalse(page.contains("one too many"));
        assertEquals(StaticTokenService.MAX_PER_USER, Pattern.compile("confirmDelete=").matcher(page).results().count());
    }

    /** The args of the mcpServers JSON in the page's pre element with this id. */
    private static List<String> snippetArgs(String page, String id) {
        Matcher m = Pattern.compile("<pre id=\"" + id + "\">([^<]*)</pre>").matcher(page);
        assertTrue(m.find(), "no snippet " + id);
        String json = m.group(1).replace("&#034;", "\"").replace("&#039;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject().getJsonObject("mcpServers")
                .getJsonObject("trek").getJsonArray("args").getValuesAs(jakarta.json.JsonString::getString);
    }

    @Test
    @Order(7)
    void theAuthenticatorsCachedGrantEndsAtTheExpiry() throws Exception {
        // In the container, without HTTP timing: a grant verified (and so cached for a second) shortly before the
        // token's expiry is refused right after it, although the cache still holds it.
        User user = users.create(Actor.system(), "expiry-" + System.nanoTime(), "expiry-" + System.nanoTime() + "@trek.test",
                "test-password-123", Role.USER);
        for (int attempt = 1; ; attempt++) {
            String token = tokens.create(Actor.system(), user.getId(), "cache-" + attempt, "30").token();
            long expiry = System.currentTimeMillis() + 600;
            tx.begin();
            em.createNativeQuery("UPDATE mcp_tokens SET expires_at = ?1 WHERE name = ?2 AND user_id = ?3")
                    .setParameter(1, expiry).setParameter(2, "cache-" + attempt).setParameter(3, user.getId()).executeUpdate();
            tx.commit();
            long verified = System.currentTimeMillis();
            AccessGrant grant = authenticator.authenticate("Bearer " + token);
            assertEquals(Instant.ofEpochMilli(expiry), grant.expiresAt(), "the grant carries the expiry");
            Thread.sleep(Math.max(0, expiry + 100 - System.currentTimeMillis()));
            McpError refused = null;
            try {
                authenticator.authenticate("Bearer " + token);
            } catch (McpError e) {
                refused = e;
            }
            if (System.currentTimeMillis() - verified < 900) { // the grant was still in the cache
                assertNotNull(refused, "a cached grant was accepted after its token's expiry");
                assertEquals(401, refused.httpStatus());
                return;
            }
            assertTrue(attempt < 5, "the machine is too slow to check the cache within its second");
        }
    }

    private static void assertExpiryShown(String list, String name, LocalDate earliest, LocalDate latest) {
        String row = row(list, name);
        assertTrue(row.contains("expires " + earliest) || row.contains("expires " + latest), name + ": " + row);
    }

    /** The table row of the named token. */
    private static String row(String list, String name) {
        Matcher m = Pattern.compile("<tr id=\"token-\\d+\">\\s*<td class=\"token-name\"><strong>" + Pattern.quote(name)
                + "</strong></td>.*?</tr>", Pattern.DOTALL).matcher(list);
        assertTrue(m.find(), "no row for " + name);
        return m.group();
    }

    private static HttpResponse<String> legacyInitialize(String token) {
        return mcp(token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}", Map.of());
    }

    private static HttpResponse<String> modernList(String token) {
        return mcp(token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}}",
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/list"));
    }

    private static HttpResponse<String> mcp(String token, String body, Map<String, String> headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl() + "/mcp")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token);
        headers.forEach(r::header);
        return admin.send(r.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A browser-like client: cookies, no redirects followed, same-origin Origin and the page's CSRF token on posts. */
    static final class Web {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private String csrf;

        Web(String base) {
            this.base = base;
        }

        HttpResponse<String> login(String login, String password) {
            get("/login");
            return post("/login", Map.of("login", login, "password", password));
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            Map<String, String> fields = new LinkedHashMap<>();
            assertNotNull(csrf, "fetch a page with a form first");
            fields.put("_csrf", csrf);
            fields.putAll(form);
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
