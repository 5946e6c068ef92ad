package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import org.trek.oauth.OAuthHarness;

/**
 * Settings → Integrations → MCP on a 390 px phone in headless Chromium: create a client (secret box), edit it, a
 * refused edit lands at the field, a rename to a name in use warns and is confirmed, rotate and delete confirmations,
 * Connected apps. Every screen: no sideways scrolling, the Copy buttons of ids on screen, axe-core (WCAG A/AA) clean.
 */
class McpClientsBrowserIT {
    private static Browser browser;
    private static final TrekServer server = TrekServer.shared();
    private final Map<String, List<String>> violations = new LinkedHashMap<>();

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

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    /** No sideways scrolling, and axe finds nothing; a screenshot of the screen either way. */
    private void check(String screen) {
        browser.screenshot("mcp-clients-" + screen);
        browser.assertNoSidewaysScroll(screen + " at 390 px");
        List<String> found = AccessibilityBrowserIT.violations(browser);
        if (!found.isEmpty()) {
            violations.put(screen, found);
        }
    }

    /** The element is shown and lies inside the 390 px viewport (scrolled to, as a user would). */
    private void assertOnScreen(String css, String what) {
        WebElement e = browser.find(css);
        assertTrue(e.isDisplayed(), what + " is shown (the script reveals Copy buttons)");
        js().executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        Number left = (Number) js().executeScript("return arguments[0].getBoundingClientRect().left", e);
        Number right = (Number) js().executeScript("return arguments[0].getBoundingClientRect().right", e);
        Number width = (Number) js().executeScript("return document.documentElement.clientWidth");
        assertTrue(left.doubleValue() >= 0 && right.doubleValue() <= width.doubleValue(),
                what + " is on screen: " + left + ".." + right + " of " + width);
    }

    private String activeId() {
        return String.valueOf(js().executeScript("return document.activeElement && document.activeElement.id"));
    }

    private boolean inViewport(String css) {
        return (Boolean) js().executeScript("const r = arguments[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.bottom <= window.innerHeight;", browser.find(css));
    }

    @Test
    void createEditDuplicateWarningAndConnectedAppsOnAPhone() {
        String user = TestUsers.create(server);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.signIn(user, TestUsers.PASSWORD);

        // create two clients from presets; the secret box fits the phone
        browser.open("/settings/mcp?preset=claude-desktop");
        check("01-new-client-form");
        browser.click("#create-button");
        assertTrue(browser.find("#new-secret-value").getText().startsWith("trekcs_"), browser.text());
        assertOnScreen("button.copy[data-copy=new-secret-value]", "Copy of the secret");
        assertOnScreen("button.copy[data-copy=new-client-id]", "Copy of the new client id");
        check("02-secret-box");
        browser.click("#secret-done");
        browser.open("/settings/mcp?preset=cursor");
        browser.click("#create-button");
        browser.click("#secret-done");
        String cursorId = browser.find("li.client").getAttribute("id").substring("client-".length()); // newest first

        // the list: the client id's Copy button is on screen; the snippet help reads as two sentences
        assertOnScreen("button.copy[data-copy=client-id-" + cursorId + "]", "Copy of the client id");
        browser.find("#client-" + cursorId + " details.config summary").click();
        assertOnScreen("button.copy[data-copy=uri-" + cursorId + "-0]", "Copy of a redirect URI");
        assertTrue(browser.find("#client-" + cursorId + " details.config").getText().contains("get a new one). On Windows"));
        check("03-client-list");

        // edit: a refused redirect URI comes back at the field, focused and in view, with the input kept
        browser.click("#edit-" + cursorId);
        assertTrue(browser.path().startsWith("/settings/mcp?edit=" + cursorId), browser.path());
        check("04-edit-form");
        browser.type("#client-name", "Cursor at work");
        browser.type("#redirect-uris", "http://evil.example/cb");
        browser.click("#save-button");
        browser.awaitText("Invalid redirect URI");
        assertTrue(browser.path().endsWith("#redirect-uris"), browser.path());
        assertEquals("redirect-uris", activeId(), "the field with the error has the focus");
        assertTrue(inViewport("#redirect-error"), "the message is in view, not at the top of the page");
        assertEquals("Cursor at work", browser.find("#client-name").getAttribute("value"), "input kept");
        assertEquals("true", browser.find("#redirect-uris").getAttribute("aria-invalid"));
        check("05-edit-refused");

        // rename to the other client's name: a warning to confirm, then saved
        browser.type("#client-name", "claude desktop");
        browser.type("#redirect-uris", "http://localhost\nhttp://127.0.0.1");
        browser.click("#save-button");
        browser.awaitText("You already have a client named");
        assertEquals("client-name", activeId());
        assertTrue(inViewport("#name-error"));
        assertTrue(browser.find("#save-button").getText().contains("anyway"), browser.find("#save-button").getText());
        check("06-duplicate-warning");
        browser.click("#save-button");
        browser.awaitText("saved.");
        assertTrue(browser.text().contains("Client \u201cclaude desktop\u201d saved."), browser.text());
        assertEquals(2, browser.driver().findElements(org.openqa.selenium.By.cssSelector("li.client h3")).stream()
                .filter(h -> h.getText().toLowerCase().startsWith("claude desktop")).count());

        // rotate and delete confirmations fit too
        browser.click("#rotate-" + cursorId);
        check("07-confirm-rotate");
        browser.click("#delete-" + cursorId);
        check("08-confirm-delete");

        // Connected apps: an app the user approved, its id with a Copy button on screen; the revoke confirmation
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(user, TestUsers.PASSWORD).statusCode());
        String appId = new OAuthHarness(server).connectPublicClient(web, "trips:read").getString("client_id");
        browser.open("/settings/mcp?tab=apps");
        assertTrue(browser.text().contains(appId));
        assertOnScreen("button.copy[data-copy=app-id-0]", "Copy of the app's client id");
        check("09-connected-apps");
        browser.click("a.revoke-app");
        check("10-confirm-revoke");

        assertTrue(violations.isEmpty(), "axe-core found WCAG A/AA violations: " + violations);
    }
}
