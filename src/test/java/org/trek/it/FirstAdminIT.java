package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trek.platform.db.DatabaseSettings;

/**
 * First-admin bootstrap both ways, and that data survives a restart: a fresh instance without ADMIN_EMAIL prints a
 * one-time password for "admin", which must be changed at the first sign-in; restarting on the same database creates
 * nobody else. The restart also checks two-factor keys at rest under another TREK_ENCRYPTION_KEY.
 * (The shared server covers the ADMIN_EMAIL/ADMIN_PASSWORD way: every other IT signs in with them.)
 */
class FirstAdminIT {

    static final String TOKEN = "trekconf_restart-0123456789abcdef0123456789abcdef";
    static final int CALLS = 30;
    static final String OWN_PASSWORD = "my-own-choice-at-last-1";
    private static final String KEY_ONE = "a2V5LW9uZS1mb3ItdGhlLXR3by1mYWN0b3ItaXQtMzI=";
    private static final String KEY_TWO = "a2V5LXR3by1mb3ItdGhlLXR3by1mYWN0b3ItaXQtMzI=";

    /**
     * Also: what /mcp writes behind (tool-call audit rows, once a second) is written when the server stops normally
     * (SIGTERM): the calls made right before the stop are all in the audit log after the restart. And two-factor keys
     * at rest (the restart is the only way to change the server's key): the database holds them sealed with the
     * server's encryption key (a dump alone does not give anyone the codes); a key stored before sealing still works
     * and is sealed at its next use; a server with another key cannot check codes (it says so, and the recovery codes
     * still let the user in) instead of failing open. One restart for both keeps the suite to two server starts.
     */
    @Test
    void generatedAdminPasswordIsPrintedOnceAndDataSurvivesARestart() throws Exception {
        TrekServer first = TrekServer.start("bootstrap", Map.of("TREK_ADDONS", "mcp", "TREK_MCP_CONFORMANCE_FIXTURES", "true",
                "TREK_MCP_CONFORMANCE_TOKEN", TOKEN, "TREK_ENCRYPTION_KEY", KEY_ONE));
        Map<String, String> database;
        String sealedUser;
        String legacyUser;
        TwoFactorIT.Enrolled sealed;
        TwoFactorIT.Enrolled legacy;
        try {
            Matcher m = Pattern.compile("'admin' with the one-time password: (\\S+)").matcher(first.log());
            assertTrue(m.find(), "one-time password in the log");
            String password = m.group(1);
            assertTrue(password.length() >= 20, "a strong generated password");
            // A generated password was in the log: the admin must choose their own before anything else.
            WebClient forced = new WebClient(first);
            assertEquals(302, forced.login("admin", password).statusCode());
            assertTrue(LoginIT.location(forced.get("/admin/audit")).contains("/settings/password"),
                    "a generated first-admin password must be changed at the first sign-in");
            WebClient admin = TestUsers.chooseOwnPassword(new WebClient(first), "admin", password, OWN_PASSWORD);
            database = first.databaseEnvironment();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < CALLS; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(first.uri("/mcp"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2026-07-28")
                        .header("Mcp-Method", "tools/call").header("Mcp-Name", "list_trips")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":"
                                + "\"tools/call\",\"params\":{\"name\":\"list_trips\",\"arguments\":{},\"_meta\":{"
                                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
            }
            sealedUser = TestUsers.create(admin, "u", TestUsers.PASSWORD);
            legacyUser = TestUsers.create(admin, "u", TestUsers.PASSWORD);
            sealed = TwoFactorIT.enrol(TwoFactorIT.signedIn(first, sealedUser, TestUsers.PASSWORD));
            legacy = TwoFactorIT.enrol(TwoFactorIT.signedIn(first, legacyUser, TestUsers.PASSWORD));
        } finally {
            first.stopKeepingData();
        }
        DatabaseSettings db = DatabaseSettings.from(database);
        String stored = storedKey(db, sealedUser);
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains(sealed.secret()), "the two-factor key itself is not in the database");
        update(db, legacyUser, legacy.secret()); // as a row enrolled before keys were sealed looks

        Map<String, String> env = new HashMap<>(database);
        env.put("ADMIN_EMAIL", "second@trek.test");
        env.put("ADMIN_PASSWORD", "second-password-1");
        env.put("TREK_ENCRYPTION_KEY", KEY_TWO);
        TrekServer second = TrekServer.start("restart", env);
        try {
            WebClient admin = new WebClient(second);
            assertEquals(302, admin.login("admin", OWN_PASSWORD).statusCode(), "same admin after restart");
            assertEquals(200, admin.get("/admin/audit").statusCode(), "with the password they chose, nothing more to change");
            assertEquals(401, new WebClient(second).login("second@trek.test", "second-password-1").statusCode(),
                    "ADMIN_EMAIL is only used when no user exists");
            assertTrue(!second.log().contains("one-time password"), "no new password printed");
            String audit = admin.get("/admin/audit?action=mcp.tool_call").body();
            assertEquals(CALLS, Pattern.compile(">list_trips<").matcher(audit).results().count(),
                    "tool-call audit rows written behind were lost at the stop");

            WebClient web = TwoFactorIT.passwordOnly(second, sealedUser);
            HttpResponse<String> refused = web.post("/login/two-factor",
                    Map.of("code", TwoFactorIT.next(sealed.secret()), "next", "/"));
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("cannot be checked on this server"), refused.body());
            assertEquals(302, web.post("/login/two-factor", Map.of("code", sealed.recoveryCodes().get(0), "next", "/"))
                    .statusCode(), "a recovery code still signs the user in");
            assertTrue(second.log().contains("cannot be checked"), "the operator learns why");
            WebClient old = TwoFactorIT.passwordOnly(second, legacyUser);
            assertEquals(302, old.post("/login/two-factor", Map.of("code", TwoFactorIT.next(legacy.secret()), "next", "/"))
                    .statusCode(), "a two-factor key stored before sealing still works");
            if (database.containsKey("DB_URL")) { // MariaDB: readable while the server runs (it drops the database at close)
                assertSealedNow(db, legacyUser, legacy.secret());
            }
        } finally {
            if (database.containsKey("DB_URL")) {
                second.close();
                TrekServer.dropDatabaseOf(database);
            } else {
                second.stopKeepingData();
            }
        }
        if (!database.containsKey("DB_URL")) {
            assertSealedNow(db, legacyUser, legacy.secret());
        }
    }

    private static void assertSealedNow(DatabaseSettings db, String user, String secret) throws Exception {
        String now = storedKey(db, user);
        assertTrue(now.startsWith("v1:") && !now.contains(secret), "sealed at its first use: " + now);
    }

    private static String storedKey(DatabaseSettings db, String username) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement st = c.prepareStatement("SELECT t.secret FROM user_two_factor t JOIN users u ON u.id = t.user_id "
                     + "WHERE u.username = ?")) {
            st.setString(1, username);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "an enrolment row for " + username);
                return rs.getString(1);
            }
        }
    }

    private static void update(DatabaseSettings db, String username, String secret) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement st = c.prepareStatement("UPDATE user_two_factor SET secret = ? "
                     + "WHERE user_id = (SELECT id FROM users WHERE username = ?)")) {
            st.setString(1, secret);
            st.setString(2, username);
            assertEquals(1, st.executeUpdate());
        }
    }

    @Test
    void adminFromEnvironmentIsCreatedWhenNoUserExists() {
        WebClient web = new WebClient(TrekServer.shared());
        assertEquals(302, web.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD).statusCode());
        assertEquals(200, web.get("/admin/users").statusCode(), "the bootstrap user is an admin");
        assertTrue(!TrekServer.shared().log().contains("one-time password"));
    }
}
