package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import org.trek.mcp.it.McpTestClient;
import org.trek.oauth.OAuthHarness;
import org.trek.platform.auth.ScopeCatalog;

/**
 * Trip tools through /mcp on the shared server: real users (created on the admin screen), real OAuth tokens
 * (trekoa_, via registration, consent and code exchange) with chosen scopes, calls on the legacy 2025-11-25 session
 * wire and on the stateless 2026-07-28 wire, and the admin's permission matrix.
 */
public final class McpTripHarness {
    public static final String PASSWORD = "catalog-password-1";
    public static final String LEGACY = "2025-11-25";
    public static final String MODERN = McpTestClient.MODERN;

    /** Defaults of the permission matrix (Admin → Permissions), restored after every change. */
    static final Map<String, String> DEFAULT_LEVELS = Map.ofEntries(Map.entry("trip_create", "everybody"),
            Map.entry("trip_edit", "owner"), Map.entry("trip_delete", "owner"), Map.entry("member_manage", "owner"),
            Map.entry("share_manage", "owner"), Map.entry("day_edit", "member"), Map.entry("place_edit", "member"),
            Map.entry("reservation_edit", "member"), Map.entry("budget_edit", "member"), Map.entry("packing_edit", "member"),
            Map.entry("collab_edit", "member"));

    public final TrekServer server = TrekServer.shared();
    private final WebClient admin;
    private final Map<String, McpTestClient> sessions = new ConcurrentHashMap<>();

    /** A user with a password and a token carrying every scope. */
    public record Account(String name, long id, String token) {
    }

    public McpTripHarness() {
        admin = new WebClient(server);
        assertEquals(302, admin.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD).statusCode());
    }

    // ---------------------------------------------------------------- users and tokens

    /** A new non-admin user (admin screen), without a token. */
    public synchronized Account newUser(String prefix) {
        String name = TestUsers.create(admin, prefix, PASSWORD);
        Matcher m = Pattern.compile("<td>" + Pattern.quote(name) + "</td>.*?name=\"id\" value=\"(\\d+)\"", Pattern.DOTALL)
                .matcher(admin.get("/admin/users").body());
        assertTrue(m.find(), "user row for " + name);
        return new Account(name, Long.parseLong(m.group(1)), null);
    }

    /** A new user with a token for every scope. */
    public Account newAccount(String prefix) {
        Account a = newUser(prefix);
        return new Account(a.name(), a.id(), token(a, ScopeCatalog.names()));
    }

    /** An OAuth access token of the user with exactly these scopes (the user consents on the real screen). */
    public String token(Account a, List<String> scopes) {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(a.name(), PASSWORD).statusCode());
        JsonObject tokens = new OAuthHarness(server).connectPublicClient(web, String.join(" ", scopes));
        String token = tokens.getString("access_token");
        assertTrue(token.startsWith("trekoa_"), token);
        assertEquals(Set.copyOf(scopes), Set.of(tokens.getString("scope").split(" ")), "granted as asked");
        return token;
    }

    /** Every scope except those that grant {@code scope} (implications included). */
    public static List<String> allBut(String scope) {
        return ScopeCatalog.names().stream().filter(s -> !ScopeCatalog.allows(Set.of(s), scope)).toList();
    }

    // ---------------------------------------------------------------- calls

    /** tools/call on the given wire ("2025-11-25": one legacy session per token, reused; "2026-07-28": stateless). */
    public McpTestClient.Answer call(String token, String wire, String tool, JsonObject arguments) {
        JsonObject params = Json.createObjectBuilder().add("name", tool).add("arguments", arguments).build();
        if (MODERN.equals(wire)) {
            return new McpTestClient(server.baseUrl(), token).modern("tools/call", params);
        }
        return session(token).legacy("tools/call", params);
    }

    public McpTestClient session(String token) {
        return sessions.computeIfAbsent(token, t -> {
            McpTestClient c = new McpTestClient(server.baseUrl(), t);
            assertEquals(200, c.initialize(LEGACY).status());
            assertEquals(LEGACY, c.revision);
            return c;
        });
    }

    /** The tools a token sees (modern tools/list, every page). */
    public Map<String, JsonObject> tools(String token) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        String cursor = null;
        for (int page = 0; page < 20; page++) {
            JsonObjectBuilder p = Json.createObjectBuilder();
            if (cursor != null) {
                p.add("cursor", cursor);
            }
            JsonObject r = new McpTestClient(server.baseUrl(), token).modern("tools/list", p.build()).result();
            r.getJsonArray("tools").forEach(t -> out.put(t.asJsonObject().getString("name"), t.asJsonObject()));
            cursor = r.getString("nextCursor", null);
            if (cursor == null) {
                return out;
            }
        }
        throw new AssertionError("tools/list never ended");
    }

    /** A successful call's structuredContent (modern wire); fails the test on an error. */
    public JsonObject ok(Account a, String tool, JsonObjectBuilder arguments) {
        JsonObject result = call(a.token(), MODERN, tool, arguments.build()).result();
        assertFalse(result.getBoolean("isError", false), () -> tool + " failed: " + result);
        return result.getJsonObject("structuredContent");
    }

    /** The text of a call that must be a domain error (isError true, no structuredContent). */
    public String error(Account a, String wire, String tool, JsonObject arguments) {
        McpTestClient.Answer answer = call(a.token(), wire, tool, arguments);
        assertEquals(200, answer.status(), () -> tool + ": " + answer.response().body());
        JsonObject result = answer.result();
        assertTrue(result.getBoolean("isError", false), () -> tool + " should have failed: " + result);
        assertFalse(result.containsKey("structuredContent"), () -> tool + ": an error carries no data: " + result);
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    public static long id(JsonObject o, String key) {
        return o.getJsonObject(key).getJsonNumber("id").longValue();
    }

    // ---------------------------------------------------------------- admin settings

    /** Sets a permission level on Admin → Permissions (with its CSRF token). */
    public synchronized void permission(String key, String level) {
        admin.get("/admin/permissions");
        HttpResponse<String> r = admin.post("/admin/permissions", Map.of("permission", key, "level", level));
        assertEquals(302, r.statusCode(), r.body());
    }

    public synchronized void addon(String addon, boolean enabled) {
        admin.get("/admin/addons");
        HttpResponse<String> r = admin.post("/admin/addons", Map.of("addon", addon, "enabled", String.valueOf(enabled)));
        assertEquals(302, r.statusCode(), r.body());
    }

    /** Switches a part of an addon (collab's notes, polls, chat) on Admin → Addons (with its CSRF token). */
    public synchronized void addonPart(String addon, String part, boolean enabled) {
        admin.get("/admin/addons");
        HttpResponse<String> r = admin.post("/admin/addons", Map.of("addon", addon, "part", part, "enabled", String.valueOf(enabled)));
        assertEquals(302, r.statusCode(), r.body());
    }

    /** An admin screen's page (signed in as the admin). */
    public synchronized String adminPage(String path) {
        return admin.get(path).body();
    }

    public static JsonObject without(JsonObject o, String key) {
        JsonObjectBuilder b = Json.createObjectBuilder(o);
        b.remove(key);
        return b.build();
    }

    public static JsonObject with(JsonObject o, String key, JsonValue value) {
        return Json.createObjectBuilder(o).add(key, value).build();
    }
}
