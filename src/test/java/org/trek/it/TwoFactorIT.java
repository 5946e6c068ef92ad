package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trek.account.twofactor.Totp;
import org.trek.oauth.OAuthHarness;

/**
 * Two-factor sign-in end to end: enrolment in Settings → Security (codes computed here from the secret the page
 * shows), the code step of the sign-in, no replay, recovery codes, disabling with the password, throttling, the
 * admin policy with forced enrolment, the admin reset, and the code step inside an OAuth authorization.
 */
class TwoFactorIT {
    private static final Pattern SECRET = Pattern.compile("id=\"two-factor-secret\" class=\"secret\">([A-Z2-7 ]+)</code>");
    private static final Pattern CODES = Pattern.compile("<li><code>([a-z2-7-]{19})</code></li>");

    private final TrekServer server = TrekServer.shared();

    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    static String now(String secret) {
        return Totp.codeAt(secret, Totp.step(Instant.now()));
    }

    /** A code accepted after {@code used}: the next step's (one step of drift is allowed). */
    static String next(String secret) {
        return Totp.codeAt(secret, Totp.step(Instant.now()) + 1);
    }

    static String wrong(String secret) {
        String a = now(secret);
        String candidate = "000000";
        for (int i = 0; i < 10; i++) {
            candidate = String.valueOf(i).repeat(6);
            if (!candidate.equals(a) && !candidate.equals(next(secret)) && !candidate.equals(Totp.codeAt(secret, Totp.step(Instant.now()) - 1))) {
                break;
            }
        }
        return candidate;
    }

    static String secretOn(String page) {
        Matcher m = SECRET.matcher(page);
        assertTrue(m.find(), page);
        return m.group(1).replace(" ", "");
    }

    static List<String> codesOn(String page) {
        Matcher m = CODES.matcher(page);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertTrue(page.contains("id=\"recovery-codes\""), page);
        return out;
    }

    record Enrolled(String secret, List<String> recoveryCodes, String enrolCode) {
    }

