package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.trek.oauth.OAuthHarness;

/**
 * The screens on two Payara Micro nodes in one Payara data grid (TCP/IP discovery on 127.0.0.1, free ports) and one
 * MariaDB database, used like a round-robin balancer would: one browser (one cookie jar, the public APP_URL as
 * Origin) whose requests alternate between the nodes. No sticky sessions: the servlet session is replicated through
 * the grid (web.xml distributable) and the sign-in itself is checked against the database on every request.
 *
 * <p>Tagged "cluster": it runs only in the MariaDB pass, like McpClusterIT.
 */
@Tag("cluster")
class ClusterScreensIT {
    static TrekServer a;
    static TrekServer b;

    @BeforeAll
    static void startTwoNodesInOneDataGrid() {
        String db = System.getProperty("it.db.url", "");
        if (!db.startsWith("jdbc:mariadb:")) {
            throw new IllegalStateException("ClusterScreensIT needs a shared MariaDB: run it with "
                    + "-Dit.db.url=jdbc:mariadb://127.0.0.1:3306/ -Dit.db.user=root");
        }
        Map<String, String> env = new HashMap<>();
        env.put("ADMIN_EMAIL", TrekServer.ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", TrekServer.ADMIN_PASSWORD);
        env.put("TREK_ADDONS", "mcp");
        String cluster = "trek-it-" + UUID.randomUUID().toString().substring(0, 8);
        int gridA = TrekServer.freeLoopbackPort();
        int gridB = TrekServer.freeLoopbackPort();
        a = TrekServer.startInDataGrid("grid-a", env, cluster, gridA, List.of(gridA));
        Map<String, String> envB = new HashMap<>(env);
        envB.putAll(a.databaseEnvironment());   // the same database...
        envB.put("APP_URL", a.baseUrl());        // ...and the same public URL, as behind a load balancer
        envB.remove("TREK_DATA_DIR");
        b = TrekServer.startInDataGrid("grid-b", envB, cluster, gridB, List.of(gridA));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close(); // drops the shared database
        }
    }

