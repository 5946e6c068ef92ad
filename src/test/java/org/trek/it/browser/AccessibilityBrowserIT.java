package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.trek.it.McpCalls;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.TripFixture;
import org.trek.oauth.OAuthHarness;

/**
 * Accessibility review: axe-core (pinned in the e2e profile, installed into target/e2e) runs in headless Chromium on
 * every main screen and must find no violation of the WCAG 2.0/2.1 A and AA rules. Also: the skip link comes first
 * and works, and the main forms work from the keyboard with JavaScript switched off.
 */
class AccessibilityBrowserIT {
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final TrekServer server = TrekServer.shared();
    private static String axeSource;
    private static String user;
    private static TripFixture trip;
    private static String shareToken;

    @BeforeAll
    static void setUp() throws IOException {
        assertTrue(Browser.available(), "Debian's chromium and chromium-driver must be installed (.ci/run installs them)");
        axeSource = axeSource();
        user = TestUsers.create(server);
        String member = TestUsers.create(server);
        McpCalls calls = McpCalls.asUser(server, user, TestUsers.PASSWORD);
        trip = TripFixture.create(calls, "Accessible", member);
        shareToken = calls.call("create_share_link", McpCalls.args().add("tripId", trip.tripId).add("share_packing", true)
                .add("share_budget", true)).getString("token");
    }

    /** axe-core's script, as the e2e profile installs it (also for other browser tests of this package). */
    static String axeSource() throws IOException {
        Path axe = Path.of(System.getProperty("it.e2e.dir", "target/e2e"), "node_modules", "axe-core", "axe.min.js");
        assertTrue(Files.isRegularFile(axe), "axe-core is installed by the e2e profile (mvn -Pe2e): " + axe);
        return Files.readString(axe, StandardCharsets.UTF_8);
    }