    /** Turns two-factor on for the signed-in user of {@code web} through Settings → Security. */
    static Enrolled enrol(WebClient web) {
        HttpResponse<String> off = web.get("/settings/two-factor");
        assertEquals(200, off.statusCode());
        assertTrue(off.body().contains("Two-factor sign-in is <strong>off</strong>"), off.body());
        assertEquals(302, web.post("/settings/two-factor", Map.of("action", "start")).statusCode());
        HttpResponse<String> setup = web.get("/settings/two-factor");
        assertTrue(setup.body().contains("src=\"data:image/svg+xml;base64,"), "the QR code is drawn by the server");
        String secret = secretOn(setup.body());
        HttpResponse<String> bad = web.post("/settings/two-factor", Map.of("action", "confirm", "code", wrong(secret)));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("id=\"code-error\""), "the error is shown at the code field");
        assertEquals(secret, secretOn(bad.body()), "the same secret is still offered");
        String code = now(secret);
        HttpResponse<String> ok = web.post("/settings/two-factor", Map.of("action", "confirm", "code", code));
        assertEquals(302, ok.statusCode(), ok.body());
        HttpResponse<String> shown = web.get("/settings/two-factor");
        List<String> codes = codesOn(shown.body());
        assertEquals(10, codes.size());
        HttpResponse<String> again = web.get("/settings/two-factor");
        assertFalse(again.body().contains("id=\"recovery-codes\""), "recovery codes are shown once");
        assertTrue(again.body().contains("Two-factor sign-in is <strong>on</strong>"));
        assertTrue(again.body().contains("Recovery codes left: <strong>10</strong>"), again.body());
        return new Enrolled(secret, codes, code);
    }

    static WebClient signedIn(TrekServer server, String user, String password) {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(user, password).statusCode());
        return web;
    }

    /** Password step; asserts it leads to the code step, not into the application. */
    static WebClient passwordOnly(TrekServer server, String user) {
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.login(user, TestUsers.PASSWORD);
        assertEquals(302, r.statusCode());
        assertTrue(location(r).contains("/login/two-factor?next=%2F"), location(r));
        assertTrue(location(web.get("/trips")).contains("/login?next="), "not signed in before the second step");
        assertEquals(200, web.get("/login/two-factor").statusCode());
        return web;
    }

    @Test
    void enrolSignInWithACodeOnceRecoveryCodesOnceAndDisableWithThePassword() {
        String user = TestUsers.create(server);
        Enrolled e = enrol(signedIn(server, user, TestUsers.PASSWORD));

        WebClient web = passwordOnly(server, user);
        HttpResponse<String> replay = web.post("/login/two-factor", Map.of("code", e.enrolCode(), "next", "/"));
        assertEquals(401, replay.statusCode(), "the code used to enrol does not work again");
        assertTrue(replay.body().contains("id=\"code-error\""));
        String code = next(e.secret());
        HttpResponse<String> ok = web.post("/login/two-factor", Map.of("code", code, "next", "/"));
        assertEquals(302, ok.statusCode(), ok.body());
        assertEquals(server.baseUrl() + "/", location(ok));
        assertEquals(200, web.get("/trips").statusCode());

        WebClient second = passwordOnly(server, user);
        assertEquals(401, second.post("/login/two-factor", Map.of("code", code, "next", "/")).statusCode(),
                "a code is accepted once, also within its window");

        WebClient recovery = passwordOnly(server, user);
        HttpResponse<String> rec = recovery.post("/login/two-factor", Map.of("code", e.recoveryCodes().get(0), "next", "/"));
        assertEquals(302, rec.statusCode(), rec.body());
        assertTrue(recovery.get("/").body().contains("recovery code; 9 left"));
        WebClient recoveryAgain = passwordOnly(server, user);
        assertEquals(401, recoveryAgain.post("/login/two-factor", Map.of("code", e.recoveryCodes().get(0), "next", "/")).statusCode(),
                "each recovery code works once");
        assertEquals(302, recoveryAgain.post("/login/two-factor", Map.of("code",
                e.recoveryCodes().get(1).toUpperCase().replace("-", " "), "next", "/")).statusCode());
        assertTrue(recoveryAgain.get("/settings/two-factor").body().contains("Recovery codes left: <strong>8</strong>"));

        HttpResponse<String> badPassword = recoveryAgain.post("/settings/two-factor", Map.of("action", "disable", "password", "not-my-password"));
        assertEquals(400, badPassword.statusCode());
        assertTrue(badPassword.body().contains("id=\"password-error\""));
        assertEquals(302, recoveryAgain.post("/settings/two-factor", Map.of("action", "disable", "password", TestUsers.PASSWORD)).statusCode());
        HttpResponse<String> plain = new WebClient(server).login(user, TestUsers.PASSWORD);
        assertEquals(server.baseUrl() + "/", location(plain), "after disabling, the password alone signs in");

        String audit = auditOf(user);
        for (String action : new String[] {"auth.two_factor.enrol", "auth.two_factor.failed", "auth.two_factor.recovery_used",
                "auth.two_factor.disable"}) {
            assertTrue(audit.contains(action), action + " in " + audit);
        }
    }

    @Test
    void newRecoveryCodesNeedThePasswordAndReplaceTheOldOnes() {
        String user = TestUsers.create(server);
        WebClient web = signedIn(server, user, TestUsers.PASSWORD);
        Enrolled e = enrol(web);
        assertTrue(web.get("/settings/two-factor").body().contains("id=\"new-codes\""));
        HttpResponse<String> wrong = web.post("/settings/two-factor", Map.of("action", "new-codes", "password", "not-my-password"));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("id=\"codes-password-error\""), "the error is at this form's password field");
        assertFalse(wrong.body().contains("id=\"password-error\""), "not at the turn-off form's");

        assertEquals(302, web.post("/settings/two-factor", Map.of("action", "new-codes", "password", TestUsers.PASSWORD)).statusCode());
        HttpResponse<String> shown = web.get("/settings/two-factor");
        List<String> fresh = codesOn(shown.body());
        assertEquals(10, fresh.size());
        assertTrue(shown.body().contains("Your old recovery codes no longer work."));
        assertFalse(fresh.contains(e.recoveryCodes().get(0)));
        assertFalse(web.get("/settings/two-factor").body().contains("id=\"recovery-codes\""), "shown once");

        WebClient old = passwordOnly(server, user);
        assertEquals(401, old.post("/login/two-factor", Map.of("code", e.recoveryCodes().get(0), "next", "/")).statusCode(),
                "an old recovery code no longer works");
        assertEquals(302, old.post("/login/two-factor", Map.of("code", fresh.get(0), "next", "/")).statusCode(),
                "a new one does");
        assertTrue(auditOf(user).contains("auth.two_factor.recovery_codes_renewed"));
    }

    @Test
    void theCodeStepIsThrottledLikeThePasswordStep() {
        String user = TestUsers.create(server);
        Enrolled e = enrol(signedIn(server, user, TestUsers.PASSWORD));
        WebClient web = passwordOnly(server, user);
        String wrong = wrong(e.secret());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, web.post("/login/two-factor", Map.of("code", wrong, "next", "/")).statusCode());
        }
        HttpResponse<String> blocked = web.post("/login/two-factor", Map.of("code", next(e.secret()), "next", "/"));
        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.body().contains("Too many wrong codes"), blocked.body());
        assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        // a correct password again does not buy fresh guesses
        WebClient again = passwordOnly(server, user);
        assertEquals(429, again.post("/login/two-factor", Map.of("code", next(e.secret()), "next", "/")).statusCode());
        assertTrue(auditOf(user).contains("auth.two_factor.blocked"));
    }

    @Test
    void thePasswordToTurnItOffIsThrottledLikeSignIn() {
        String user = TestUsers.create(server);
        WebClient web = signedIn(server, user, TestUsers.PASSWORD);
        enrol(web);
        for (int i = 0; i < 5; i++) {
            assertEquals(400, web.post("/settings/two-factor", Map.of("action", "disable", "password", "guess-" + i)).statusCode());
        }
        HttpResponse<String> blocked = web.post("/settings/two-factor", Map.of("action", "disable", "password", TestUsers.PASSWORD));
        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.body().contains("Too many wrong passwords"), blocked.body());
        assertTrue(web.get("/settings/two-factor").body().contains("Two-factor sign-in is <strong>on</strong>"), "still on");
        assertTrue(auditOf(user).contains("password_to_disable"));
    }

    @Test
    void withoutAPendingPasswordStepTheCodePageSendsToSignIn() {
        WebClient web = new WebClient(server);
        web.get("/login");
        HttpResponse<String> r = web.post("/login/two-factor", Map.of("code", "123456", "next", "/trips"));
        assertEquals(302, r.statusCode());
        assertTrue(location(r).contains("/login?expired=1&next=%2Ftrips"), location(r));
    }

    @Test
    void thePolicySendsUsersWithoutTwoFactorToEnrolmentAndAdminsCanResetIt() {
        WebClient admin = signedIn(server, TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        String user = TestUsers.create(admin, "tf", TestUsers.PASSWORD);
        admin.get("/admin/users");
        HttpResponse<String> on = admin.post("/admin/users", Map.of("action", "two-factor-policy", "required", "on"));
        assertEquals(302, on.statusCode());
        try {
            assertTrue(admin.get("/admin/users").body().contains("name=\"required\" checked"));
            WebClient web = new WebClient(server);
            HttpResponse<String> login = web.login(user, TestUsers.PASSWORD);
            assertTrue(location(login).contains("/login/two-factor"), location(login));
            assertTrue(location(web.get("/trips")).contains("/login?next="), "nothing else is reachable before enrolment");
            assertTrue(location(web.get("/settings/mcp")).contains("/login?next="));
            HttpResponse<String> page = web.get("/login/two-factor");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Your administrator requires two-factor sign-in"), page.body());
            String secret = secretOn(page.body());
            assertEquals(400, web.post("/login/two-factor", Map.of("code", wrong(secret), "next", "/")).statusCode());
            HttpResponse<String> enrolled = web.post("/login/two-factor", Map.of("code", now(secret), "next", "/trips"));
            assertEquals(302, enrolled.statusCode(), enrolled.body());
            assertTrue(location(enrolled).contains("/settings/two-factor?next=%2Ftrips"), location(enrolled));
            HttpResponse<String> codes = web.get("/settings/two-factor?next=%2Ftrips");
            assertEquals(10, codesOn(codes.body()).size());
            assertTrue(codes.body().contains("href=\"/trips\"") || codes.body().contains("/trips\">I have saved them"), codes.body());
            assertEquals(200, web.get("/trips").statusCode(), "signed in once enrolled");
            HttpResponse<String> cannot = web.post("/settings/two-factor", Map.of("action", "disable", "password", TestUsers.PASSWORD));
            assertEquals(400, cannot.statusCode(), "the policy keeps it on");

            // Admin → Users shows it and can reset it (a lost phone)
            HttpResponse<String> users = admin.get("/admin/users");
            assertTrue(users.body().contains("Reset two-factor of " + user), users.body());
            String id = userId(users.body(), user);
            HttpResponse<String> reset = admin.post("/admin/users", Map.of("action", "reset-two-factor", "id", id));
            assertEquals(302, reset.statusCode());
            assertTrue(admin.get("/admin/users").body().contains("Two-factor sign-in reset"));
            HttpResponse<String> relogin = new WebClient(server).login(user, TestUsers.PASSWORD);
            assertTrue(location(relogin).contains("/login/two-factor"), "enrol again under the policy");
        } finally {
            admin.get("/admin/users");
            assertEquals(302, admin.post("/admin/users", Map.of("action", "two-factor-policy")).statusCode());
        }
        assertFalse(admin.get("/admin/users").body().contains("name=\"required\" checked"));
        String audit = admin.get("/admin/audit?action=admin.two_factor_policy").body();
        assertTrue(audit.contains("admin.two_factor_policy"), audit);
        String resets = admin.get("/admin/audit?action=admin.user.two_factor_reset").body();
        assertTrue(resets.contains(user), resets);
    }

    @Test
    void theCodeStepInsideAnOAuthAuthorizationComesBackToTheSameConsentPage() {
        String user = TestUsers.create(server);
        Enrolled e = enrol(signedIn(server, user, TestUsers.PASSWORD));
        OAuthHarness h = new OAuthHarness(server);
        JsonObject reg = h.register("none", null, "http://127.0.0.1/callback");
        String verifier = OAuthHarness.newVerifier();
        Map<String, String> params = h.authorizeParams(reg.getString("client_id"), "http://127.0.0.1:45679/callback",
                verifier, "trips:read", "two-factor");
        String path = OAuthHarness.authorizePath(params);

        WebClient browser = new WebClient(server);
        HttpResponse<String> first = browser.get(path);
        String next = OAuthHarness.query(location(first)).get("next");
        assertEquals(path, next);
        browser.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        HttpResponse<String> password = browser.post("/login", Map.of("login", user, "password", TestUsers.PASSWORD, "next", next));
        assertTrue(location(password).contains("/login/two-factor?next="), location(password));
        assertEquals(path, OAuthHarness.query(location(password)).get("next"));
        HttpResponse<String> step = browser.get(location(password).substring(server.baseUrl().length()));
        assertEquals(200, step.statusCode());
        assertTrue(step.body().contains("value=\"" + path.replace("&", "&amp;") + "\""), "next kept in the code form");
        assertEquals(401, browser.post("/login/two-factor", Map.of("code", wrong(e.secret()), "next", next)).statusCode());
        HttpResponse<String> done = browser.post("/login/two-factor", Map.of("code", next(e.secret()), "next", next));
        assertEquals(302, done.statusCode(), done.body());
        assertTrue(location(done).endsWith(path), location(done));

        HttpResponse<String> consent = browser.get(path);
        assertEquals(200, consent.statusCode());
        assertTrue(consent.body().contains("IT client"), "the pending authorization's consent page");
        HttpResponse<String> approved = h.submitConsent(browser, consent.body(), "approve", List.of("trips:read"));
        assertEquals(302, approved.statusCode(), approved.body());
        Map<String, String> q = OAuthHarness.query(location(approved));
        assertEquals("two-factor", q.get("state"));
        HttpResponse<String> tokens = h.exchange(reg.getString("client_id"), null, false, q.get("code"),
                "http://127.0.0.1:45679/callback", verifier);
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertNotEquals("", OAuthHarness.json(tokens).getString("access_token"));
    }

    private String auditOf(String username) {
        WebClient admin = signedIn(server, TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        return admin.get("/admin/audit?user=" + URLEncoder.encode(username, StandardCharsets.UTF_8)).body();
    }

    private static String userId(String usersPage, String username) {
        Matcher m = Pattern.compile("name=\"id\" value=\"(\\d+)\"><input type=\"hidden\" name=\"action\" value=\"reset-two-factor\">"
                + "\\s*<button type=\"submit\" class=\"small\" aria-label=\"Reset two-factor of " + Pattern.quote(username) + "\"")
                .matcher(usersPage);
        assertTrue(m.find(), usersPage);
        return m.group(1);
    }
}
