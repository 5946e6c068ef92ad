package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.oauth.OAuthHarness;

/**
 * The password policy on every screen that sets a password (admin create, admin reset, the user's own change) with
 * the message at the field, and the forced change of an admin-set password: nothing else is reachable until it is
 * done, a pending OAuth authorization included, which goes on afterwards.
 */
class PasswordPolicyIT {
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

    /** Creates a user through the admin screen with this admin-set password; answers the username. */
    private static String createWithAdminPassword(WebClient admin, String password) {
        String name = "pw" + UUID.randomUUID().toString().substring(0, 8);
        admin.get("/admin/users");
        HttpResponse<String> r = admin.post("/admin/users", Map.of("action", "create", "username", name,
                "email", name + "@trek.test", "password", password, "role", "user"));
        assertEquals(302, r.statusCode());
        assertTrue(LoginIT.location(r).endsWith("/admin/users"), "created: " + LoginIT.location(r));
        return name;
    }

    @Test
    void adminCreateRefusesWeakPasswordsAtTheFieldAndKeepsTheInput() {
        WebClient admin = admin();
        String name = "weak" + UUID.randomUUID().toString().substring(0, 6);
        for (String[] weak : List.of(
                new String[] {"password", "at least 12 characters"},
                new String[] {"password1234", "too common"},
                new String[] {name + "-secret-1", "must not contain your"},
                new String[] {"abcdefghijklmnop", "too predictable"})) {
            admin.get("/admin/users");
            HttpResponse<String> r = admin.post("/admin/users", Map.of("action", "create", "username", name,
                    "email", name + "@trek.test", "password", weak[0], "role", "admin"));
            assertTrue(LoginIT.location(r).endsWith("/admin/users#create-user"), LoginIT.location(r));
            String page = admin.get("/admin/users").body();
            String field = page.substring(page.indexOf("id=\"new-password\""));
            assertTrue(field.contains("aria-invalid=\"true\""), "the password field is marked");
            String error = page.substring(page.indexOf("id=\"new-password-error\""));
            assertTrue(error.substring(0, 300).contains(weak[1]), weak[0] + ": " + error.substring(0, 300));
            assertTrue(page.contains("value=\"" + name + "\""), "username kept");
            assertTrue(page.contains("<option value=\"admin\" selected>"), "role kept");
            assertFalse(page.contains("<td>" + name + "</td>"), "not created");
        }
    }

    @Test
    void adminResetIsCheckedAgainstThatUsersNameAndForcesAChange() {
        WebClient admin = admin();
        String name = TestUsers.create(server);
        long id = AdminIT.userId(admin.get("/admin/users").body(), name);
        HttpResponse<String> r = admin.post("/admin/users", Map.of("action", "reset-password", "id", String.valueOf(id),
                "password", "my-name-is-" + name));
        assertTrue(LoginIT.location(r).endsWith("/admin/users#user-" + id), LoginIT.location(r));
        String page = admin.get("/admin/users").body();
        assertTrue(page.contains("id=\"pw-" + id + "-error\""), "message at that user's reset field");
        assertTrue(page.contains("must not contain your"));
        assertEquals(302, new WebClient(server).login(name, TestUsers.PASSWORD).statusCode(), "password unchanged");

        admin.post("/admin/users", Map.of("action", "reset-password", "id", String.valueOf(id),
                "password", "violet-meadow-canoe-3"));
        assertTrue(admin.get("/admin/users").body().contains("must choose a new password at their next sign-in"));
        WebClient user = new WebClient(server);
        assertEquals(302, user.login(name, "violet-meadow-canoe-3").statusCode());
        assertTrue(LoginIT.location(user.get("/trips")).endsWith("/settings/password?next=%2Ftrips"), "forced change");
    }

    @Test
    void anAdminSetPasswordMustBeChangedBeforeAnythingElse() {
        WebClient admin = admin();
        String name = createWithAdminPassword(admin, "granite-willow-ferry-5");
        assertTrue(admin.get("/admin/users").body().contains("must change password"), "shown in the list");
        WebClient user = new WebClient(server);
        assertEquals(302, user.login(name, "granite-willow-ferry-5").statusCode());
        for (String page : List.of("/", "/trips", "/settings/mcp", "/settings/tokens")) {
            String to = LoginIT.location(user.get(page));
            assertTrue(to.contains("/settings/password"), page + " -> " + to);
        }
        user.get("/settings/password");
        HttpResponse<String> post = user.post("/settings/tokens", Map.of("action", "create", "name", "sneaky"));
        assertTrue(LoginIT.location(post).endsWith("/settings/password"), "a form elsewhere is refused too");
        String screen = user.get("/settings/password?next=%2Fsettings%2Fmcp").body();
        assertTrue(screen.contains("id=\"password-required\""), "says why");
        assertTrue(screen.contains("name=\"next\" value=\"/settings/mcp\""));

        // each refusal comes back at its field
        assertFieldError(user, Map.of("current", "wrong-password-99", "password", "sunlit-orchard-bridge-8",
                "confirm", "sunlit-orchard-bridge-8"), "current", "current password is not right");
        assertFieldError(user, Map.of("current", "granite-willow-ferry-5", "password", "iloveyou12345",
                "confirm", "iloveyou12345"), "password", "too common");
        assertFieldError(user, Map.of("current", "granite-willow-ferry-5", "password", "granite-willow-ferry-5",
                "confirm", "granite-willow-ferry-5"), "password", "different from your current one");
        assertFieldError(user, Map.of("current", "granite-willow-ferry-5", "password", "sunlit-orchard-bridge-8",
                "confirm", "sunlit-orchard-bridge-9"), "confirm", "do not match");

        user.get("/settings/password?next=%2Fsettings%2Fmcp");
        HttpResponse<String> done = user.post("/settings/password", Map.of("current", "granite-willow-ferry-5",
                "password", "sunlit-orchard-bridge-8", "confirm", "sunlit-orchard-bridge-8", "next", "/settings/mcp"));
        assertTrue(LoginIT.location(done).endsWith("/settings/mcp"), "on to where the user was going");
        HttpResponse<String> mcp = user.get("/settings/mcp");
        assertEquals(200, mcp.statusCode(), "this browser stays signed in");
        assertTrue(mcp.body().contains("Your password was changed."));
        assertEquals(401, new WebClient(server).login(name, "granite-willow-ferry-5").statusCode());
        WebClient again = new WebClient(server);
        assertEquals(302, again.login(name, "sunlit-orchard-bridge-8").statusCode());
        assertEquals(200, again.get("/trips").statusCode(), "no forced change any more");
        String audit = admin.get("/admin/audit?action=account.password_change").body();
        assertTrue(audit.contains("account.password_change"), "audited");
    }

