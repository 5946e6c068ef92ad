package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    static final String TOKEN = "trekconf_restart-0123456789abcdef0123456789abcdef";
    static final int CALLS = 30;

    /**
     * Also: what /mcp writes behind (tool-call audit rows, once a second) is written when the server stops normally
     * (SIGTERM): the calls made right before the stop are all in the audit log after the restart.
     */
    @Test
    void generatedAdminPasswordIsPrintedOnceAndDataSurvivesARestart() throws Exception {
        TrekServer first = TrekServer.start("bootstrap", Map.of("TREK_ADDONS", "mcp", "TREK_MCP_CONFORMANCE_FIXTURES", "true",
                "TREK_MCP_CONFORMANCE_TOKEN", TOKEN));
        Map<String, String> database;
        String password;
        try {
            Matcher m = Pattern.compile("'admin' with the one-time password: (\\S+)").matcher(first.log());
            assertTrue(m.find(), "one-time password in the log");
            password = m.group(1);
            assertTrue(password.length() >= 20, "a strong generated password");
            assertEquals(302, new WebClient(first).login("admin", password).statusCode());
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
            // A generated password was in the log: the admin must choose their own before anything else.
            WebClient forced = new WebClient(second);
            assertEquals(302, forced.login("admin", password).statusCode());
            assertTrue(LoginIT.location(forced.get("/admin/audit")).contains("/settings/password"),
                    "a generated first-admin password must be changed at the first sign-in");
            WebClient admin = TestUsers.chooseOwnPassword(new WebClient(second), "admin", password, "my-own-choice-at-last-1");
            String audit = admin.get("/admin/audit?action=mcp.tool_call").body();
            assertEquals(CALLS, Pattern.compile(">list_trips<").matcher(audit).results().count(),
                    "tool-call audit rows written behind were lost at the stop");
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
