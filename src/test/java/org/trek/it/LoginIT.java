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
        // the sign-out form works on the container's own error pages too (they carry the CSRF token)
        HttpResponse<String> missing = byName.get("/no-such-page");
        assertEquals(404, missing.statusCode());
        assertTrue(java.util.regex.Pattern.compile("name=\"_csrf\" value=\"[^\"]+\"").matcher(missing.body()).find(),
                missing.body());
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
    void guessesSentInParallelAreCountedBeforeThePasswordCheck() throws Exception {
        String name = TestUsers.create(server, "right-password-2");
        // Twelve wrong guesses at once, each from its own browser: the slow password hash must not let them all in.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                futures.add(pool.submit(() -> new WebClient(server).login(name, "wrong-parallel-" + n).statusCode()));
            }
            int checked = 0;
            for (var f : futures) {
                int status = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(status == 401 || status == 429, "status " + status);
                checked += status == 401 ? 1 : 0;
            }
            assertTrue(checked <= 5, checked + " passwords were checked; at most 5 may be");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(429, new WebClient(server).login(name, "right-password-2").statusCode());
        // the account's username and e-mail share the count: the e-mail gets no fresh guesses
        assertEquals(429, new WebClient(server).login(name + "@trek.test", "right-password-2").statusCode());
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
