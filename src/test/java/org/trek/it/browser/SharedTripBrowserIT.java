package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.it.McpCalls.args;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.trek.it.McpCalls;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.TripFixture;

/**
 * The public page of a share link in headless Chromium, as a visitor without an account sees it on a 390 px wide
 * phone: every shared section, nothing wider than the screen (no sideways scrolling, even with a long unbroken
 * place name), markup in names shown as text; after the link is deleted, "Link not found".
 */
class SharedTripBrowserIT {
    private static Browser browser;
    private static final TrekServer server = TrekServer.shared();
    private static McpCalls owner;
    private static TripFixture trip;

    @BeforeAll
    static void start() {
        assertTrue(Browser.available(), "Debian's chromium and chromium-driver must be installed (.ci/run installs them)");
        String ownerName = TestUsers.create(server);
        String member = TestUsers.create(server);
        owner = McpCalls.asUser(server, ownerName, TestUsers.PASSWORD);
        trip = TripFixture.create(owner, "Madrid", member);
        owner.call("create_place", args().add("tripId", trip.tripId).add("name", "Sehr" + "lang".repeat(30) + "erOrtsname")
                .add("lat", 40.4138).add("lng", -3.6921).add("address", "Paseo del Prado s/n, 28014 Madrid"));
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

    @Test
    void aVisitorReadsTheSharedTripOnAPhoneWithoutScrollingSideways() {
        String token = owner.call("create_share_link", args().add("tripId", trip.tripId).add("share_packing", true)
                .add("share_budget", true)).getString("token");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/shared/" + token);
        assertEquals(trip.title, browser.find("#trip-title").getText());
        String text = browser.text();
        for (String shown : new String[] {"Days", "Prado Museum", "Museum closes early on Mondays", TripFixture.SCRIPT_PLACE,
                "Bookings", "Dinner at Botín", "Madrid Barajas (MAD)", "Hotel Sol", "Packing", "Passport", "Budget", "230.01 EUR"}) {
            assertTrue(text.contains(shown), shown + " in " + text);
        }
        assertFalse(text.contains("BOT-7") || text.contains("HS-42"), "booking references stay with the members");
        assertFalse(text.contains("Sign out") || text.contains("My trips"), "no way into the instance");
        browser.assertNoSidewaysScroll("the shared trip at 390 px");
        Number height = (Number) js().executeScript("return document.documentElement.scrollHeight");
        browser.driver().manage().window().setSize(new Dimension(390, Math.min(6000, height.intValue() + 150)));
        browser.screenshot("shared-01-phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.screenshot("shared-02-desktop");

        owner.call("delete_share_link", args().add("tripId", trip.tripId));
        browser.open("/shared/" + token);
        assertTrue(browser.text().contains("Link not found"), browser.text());
        assertFalse(browser.text().contains("Madrid"));
        browser.screenshot("shared-03-revoked");
    }
}
