package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;

/**
 * Settings → API tokens on a 390 px phone: a refused name comes back at the field (focused, the chosen expiry kept),
 * a token with a 30-day expiry is shown once with the mcp-remote snippets and their Copy buttons (on screen; the
 * snippet's button puts the snippet on the clipboard), the list says when it expires; no screen scrolls sideways and
 * axe finds nothing.
 */
class TokensBrowserIT {
    private static final TrekServer server = TrekServer.shared();
    private static Browser browser;

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

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    private static void phoneCheck(String screen, Map<String, List<String>> found) {
        browser.assertNoSidewaysScroll(screen + " at 390 px");
        browser.screenshot("tokens-" + screen + "-phone");
        List<String> v = AccessibilityBrowserIT.violations(browser);
        if (!v.isEmpty()) {
            found.put(screen, v);
        }
    }

    /** The element is shown and lies within the 390 px viewport. */
    private static void onScreen(WebElement e, String what) {
        assertTrue(e.isDisplayed(), what + " is shown");
        Number right = (Number) js().executeScript("return arguments[0].getBoundingClientRect().right", e);
        assertTrue(right.doubleValue() <= 390, what + " fits the phone: right edge at " + right);
    }

    @Test
    void createATokenWithExpiryOnAPhone() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        String user = TestUsers.create(server);
        browser.signIn(user, TestUsers.PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        // Chromium asks before a page writes the clipboard; grant it, as a person clicking Copy would.
        ((org.openqa.selenium.chromium.HasCdp) browser.driver()).executeCdpCommand("Browser.grantPermissions", Map.of("origin", server.baseUrl(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));

        browser.open("/settings/tokens");
        assertEquals("90", new Select(browser.find("#token-expiry")).getFirstSelectedOption().getAttribute("value"),
                "90 days unless chosen otherwise");
        onScreen(browser.find("button.copy[data-copy='mcp-url']"), "the MCP URL's Copy button");
        phoneCheck("01-list", found);

        // Spaces only: the browser's "required" lets it through, the server refuses it at the field.
        new Select(browser.find("#token-expiry")).selectByValue("30");
        browser.type("#token-name", "   ").click("#create-token button[type=submit]");
        browser.awaitText("Give the token a name");
        assertEquals("Give the token a name of 1 to 100 characters.", browser.find("#token-name-error").getText());
        assertEquals("token-name", js().executeScript("return document.activeElement.id"), "the field has the focus");
        assertEquals("true", browser.find("#token-name").getAttribute("aria-invalid"));
        assertEquals("30", new Select(browser.find("#token-expiry")).getFirstSelectedOption().getAttribute("value"),
                "the expiry chosen is kept");
        assertEquals("/settings/tokens", browser.path(), "post/redirect/get");
        phoneCheck("02-field-error", found);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        browser.type("#token-name", "phone laptop").click("#create-token button[type=submit]");
        browser.awaitText("shown only once");
        String token = browser.find("#new-token-value").getText();
        assertTrue(token.startsWith("trek_"), token);
        assertTrue(browser.text().contains("created (expires "), browser.text());
        String snippet = browser.find("#new-token-snippet").getText();
        assertTrue(snippet.contains("\"--header\"") && snippet.contains("\"Authorization: Bearer " + token + "\""), snippet);
        assertTrue(browser.find("#new-token-command").getText()
                .equals("npx -y mcp-remote " + server.baseUrl() + "/mcp --header \"Authorization: Bearer " + token + "\""));
        for (String copy : List.of("new-token-value", "new-token-snippet", "new-token-command", "new-token-snippet-env")) {
            onScreen(browser.find("button.copy[data-copy='" + copy + "']"), "Copy of " + copy);
        }
        onScreen(browser.find("#new-token-snippet"), "the snippet box");
        browser.click("button.copy[data-copy='new-token-snippet']");
        browser.awaitText("Copied");
        Object clipboard = js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('ERROR ' + e));");
        assertEquals(snippet, clipboard, "Copy puts the snippet on the clipboard");
        phoneCheck("03-shown-once", found);

        browser.open("/settings/tokens");
        String list = browser.text();
        assertFalse(list.contains(token), "shown only once");
        String expires = browser.find("table.tokens tbody tr td.token-expiry").getText();
        assertTrue(expires.equals("expires " + today.plusDays(30)) || expires.equals("expires " + today.plusDays(31)), expires);
        js().executeScript("arguments[0].scrollIntoView()", browser.find("table.tokens"));
        phoneCheck("04-list-with-token", found);
        assertTrue(found.isEmpty(), "axe violations: " + found);
    }
}
