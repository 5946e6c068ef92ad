package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        assertEquals("/admin/users", browser.awaitLeaving("/login").path(), "back where the visitor wanted to go");
        assertTrue(browser.text().contains("Create a user"));

        browser.type("#new-username", "browser.user").type("#new-email", "browser.user@trek.test")
                .type("#new-password", "browser-password-1").click("form.grid button[type=submit]");
        assertTrue(browser.awaitText("User browser.user created.").text().contains("User browser.user created."), browser.text());
        browser.screenshot("02-admin-users");

        browser.open("/admin/addons");
        browser.click("#toggle-journey");
        assertTrue(browser.awaitText("Journey enabled.").text().contains("Journey enabled."), browser.text());
        browser.screenshot("03-admin-addons");
        // switching off asks first, saying what disappears, in the danger colour
        browser.click("#toggle-journey");
        assertTrue(browser.awaitText("Switch off Journey?").text().contains("The data is kept"), browser.text());
        browser.screenshot("03-admin-addons-confirm");
        browser.click("#confirm-switch-off");
        // let the toggle's post/redirect finish before navigating away (a new navigation would cancel it)
        browser.awaitText("Journey disabled.");

        browser.open("/admin/audit?action=admin.addon_update");
        assertTrue(browser.text().contains("admin.addon_update"), browser.text());
        String href = browser.find("#audit-export").getAttribute("href");
        assertTrue(href.contains("/admin/audit/export.csv?action=admin.addon_update"), href);
        browser.screenshot("04-admin-audit");
        assertTrue(Files.size(browser.screenshot("04-admin-audit")) > 1000);

        // the export really downloads in the browser: a CSV with the header row and only the filtered rows
        browser.click("#audit-export");
        Path csv = browser.awaitDownload(".csv", Duration.ofSeconds(30));
        assertTrue(csv.getFileName().toString().startsWith("trek-audit-"), csv.toString());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("id,time_utc,user_id,username,client,action,target,ip,details", lines.get(0));
        List<String> rows = lines.subList(1, lines.size());
        assertTrue(rows.size() >= 2, "both toggles exported: " + lines);
        assertTrue(rows.stream().allMatch(r -> r.split(",")[5].equals("admin.addon_update")), "only the filtered action: " + rows);
        assertTrue(rows.stream().anyMatch(r -> r.contains("journey") && r.contains(TrekServer.ADMIN_USERNAME)), rows.toString());
        assertEquals("/admin/audit?action=admin.addon_update", browser.path(), "the page stays where it was");

        browser.driver().findElement(By.cssSelector("header form button")).click();
        browser.awaitLeaving("/admin"); // the click can return before the browser has followed the redirect
        assertTrue(browser.path().startsWith("/login"), "signed out: " + browser.path());
    }
}
