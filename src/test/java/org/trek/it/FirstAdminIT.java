package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * First-admin bootstrap both ways, and that data survives a restart: a fresh instance without ADMIN_EMAIL prints a
 * one-time password for "admin"; restarting on the same database creates nobody else.
 * (The shared server covers the ADMIN_EMAIL/ADMIN_PASSWORD way: every other IT signs in with them.)
 */
class FirstAdminIT {

    @Test
    void generatedAdminPasswordIsPrintedOnceAndDataSurvivesARestart() {
        TrekServer first = TrekServer.start("bootstrap", Map.of());
        Map<String, String> database;
        String password;
        try {
            Matcher m = Pattern.compile("'admin' with the one-time password: (\\S+)").matcher(first.log());
            assertTrue(m.find(), "one-time password in the log");
            password = m.group(1);
            assertTrue(password.length() >= 20, "a strong generated password");
            assertEquals(302, new WebClient(first).login("admin", password).statusCode());
            database = first.databaseEnvironment();
        } finally {
            first.stopKeepingData();
        }
        Map<String, String> env = new HashMap<>(database);
        env.put("ADMIN_EMAIL", "second@trek.test");
        env.put("ADMIN_PASSWORD", "second-password-1");
        TrekServer second = TrekServer.start("restart", env);
        try {
            assertEquals(302, new WebClient(second).login("admin", password).statusCode(), "same admin after restart");
            assertEquals(401, new WebClient(second).login("second@trek.test", "second-password-1").statusCode(),
                    "ADMIN_EMAIL is only used when no user exists");
            assertTrue(!second.log().contains("one-time password"), "no new password printed");
            assertNotNull(second.log());
        } finally {
            second.close();
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
