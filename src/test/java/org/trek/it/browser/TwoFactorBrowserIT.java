package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.trek.account.twofactor.Totp;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;

/**
 * Two-factor sign-in in the browser: set-up under Security (the QR code is shown, the code is computed here from the
 * secret the page shows as text), the recovery codes once, then signing in with the code step; each screen at 390 px
 * without sideways scrolling and passing axe.
 */
class TwoFactorBrowserIT {
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

    private static void phoneCheck(String screen, Map<String, List<String>> found) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.assertNoSidewaysScroll(screen + " at 390 px");
        browser.screenshot("2fa-" + screen + "-phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        List<String> v = AccessibilityBrowserIT.violations(browser);
        if (!v.isEmpty()) {
            found.put(screen, v);
        }
        browser.screenshot("2fa-" + screen);
    }

    @Test
    void setUpTwoFactorThenSignInWithTheCode() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        String user = TestUsers.create(server);
        browser.signIn(user, TestUsers.PASSWORD);
        browser.open("/settings/two-factor");
        assertTrue(browser.text().contains("Two-factor sign-in is off"), browser.text());
        phoneCheck("01-off", found);
        browser.click("form button[type=submit]:not(.link)");
        browser.awaitText("Cannot scan it?");
        assertTrue(browser.find("img.qr").getAttribute("src").startsWith("data:image/svg+xml;base64,"));
        Number natural = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.querySelector('img.qr').naturalWidth");
        assertTrue(natural.intValue() > 0, "the QR code image renders");
        String secret = browser.find("#two-factor-secret").getText().replace(" ", "");
        assertEquals(32, secret.length(), secret);
        phoneCheck("02-setup", found);

        browser.type("#code", Totp.codeAt(secret, Totp.step(Instant.now())));
        browser.find("#code").submit();
        browser.awaitText("Your recovery codes");
        assertEquals(10, browser.driver().findElements(By.cssSelector("#recovery-codes li")).size());
        phoneCheck("03-recovery-codes", found);
        browser.click("a.button");
        browser.awaitText("Recovery codes left: 10");

        browser.signOut();
        browser.open("/settings/two-factor");
        browser.type("#login", user).type("#password", TestUsers.PASSWORD).click("form button[type=submit]");
        browser.awaitLeaving("/login?");
        assertTrue(browser.path().startsWith("/login/two-factor"), browser.path());
        assertTrue(browser.text().contains("Enter the 6-digit code"), browser.text());
        phoneCheck("04-code-step", found);
        browser.type("#code", Totp.codeAt(secret, Totp.step(Instant.now()) + 1));
        browser.click("form button[type=submit]:not(.link)");
        browser.awaitLeaving("/login");
        assertEquals("/settings/two-factor", browser.path(), "back where the visitor wanted to go");
        assertTrue(browser.text().contains("Two-factor sign-in is on"), browser.text());
        phoneCheck("05-on", found);

        // new recovery codes: the password at this form's own field, then the new codes once
        browser.type("#codes-password", "not-my-password");
        browser.click("#new-codes");
        browser.awaitText("That is not your password.");
        assertEquals("true", browser.find("#codes-password").getAttribute("aria-invalid"));
        browser.type("#codes-password", TestUsers.PASSWORD);
        browser.click("#new-codes");
        browser.awaitText("Your old recovery codes no longer work.");
        assertEquals(10, browser.driver().findElements(By.cssSelector("#recovery-codes li")).size());
        phoneCheck("06-new-recovery-codes", found);
        assertTrue(found.isEmpty(), "axe violations: " + found);
    }
}
