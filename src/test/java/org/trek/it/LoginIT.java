package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in, sign-out, throttling, CSRF, Origin checks, the "next" return path and the session cookie. */
class LoginIT {

    private final TrekServer server = TrekServer.shared();

    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    @Test
    void signInWithEmailOrUsernameAndSignOut() {
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.login(TrekServer.ADMIN_EMAIL.toUpperCase(), TrekServer.ADMIN_PASSWORD);
        assertEquals(302, r.statusCode());
        assertTrue(location(r).endsWith("/"), location(r));
        assertEquals(200, web.get("/").statusCode());

        WebClient byName = new WebClient(server);
        assertEquals(302, byName.login(TrekServer.ADMIN_USERNAME, TrekServer.ADMIN_PASSWORD).statusCode());
        byName.get("/");
        HttpResponse<String> out = byName.post("/logout", Map.of());
        assertEquals(302, out.statusCode());
        assertTrue(location(byName.get("/")).contains("/login"));
    }

    @Test
    void wrongPasswordIsRefusedWithAClearMessage() {
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.login(TrekServer.ADMIN_EMAIL, "wrong-password");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("Wrong e-mail/username or password."));
        assertTrue(location(web.get("/")).contains("/login"), "still signed out");
    }

    @Test
    void fiveFailuresBlockTheAccountFromThisAddressEvenWithTheRightPassword() {
        String name = TestUsers.create(server, "right-password-1");
        WebClient web = new WebClient(server);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, web.login(name, "wrong-" + i).statusCode());
        }
        HttpResponse<String> blocked = web.login(name, "right-password-1");
        assertEquals(429, blocked.statusCode());
        assertTrue(blocked.body().contains("Too many failed sign-in attempts"), blocked.body());
        assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        // another account from the same address is not affected
        assertEquals(302, new WebClient(server).login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD).statusCode());
    }

    @Test
    void loginWithoutOrWithAWrongCsrfTokenIsRefused() {
        WebClient web = new WebClient(server);
        web.get("/login");
        HttpResponse<String> none = web.postRaw("/login", Map.of("login", TrekServer.ADMIN_EMAIL,
                "password", TrekServer.ADMIN_PASSWORD), server.baseUrl());
        assertEquals(403, none.statusCode());
        HttpResponse<String> wrong = web.postRaw("/login", Map.of("_csrf", "forged", "login", TrekServer.ADMIN_EMAIL,
                "password", TrekServer.ADMIN_PASSWORD), server.baseUrl());
        assertEquals(403, wrong.statusCode());
        assertTrue(location(web.get("/")).contains("/login"), "not signed in");
    }

    @Test
    void aFormPostedFromAnotherOriginIsRefusedEvenWithTheToken() {
        WebClient web = new WebClient(server);
        web.get("/login");
        HttpResponse<String> r = web.postRaw("/login", Map.of("_csrf", web.csrf(), "login", TrekServer.ADMIN_EMAIL,
                "password", TrekServer.ADMIN_PASSWORD), "https://evil.example");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("another site"));
    }

    @Test
    void nextIsHonouredForSameOriginPathsOnly() {
        WebClient web = new WebClient(server);
        web.get("/login?next=%2Fadmin%2Faudit");
        HttpResponse<String> ok = web.post("/login", Map.of("login", TrekServer.ADMIN_EMAIL,
                "password", TrekServer.ADMIN_PASSWORD, "next", "/admin/audit?page=0"));
        assertEquals(server.baseUrl() + "/admin/audit?page=0", location(ok));

        for (String evil : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            WebClient other = new WebClient(server);
            other.get("/login");
            HttpResponse<String> r = other.post("/login", Map.of("login", TrekServer.ADMIN_EMAIL,
                    "password", TrekServer.ADMIN_PASSWORD, "next", evil));
            assertEquals(302, r.statusCode());
            assertEquals(server.baseUrl() + "/", location(r), "next=" + evil);
        }
    }

    @Test
    void aProtectedPageSendsAnonymousVisitorsToLoginAndBack() {
        WebClient web = new WebClient(server);
        HttpResponse<String> r = web.get("/admin/addons?x=1");
        assertEquals(302, r.statusCode());
        assertTrue(location(r).contains("/login?next=%2Fadmin%2Faddons%3Fx%3D1"), location(r));
        HttpResponse<String> page = web.get("/login?next=%2Fadmin%2Faddons%3Fx%3D1");
        assertTrue(page.body().contains("value=\"/admin/addons?x=1\""), "next kept in the form");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLaxAndRenewedAtLogin() {
        WebClient web = new WebClient(server);
        HttpResponse<String> page = web.get("/login");
        String before = page.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(before.contains("HttpOnly"), before);
        assertTrue(before.contains("SameSite=Lax"), before);
        assertFalse(before.contains("Secure"), "plain-http APP_URL: no Secure flag");
        HttpResponse<String> login = web.post("/login", Map.of("login", TrekServer.ADMIN_EMAIL, "password", TrekServer.ADMIN_PASSWORD));
        String after = login.headers().firstValue("Set-Cookie").orElse("");
        assertFalse(after.isEmpty(), "a new session id after login (no fixation)");
        assertFalse(after.split(";")[0].equals(before.split(";")[0]));
    }
}
