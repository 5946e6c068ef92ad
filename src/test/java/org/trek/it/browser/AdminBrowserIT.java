package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.trek.it.TrekServer;

/** The foundation screens in a real browser: sign-in (keeping "next"), users, addons, audit log with its CSV link. */
class AdminBrowserIT {
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
    void adminJourney() throws Exception {
        browser.open("/admin/users");
        assertTrue(browser.path().startsWith("/login?next="), browser.path());
        browser.screenshot("01-login");
        browser.type("#login", TrekServer.ADMIN_EMAIL).type("#password", TrekServer.ADMIN_PASSWORD)
                .click("form button[type=submit]");
        assertEquals("/admin/users", browser.path(), "back where the visitor wanted to go");
        assertTrue(browser.text().contains("Create a user"));

        browser.type("#new-username", "browser.user").type("#new-email", "browser.user@trek.test")
                .type("#new-password", "browser-password-1").click("form.grid button[type=submit]");
        assertTrue(browser.text().contains("User browser.user created."), browser.text());
        browser.screenshot("02-admin-users");

        browser.open("/admin/addons");
        browser.click("#toggle-journey");
        assertTrue(browser.text().contains("Journey enabled."), browser.text());
        browser.screenshot("03-admin-addons");
        browser.click("#toggle-journey");

        browser.open("/admin/audit?action=admin.addon_update");
        assertTrue(browser.text().contains("admin.addon_update"));
        String href = browser.find("#audit-export").getAttribute("href");
        assertTrue(href.contains("/admin/audit/export.csv?action=admin.addon_update"), href);
        browser.screenshot("04-admin-audit");
        assertTrue(Files.size(browser.screenshot("04-admin-audit")) > 1000);

        browser.driver().findElement(By.cssSelector("header form button")).click();
        assertTrue(browser.path().startsWith("/login"), "signed out: " + browser.path());
    }
}