    @Test
    void aUserChangesTheirOwnPasswordAndOtherBrowsersAreSignedOut() {
        String name = TestUsers.create(server);
        WebClient one = new WebClient(server);
        WebClient two = new WebClient(server);
        assertEquals(302, one.login(name, TestUsers.PASSWORD).statusCode());
        assertEquals(302, two.login(name, TestUsers.PASSWORD).statusCode());
        String screen = one.get("/settings/password").body();
        assertFalse(screen.contains("id=\"password-required\""), "not forced");
        assertTrue(screen.contains("autocomplete=\"current-password\"") && screen.contains("autocomplete=\"new-password\""));
        HttpResponse<String> r = one.post("/settings/password", Map.of("current", TestUsers.PASSWORD,
                "password", "quiet-river-stones-4", "confirm", "quiet-river-stones-4"));
        assertTrue(LoginIT.location(r).endsWith("/settings/password"));
        assertEquals(200, one.get("/trips").statusCode(), "this browser goes on");
        assertTrue(LoginIT.location(two.get("/trips")).contains("/login"), "the other browser is signed out");
        assertEquals(302, new WebClient(server).login(name, "quiet-river-stones-4").statusCode());
    }

    @Test
    void theChangePasswordFormNeedsTheCsrfToken() {
        String name = TestUsers.create(server);
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(name, TestUsers.PASSWORD).statusCode());
        web.get("/settings/password");
        HttpResponse<String> r = web.post("/settings/password", Map.of("_csrf", "forged", "current", TestUsers.PASSWORD,
                "password", "quiet-river-stones-5", "confirm", "quiet-river-stones-5"));
        assertEquals(403, r.statusCode());
        assertEquals(302, new WebClient(server).login(name, TestUsers.PASSWORD).statusCode(), "unchanged");
    }

    @Test
    void aPendingOAuthAuthorizationSurvivesTheForcedChange() {
        WebClient admin = admin();
        String name = createWithAdminPassword(admin, "copper-meadow-lantern-2");
        OAuthHarness h = new OAuthHarness(server);
        String clientId = h.register("none", null, "http://127.0.0.1/callback").getString("client_id");
        String path = OAuthHarness.authorizePath(h.authorizeParams(clientId, "http://127.0.0.1:45679/callback",
                OAuthHarness.newVerifier(), "trips:read", "survives"));
        WebClient browser = new WebClient(server);
        String login = LoginIT.location(browser.get(path));
        String next = OAuthHarness.query(login).get("next");
        assertEquals(path, next);
        browser.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        HttpResponse<String> signedIn = browser.post("/login", Map.of("login", name, "password", "copper-meadow-lantern-2",
                "next", next));
        assertTrue(LoginIT.location(signedIn).endsWith(path));
        String change = LoginIT.location(browser.get(path));
        assertTrue(change.contains("/settings/password?next="), "sent to change the password first: " + change);
        String changeNext = OAuthHarness.query(change).get("next");
        assertEquals(path, changeNext, "the pending authorization is kept");
        browser.get("/settings/password?next=" + URLEncoder.encode(changeNext, StandardCharsets.UTF_8));
        HttpResponse<String> changed = browser.post("/settings/password", Map.of("current", "copper-meadow-lantern-2",
                "password", "amber-harbor-violin-6", "confirm", "amber-harbor-violin-6", "next", changeNext));
        assertTrue(LoginIT.location(changed).endsWith(path), LoginIT.location(changed));
        HttpResponse<String> consent = browser.get(path);
        assertEquals(200, consent.statusCode());
        assertTrue(consent.body().contains("IT client"), "the consent page of the pending authorization");
    }

    private static void assertFieldError(WebClient user, Map<String, String> form, String field, String message) {
        user.get("/settings/password?next=%2Fsettings%2Fmcp");
        HttpResponse<String> r = user.post("/settings/password", new java.util.HashMap<>(form) {{
            put("next", "/settings/mcp");
        }});
        assertTrue(LoginIT.location(r).contains("/settings/password?next=%2Fsettings%2Fmcp"), LoginIT.location(r));
        String page = user.get(LoginIT.location(r).substring(LoginIT.location(r).indexOf("/settings"))).body();
        assertTrue(page.contains("id=\"" + field + "-error\""), field + " error shown at the field");
        String error = page.substring(page.indexOf("id=\"" + field + "-error\""));
        assertTrue(error.substring(0, 200).contains(message), error.substring(0, 200));
    }
}
