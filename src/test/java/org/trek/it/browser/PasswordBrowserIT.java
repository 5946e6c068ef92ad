package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.trek.it.TrekServer;

/**
 * The password journeys in a real browser: the admin creates a user (a weak password refused at the field), the user
 * is held on the change-password screen at the first sign-in (also at 390 px, without sideways scrolling) and goes on
 * after the change; the admin's Disable… shows what it cuts before anything is cut.
 */
class PasswordBrowserIT {
    private static final TrekServer server = TrekServer.shared();

    @BeforeAll
    static void available() {
        assertTrue(Browser.available(), "Debian's chromium and chromium-driver must be installed (.ci/run installs them)");
    }

    private static void assertNoSidewaysScrolling(Browser browser, String where) {
        browser.assertNoSidewaysScroll(where);
    }

    @Test
    void adminSetPasswordIsChangedAtFirstSignInAndDisableSaysWhatItCuts() {
        String name = "pb" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser admin = new Browser(server)) {
            admin.signIn(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
            admin.open("/admin/users");
            admin.type("#new-username", name).type("#new-email", name + "@trek.test")
                    .type("#new-password", "password1234").click("#create-user button[type=submit]");
            admin.awaitText("too common");
            assertTrue(admin.find("#new-password-error").getText().contains("too common"), admin.text());
            assertEquals(name, admin.find("#new-username").getAttribute("value"), "the username is kept");
            admin.screenshot("password-01-admin-refused");
            admin.type("#new-password", "meadow-lantern-violin-4").click("#create-user button[type=submit]");
            admin.awaitText("User " + name + " created.");

            try (Browser user = new Browser(server)) {
                user.driver().manage().window().setSize(new Dimension(390, 844));
                user.signIn(name, "meadow-lantern-violin-4");
                user.open("/trips");
                assertTrue(user.path().startsWith("/settings/password?next="), user.path());
                assertTrue(user.text().contains("set by an administrator"), user.text());
                assertNoSidewaysScrolling(user, "change password at 390 px");
                user.screenshot("password-02-forced-change-phone");
                user.type("#current", "meadow-lantern-violin-4").type("#password", "meadow-lantern-violin-4")
                        .type("#confirm", "meadow-lantern-violin-4").click("main form button[type=submit]");
                user.awaitText("different from your current one");
                assertEquals(1, user.driver().findElements(By.id("password-error")).size(), "the message at the field");
                assertEquals("true", user.find("#password").getAttribute("aria-invalid"));
                user.type("#current", "meadow-lantern-violin-4").type("#password", "north-wind-paper-boat-9")
                        .type("#confirm", "north-wind-paper-boat-9").click("main form button[type=submit]");
                user.awaitLeaving("/settings/password");
                assertEquals("/trips", user.path(), "on to where the user was going");
                assertTrue(user.text().contains("Your password was changed."));
            }

            admin.driver().manage().window().setSize(new Dimension(390, 844));
            admin.open("/admin/users");
            String href = admin.driver().findElement(By.xpath("//tr[td[text()='" + name + "']]//a[contains(@class,'danger')]"))
                    .getAttribute("href");
            admin.driver().get(href);
            assertTrue(admin.text().contains("Disable " + name + "?"), admin.text());
            assertTrue(admin.find("#disable-impact").getText().contains("open sign-in(s)"));
            admin.screenshot("password-03-disable-confirmation");
            // the confirmation itself fits a phone (the users table below scrolls inside its own box)
            Number right = (Number) ((JavascriptExecutor) admin.driver()).executeScript(
                    "return document.getElementById('confirm-disable').getBoundingClientRect().right");
            assertTrue(right.intValue() <= 390, "the confirmation fits 390 px: " + right);
            admin.click("#confirm-disable button.danger");
            admin.awaitText("User disabled:");
            assertTrue(admin.text().contains("brings none of it back"), admin.text());
            admin.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