    /** Runs axe on the current page; returns "rule: targets" lines, empty when the page passes. */
    static List<String> violations(Browser browser) {
        var driver = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        if (axeSource == null) {
            try {
                axeSource = axeSource();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        driver.executeScript(axeSource);
        Object raw = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('ERROR ' + e));", WCAG_TAGS);
        String json = String.valueOf(raw);
        if (json.startsWith("ERROR")) {
            fail("axe failed on " + browser.path() + ": " + json);
        }
        List<String> out = new ArrayList<>();
        for (JsonValue v : Json.createReader(new StringReader(json)).readArray()) {
            JsonObject violation = v.asJsonObject();
            List<String> targets = new ArrayList<>();
            for (JsonValue n : violation.getJsonArray("nodes")) {
                JsonArray target = n.asJsonObject().getJsonArray("target");
                targets.add(target.toString() + " " + n.asJsonObject().getString("failureSummary", "").replace('\n', ' '));
            }
            out.add(violation.getString("id") + " (" + violation.getString("impact", "?") + "): " + violation.getString("help") + " " + targets);
        }
        return out;
    }

    private static void check(Browser browser, String screen, Map<String, List<String>> found) {
        List<String> v = violations(browser);
        if (!v.isEmpty()) {
            found.put(screen + " " + browser.path(), v);
        }
    }

    @Test
    void everyMainScreenPassesAxe() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (Browser browser = new Browser(server)) {
            browser.open("/login");
            check(browser, "login", found);
            browser.type("#login", "nobody-" + System.nanoTime()).type("#password", "wrong-password").click("form button[type=submit]");
            assertTrue(browser.driver().findElements(By.id("login-error")).size() == 1, browser.text());
            check(browser, "login with an error", found);

            browser.signIn(user, TestUsers.PASSWORD);
            browser.open("/");
            check(browser, "home", found);
            browser.open("/settings/mcp");
            check(browser, "settings/mcp", found);
            browser.click("#preset-claude-web");
            check(browser, "settings/mcp with a preset", found);
            browser.click("#create-button");
            check(browser, "client secret shown once", found);
            browser.click("#secret-done");
            browser.click("a[id^=rotate-]");
            check(browser, "confirm rotate", found);
            browser.open("/settings/mcp");
            browser.click("a[id^=delete-]");
            check(browser, "confirm delete", found);
            browser.open("/settings/tokens");
            check(browser, "tokens tab", found);
            browser.type("#token-name", "a11y");
            browser.find("#token-name").submit();
            check(browser, "token shown once", found);

            OAuthHarness oauth = new OAuthHarness(server);
            String clientId = oauth.register("none", "trips:read places:read", "http://127.0.0.1/callback").getString("client_id");
            browser.open(OAuthHarness.authorizePath(oauth.authorizeParams(clientId, "http://127.0.0.1:9/callback",
                    OAuthHarness.newVerifier(), "trips:read places:read", "st")));
            assertTrue(browser.driver().findElements(By.id("approve")).size() == 1, "consent page: " + browser.text());
            check(browser, "consent", found);
            browser.open("/settings/mcp?tab=apps");
            check(browser, "connected apps", found);

            browser.open("/settings/password");
            check(browser, "change password", found);
            browser.type("#current", "not-my-password-1").type("#password", "another-long-one-2")
                    .type("#confirm", "another-long-one-2").click("main form button[type=submit]");
            browser.awaitText("not right");
            check(browser, "change password with an error at the field", found);
            browser.open("/trips");
            check(browser, "my trips", found);
            browser.open("/trips/" + trip.tripId);
            check(browser, "trip page", found);
            browser.open("/trips/999999999");
            check(browser, "not found", found);
            browser.open("/shared/" + shareToken);
            check(browser, "shared trip (public page)", found);
            browser.open("/shared/" + "x".repeat(43));
            check(browser, "shared link not found", found);
            browser.open("/"); // signing out takes the header's form, which the public pages do not have

            browser.signOut();
            browser.signIn(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
            for (String admin : List.of("/admin/users", "/admin/addons", "/admin/audit", "/admin/mcp", "/admin/permissions")) {
                browser.open(admin);
                check(browser, admin, found);
            }
            browser.open("/trips/" + trip.tripId);
            check(browser, "trip page as a stranger (404)", found);

            // the check itself works: an image without a text alternative planted on the page is reported
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "const i = document.createElement('img'); i.src = '/assets/app.css'; document.getElementById('main').appendChild(i);");
            assertTrue(violations(browser).stream().anyMatch(v -> v.startsWith("image-alt")), "axe reports a planted violation");
        }
        if (!found.isEmpty()) {
            StringBuilder report = new StringBuilder("WCAG A/AA violations found by axe-core:\n");
            found.forEach((screen, v) -> report.append(screen).append('\n').append(String.join("\n", v.stream().map(s -> "  " + s).toList())).append('\n'));
            fail(report.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void skipLinkComesFirstAndMovesFocusToTheContent() {
        try (Browser browser = new Browser(server)) {
            browser.signIn(user, TestUsers.PASSWORD);
            browser.open("/trips");
            WebElement body = browser.driver().findElement(By.tagName("body"));
            body.sendKeys(Keys.TAB);
            WebElement first = browser.driver().switchTo().activeElement();
            assertEquals("Skip to content", first.getText());
            assertTrue(first.isDisplayed(), "visible when focused");
            first.sendKeys(Keys.ENTER);
            assertTrue(browser.driver().getCurrentUrl().endsWith("#main"), browser.driver().getCurrentUrl());
            browser.screenshot("a11y-skip-link");
        }
    }

    @Test
    void mainFormsWorkFromTheKeyboardWithoutJavaScript() {
        try (Browser browser = new Browser(server, false)) {
            // sign in: tab from the e-mail field to the password field, Enter submits
            browser.open("/login");
            WebElement login = browser.find("#login");
            login.sendKeys(user);
            login.sendKeys(Keys.TAB);
            WebElement password = browser.driver().switchTo().activeElement();
            assertEquals("password", password.getAttribute("id"), "the password field follows the login field");
            password.sendKeys(TestUsers.PASSWORD, Keys.ENTER);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (browser.path().startsWith("/login") && System.nanoTime() < deadline) {
                sleep(100);
            }
            assertEquals("/", browser.path());

            // create an OAuth client from a preset: space ticks a scope box, Enter in the name field submits
            browser.open("/settings/mcp?preset=vscode");
            WebElement delete = browser.find("input[name=scope][value='trips:delete']");
            assertTrue(!delete.isSelected());
            delete.sendKeys(Keys.SPACE);
            assertTrue(delete.isSelected(), "space ticks a scope");
            WebElement name = browser.find("#client-name");
            name.sendKeys(Keys.END, " (keyboard)", Keys.ENTER);
            assertTrue(browser.find("#new-secret-value").getText().startsWith("trekcs_"), browser.text());
            browser.open("/settings/mcp");
            String newest = browser.find("li.client").getAttribute("innerHTML");
            assertTrue(newest.contains("(keyboard)") && newest.contains("trips:delete"), "saved with the ticked scope: " + newest);

            // create an API token the same way
            browser.open("/settings/tokens");
            browser.find("#token-name").sendKeys("keyboard token", Keys.ENTER);
            assertTrue(browser.find("#new-token-value").getText().startsWith("trek_"));
            browser.screenshot("a11y-keyboard-no-js-token");
        }
    }
}
