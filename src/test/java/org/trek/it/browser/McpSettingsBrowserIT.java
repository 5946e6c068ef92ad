package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.oauth.OAuthHarness;

/**
 * Settings → Integrations → MCP and Admin → MCP access in headless Chromium: a client from every preset (secret once),
 * rotate, delete, a token created and deleted, a consent approved, seen under Connected apps and revoked, and the admin
 * revoking another user's grant and token. Screenshots land in target/screenshots.
 */
class McpSettingsBrowserIT {
    private static final List<String> PRESETS = List.of("claude-web", "claude-desktop", "cursor", "vscode", "windsurf", "zed");
    private static Browser browser;
    private static final TrekServer server = TrekServer.shared();

    @BeforeAll
    static void start() {
        assertTrue(Browser.available(), "Debian's chromium and chromium-driver must be installed (.ci/run installs them)");
        browser = new Browser(server);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void userAndAdminJourney() {
        String user = TestUsers.create(server);
        browser.signIn(user, TestUsers.PASSWORD);
        browser.click("#home-integrations");
        assertEquals("/settings/mcp", browser.path());
        assertTrue(browser.find("#mcp-url").getText().endsWith("/mcp"));
        assertTrue(browser.find("button.copy[data-copy=mcp-url]").isDisplayed(), "the script shows the copy button");
        browser.screenshot("mcp-01-settings");

        String lastSecret = null;
        for (String preset : PRESETS) {
            browser.click("#preset-" + preset);
            assertTrue(browser.path().startsWith("/settings/mcp?preset=" + preset), browser.path());
            if ("vscode".equals(preset)) {
                assertEquals("13", browser.find("#scope-count").getText());
                browser.screenshot("mcp-02-create-form-vscode");
            }
            browser.click("#create-button");
            String secret = browser.find("#new-secret-value").getText();
            assertTrue(secret.startsWith("trekcs_"), preset + ": " + browser.text());
            String snippet = browser.find("#new-snippet").getText();
            assertTrue("claude-web".equals(preset) ? snippet.contains("Remote MCP server URL")
                    : snippet.contains("--static-oauth-client-info"), snippet);
            if ("claude-web".equals(preset)) {
                browser.screenshot("mcp-03-secret-once");
            }
            browser.click("#secret-done");
            assertFalse(browser.driver().getPageSource().contains(secret), "secret never shown again");
            browser.driver().navigate().refresh();
            assertFalse(browser.driver().getPageSource().contains(secret), "not after a reload either");
            lastSecret = secret;
        }
        assertEquals(PRESETS.size(), browser.driver().findElements(By.cssSelector("li.client")).size());

        // script conveniences of the picker: "Select all" ticks every scope, a group box unticks its group
        browser.click("#select-all");
        assertTrue(browser.driver().findElements(By.cssSelector("input[name=scope]")).stream().allMatch(e -> e.isSelected()));
        assertEquals("27", browser.find("#scope-count").getText());
        browser.click("#group-budget");
        assertTrue(browser.driver().findElements(By.cssSelector("input[name=scope][data-group=budget]")).stream()
                .noneMatch(e -> e.isSelected()));
        assertFalse(browser.find("#select-all").isSelected());

        // rotate the newest client (Zed), with confirmation
        browser.click("a[id^=rotate-]");
        assertTrue(browser.find("#confirm-rotate").getText().contains("Rotate the secret"));
        browser.screenshot("mcp-04-confirm-rotate");
        browser.click("#confirm-rotate-button");
        String rotated = browser.find("#new-secret-value").getText();
        assertTrue(rotated.startsWith("trekcs_"));
        assertNotEquals(lastSecret, rotated);
        browser.open("/settings/mcp");
        assertFalse(browser.driver().getPageSource().contains(rotated));
        browser.screenshot("mcp-05-clients");

        // delete one, with confirmation
        browser.click("a[id^=delete-]");
        browser.click("#confirm-delete-button");
        assertTrue(browser.awaitText("OAuth client deleted").text().contains("OAuth client deleted"), browser.text());
        assertEquals(PRESETS.size() - 1, browser.driver().findElements(By.cssSelector("li.client")).size());

        // API tokens: create (shown once), delete; then one more for the admin to delete
        browser.click("#tab-tokens");
        assertTrue(browser.awaitText("deprecated").text().contains("deprecated"));
        browser.type("#token-name", "browser token");
        browser.find("#token-name").submit();
        String token = browser.find("#new-token-value").getText();
        assertTrue(token.startsWith("trek_"));
        browser.screenshot("mcp-06-token-created");
        browser.click("#tab-tokens");
        assertFalse(browser.driver().getPageSource().contains(token));
        browser.click("a[href*=confirmDelete]");
        browser.click("#confirm-delete-button");
        assertTrue(browser.awaitText("Token deleted").text().contains("Token deleted"), browser.text());
        browser.type("#token-name", "for the admin");
        browser.find("#token-name").submit();

        // approve a consent in the browser; the app shows under Connected apps; the user revokes it
        String clientId = connectApp("mcp-07-consent");
        browser.open("/settings/mcp?tab=apps");
        assertTrue(browser.text().contains(clientId) && browser.text().contains("self-registered"), browser.text());
        browser.screenshot("mcp-08-connected-apps");
        browser.click("a.revoke-app");
        assertTrue(browser.find("#confirm-revoke").getText().contains("Revoke access"));
        browser.click("#confirm-revoke-button");
        assertTrue(browser.awaitText("Access revoked").text().contains("Access revoked"), browser.text());
        assertFalse(browser.text().contains(clientId));
        String second = connectApp(null); // a second app, for the admin to revoke
        browser.open("/settings/mcp?tab=apps");
        assertTrue(browser.text().contains(second), "the second app is listed: " + browser.text());
        assertTrue(browser.text().contains(second));

        // the admin revokes the user's grant and deletes the user's token
        browser.driver().findElement(By.cssSelector("header form button")).click();
        browser.signIn(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        browser.open("/admin/mcp");
        browser.screenshot("mcp-09-admin-mcp");
        String grantRow = "//table[@id='grants']//tr[td[normalize-space()='" + user + "']]//a";
        browser.driver().findElement(By.xpath(grantRow)).click();
        browser.click("#confirm-grant-button");
        assertTrue(browser.awaitText("Grant revoked").text().contains("Grant revoked"), browser.text());
        assertTrue(browser.driver().findElements(By.xpath(grantRow)).isEmpty());
        String tokenRow = "//table[@id='tokens']//tr[td[normalize-space()='" + user + "']]//a";
        browser.driver().findElement(By.xpath(tokenRow)).click();
        browser.screenshot("mcp-10-admin-confirm-token");
        browser.click("#confirm-token-button");
        assertTrue(browser.awaitText("Token deleted").text().contains("Token deleted"), browser.text());
        assertTrue(browser.driver().findElements(By.xpath(tokenRow)).isEmpty());

        // the admin's audit page shows an entry for each step: first the user's own steps...
        browser.open("/admin/audit?user=" + user);
        List<String> steps = auditColumn(4); // time, user, client, action
        browser.screenshot("mcp-11-audit-user-steps");
        assertEquals(PRESETS.size(), count(steps, "oauth.client.create"), "a client from each preset: " + steps);
        assertEquals(1, count(steps, "oauth.client.rotate_secret"), steps.toString());
        assertEquals(1, count(steps, "oauth.client.delete"), steps.toString());
        assertEquals(2, count(steps, "token.create"), steps.toString());
        assertEquals(1, count(steps, "token.delete"), steps.toString());
        assertEquals(2, count(steps, "oauth.consent.grant"), "both consents approved: " + steps);
        assertEquals(1, count(steps, "oauth.consent.revoke"), "the app revoked: " + steps);
        assertTrue(steps.contains("auth.login") && steps.contains("auth.logout"), steps.toString());
        // ...then the admin's, each naming whose grant or token it was
        browser.open("/admin/audit?action=admin.oauth_session.revoke&user=" + TrekServer.ADMIN_USERNAME);
        assertTrue(auditColumn(7).stream().anyMatch(d -> d.contains("owner: " + user)), "grant revocation names the owner");
        browser.screenshot("mcp-12-audit-admin-revoke");
        browser.open("/admin/audit?action=admin.token.delete&user=" + TrekServer.ADMIN_USERNAME);
        assertTrue(auditColumn(7).stream().anyMatch(d -> d.contains("owner: " + user) && d.contains("for the admin")),
                "token deletion names the owner and the token");
    }

    /** The texts of one column (1-based) of the audit table on the current page. */
    private static List<String> auditColumn(int column) {
        return browser.driver().findElements(By.cssSelector("table tbody tr td:nth-child(" + column + ")")).stream()
                .map(e -> e.getText().trim()).toList();
    }

    private static long count(List<String> values, String value) {
        return values.stream().filter(value::equals).count();
    }

    /** Dynamic registration, then the signed-in browser approves the consent; returns the new grant's client id. */
    private static String connectApp(String screenshot) {
        OAuthHarness oauth = new OAuthHarness(server);
        JsonObject reg = oauth.register("none", "trips:read", "http://127.0.0.1/callback");
        String clientId = reg.getString("client_id");
        String verifier = OAuthHarness.newVerifier();
        // a loopback "app" that receives the redirect, as a desktop client would
        java.util.concurrent.CompletableFuture<String> callback = new java.util.concurrent.CompletableFuture<>();
        com.sun.net.httpserver.HttpServer app;
        try {
            app = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        app.createContext("/callback", exchange -> {
            callback.complete(exchange.getRequestURI().getRawQuery());
            byte[] done = "connected".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, done.length);
            exchange.getResponseBody().write(done);
            exchange.close();
        });
        app.start();
        String redirect = "http://127.0.0.1:" + app.getAddress().getPort() + "/callback";
        String code;
        try {
            browser.open(OAuthHarness.authorizePath(oauth.authorizeParams(clientId, redirect, verifier, "trips:read", "st")));
            if (screenshot != null) {
                browser.screenshot(screenshot);
            }
            browser.click("#approve");
            code = OAuthHarness.query("http://app.invalid/callback?" + callback.get(20, java.util.concurrent.TimeUnit.SECONDS)).get("code");
            browser.awaitText("connected"); // the browser has finished the redirect before the app goes away
        } catch (Exception e) {
            throw new AssertionError("the consent did not reach the app", e);
        } finally {
            app.stop(0);
        }
        HttpResponse<String> exchanged = oauth.exchange(clientId, null, false, code, redirect, verifier);
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        return clientId;
    }
}
