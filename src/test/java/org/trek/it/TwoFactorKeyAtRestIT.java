package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trek.platform.db.DatabaseSettings;

/**
 * Two-factor keys at rest: the database holds them sealed with the server's encryption key (a dump alone does not
 * give anyone the codes); a key stored before sealing still works and is sealed at its next use; a server with
 * another key cannot check codes (it says so, and the recovery codes still let the user in) instead of failing open.
 */
class TwoFactorKeyAtRestIT {
    private static final String KEY_ONE = "a2V5LW9uZS1mb3ItdGhlLXR3by1mYWN0b3ItaXQtMzI=";
    private static final String KEY_TWO = "a2V5LXR3by1mb3ItdGhlLXR3by1mYWN0b3ItaXQtMzI=";

    @Test
    void keysAreSealedLegacyKeysAreSealedAtUseAndAnotherServerKeyFailsClosed() throws Exception {
        TrekServer first = TrekServer.start("2fa-key-one", Map.of("TREK_ENCRYPTION_KEY", KEY_ONE,
                "ADMIN_EMAIL", TrekServer.ADMIN_EMAIL, "ADMIN_PASSWORD", TrekServer.ADMIN_PASSWORD));
        String sealedUser;
        String legacyUser;
        TwoFactorIT.Enrolled sealed;
        TwoFactorIT.Enrolled legacy;
        Map<String, String> database;
        try {
            sealedUser = TestUsers.create(first);
            legacyUser = TestUsers.create(first);
            sealed = TwoFactorIT.enrol(TwoFactorIT.signedIn(first, sealedUser, TestUsers.PASSWORD));
            legacy = TwoFactorIT.enrol(TwoFactorIT.signedIn(first, legacyUser, TestUsers.PASSWORD));
            database = first.databaseEnvironment();
        } finally {
            first.stopKeepingData();
        }
        DatabaseSettings db = DatabaseSettings.from(database);
        String stored = storedKey(db, sealedUser);
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains(sealed.secret()), "the key itself is not in the database");
        // as a row enrolled before keys were sealed looks
        update(db, legacyUser, legacy.secret());

        Map<String, String> env = new HashMap<>(database);
        env.put("TREK_ENCRYPTION_KEY", KEY_TWO);
        TrekServer second = TrekServer.start("2fa-key-two", env);
        try {
            WebClient web = TwoFactorIT.passwordOnly(second, sealedUser);
            HttpResponse<String> refused = web.post("/login/two-factor",
                    Map.of("code", TwoFactorIT.next(sealed.secret()), "next", "/"));
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("cannot be checked on this server"), refused.body());
            HttpResponse<String> recovered = web.post("/login/two-factor",
                    Map.of("code", sealed.recoveryCodes().get(0), "next", "/"));
            assertEquals(302, recovered.statusCode(), "a recovery code still signs the user in");
            assertTrue(second.log().contains("cannot be checked"), "the operator learns why");

            WebClient old = TwoFactorIT.passwordOnly(second, legacyUser);
            assertEquals(302, old.post("/login/two-factor", Map.of("code", TwoFactorIT.next(legacy.secret()), "next", "/"))
                    .statusCode(), "a key stored before sealing still works");
            if (database.containsKey("DB_URL")) { // MariaDB: readable while the server runs (it drops the database at close)
                assertSealedNow(db, legacyUser, legacy.secret());
            }
        } finally {
            if (database.containsKey("DB_URL")) {
                second.close();
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
}