    static WebClient signedInAdmin(TrekServer node) {
        WebClient web = new WebClient(node);
        assertEquals(302, web.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD).statusCode());
        return web;
    }

    static String pathOf(String location) {
        URI u = URI.create(location);
        return u.getRawQuery() == null ? u.getRawPath() : u.getRawPath() + "?" + u.getRawQuery();
    }

    @Test
    void signedInOnAnAdminPageAndAFormPostWorkOnB() {
        WebClient onA = signedInAdmin(a);
        WebClient onB = onA.via(b);
        HttpResponse<String> page = onB.get("/admin/users");
        assertEquals(200, page.statusCode(), "admin page on B after signing in on A");
        // A CSRF-protected form on B (the token is the session's, made on A)...
        String name = TestUsers.create(onB, "grid-", "grid-password-1");
        // ...whose flash message and result A shows.
        HttpResponse<String> back = onA.get("/admin/users");
        assertEquals(200, back.statusCode());
        assertTrue(back.body().contains(name), "user created on B not listed on A");
    }

    @Test
    void anAuthorizationStartedOnASignedInAndApprovedOnBIsExchangedOnA() {
        OAuthHarness oauthA = new OAuthHarness(a);
        String redirect = "http://127.0.0.1:" + (20000 + new java.security.SecureRandom().nextInt(20000)) + "/callback";
        String clientId = oauthA.register("none", "trips:read", redirect).getString("client_id");
        String verifier = OAuthHarness.newVerifier();
        String authorize = OAuthHarness.authorizePath(oauthA.authorizeParams(clientId, redirect, verifier,
                "trips:read", "grid-state"));

        WebClient browserA = new WebClient(a);
        HttpResponse<String> toLogin = browserA.get(authorize);
        assertEquals(302, toLogin.statusCode());
        String loginPath = pathOf(toLogin.headers().firstValue("Location").orElseThrow());
        assertTrue(loginPath.startsWith("/login?next="), loginPath);
        assertEquals(200, browserA.get(loginPath).statusCode());

        WebClient browserB = browserA.via(b);
        HttpResponse<String> signedIn = browserB.post("/login", Map.of("login", TrekServer.ADMIN_EMAIL,
                "password", TrekServer.ADMIN_PASSWORD, "next", OAuthHarness.query(loginPath).get("next")));
        assertEquals(302, signedIn.statusCode(), "sign-in on B with the form of A");
        assertEquals(authorize, pathOf(signedIn.headers().firstValue("Location").orElseThrow()));

        HttpResponse<String> consent = browserA.get(authorize);
        assertEquals(200, consent.statusCode(), "consent page on A after signing in on B");
        Map<String, String> form = new LinkedHashMap<>(OAuthHarness.hiddenFields(consent.body()));
        form.put("decision", "approve");
        form.put("scope", "trips:read");
        HttpResponse<String> approved = browserA.via(b).post("/oauth/authorize", form);
        assertEquals(302, approved.statusCode(), "consent posted to B: " + approved.body());
        Map<String, String> callback = OAuthHarness.query(approved.headers().firstValue("Location").orElseThrow());
        assertEquals("grid-state", callback.get("state"));

        HttpResponse<String> tokens = oauthA.exchange(clientId, null, false, callback.get("code"), redirect, verifier);
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonObject body = OAuthHarness.json(tokens);
        assertTrue(body.containsKey("access_token"));
    }

    @Test
    void signingOutOnBEndsTheSessionOnA() {
        WebClient onA = signedInAdmin(a);
        assertEquals(200, onA.get("/admin/users").statusCode());
        WebClient onB = onA.via(b);
        assertEquals(200, onB.get("/admin/users").statusCode());
        HttpResponse<String> out = onB.post("/logout", Map.of());
        assertEquals(302, out.statusCode());
        HttpResponse<String> afterwards = onA.get("/admin/users");
        assertEquals(302, afterwards.statusCode(), "A still serves the signed-out session");
        assertTrue(afterwards.headers().firstValue("Location").orElseThrow().contains("/login"));
    }

    @Test
    void aNewPasswordOrADisabledUserEndsTheSessionOnBothNodes() {
        WebClient admin = signedInAdmin(a);
        String name = TestUsers.create(admin, "grid-", "grid-password-1");
        WebClient adminOnB = admin.via(b);
        long id = AdminIT.userId(adminOnB.get("/admin/users").body(), name);

        WebClient userOnA = new WebClient(a);
        assertEquals(302, userOnA.login(name, "grid-password-1").statusCode());
        WebClient userOnB = userOnA.via(b);
        assertEquals(200, userOnA.get("/").statusCode());
        assertEquals(200, userOnB.get("/").statusCode());
        assertEquals(302, adminOnB.post("/admin/users", Map.of("action", "reset-password", "id", String.valueOf(id),
                "password", "grid-password-2")).statusCode());
        assertSignedOut(userOnA, "A, after a password change on B");
        assertSignedOut(userOnB, "B, after a password change on B");

        // an admin-set password: the user chooses their own first (on B), then reaches the pages on both nodes
        WebClient again = TestUsers.chooseOwnPassword(new WebClient(b), name, "grid-password-2", "grid-password-3");
        WebClient againOnA = again.via(a);
        assertEquals(200, again.get("/").statusCode());
        assertEquals(200, againOnA.get("/").statusCode());
        admin.get("/admin/users");
        assertEquals(302, admin.post("/admin/users", Map.of("action", "disable", "id", String.valueOf(id)))
                .statusCode());
        assertSignedOut(againOnA, "A, after disabling on A");
        assertSignedOut(again, "B, after disabling on A");
    }

    private static void assertSignedOut(WebClient browser, String where) {
        HttpResponse<String> r = browser.get("/");
        assertEquals(302, r.statusCode(), "still signed in on " + where);
        assertTrue(r.headers().firstValue("Location").orElseThrow().contains("/login"), where);
    }
}
