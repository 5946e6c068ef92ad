package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.trek.it.McpCalls;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.TripFixture;

/**
 * My trips in headless Chromium: a trip an assistant made through MCP shows on the member's list and trip page (a
 * place named like a script tag is plain text and runs nothing); another user gets "Page not found".
 */
class MyTripsBrowserIT {
    private static Browser browser;
    private static final TrekServer server = TrekServer.shared();
    private static String owner;
    private static String member;
    private static String stranger;
    private static TripFixture trip;

    @BeforeAll
    static void start() {
        assertTrue(Browser.available(), "Debian's chromium and chromium-driver must be installed (.ci/run installs them)");
        owner = TestUsers.create(server);
        member = TestUsers.create(server);
        stranger = TestUsers.create(server);
        trip = TripFixture.create(McpCalls.asUser(server, owner, TestUsers.PASSWORD), "Madrid", member);
        browser = new Browser(server);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void memberSeesTheTripAndAStrangerGets404() {
        browser.signIn(member, TestUsers.PASSWORD);
        browser.driver().findElement(By.linkText("My trips")).click();
        assertEquals("/trips", browser.path());
        String list = browser.find("#trips").getText();
        assertTrue(list.contains(trip.title), "title shown as text: " + list);
        assertTrue(list.contains("member") && list.contains("2027-05-01 – 2027-05-02"), list);
        browser.screenshot("trips-01-list");

        browser.driver().findElement(By.linkText(trip.title)).click();
        assertEquals("/trips/" + trip.tripId, browser.path());
        assertEquals(trip.title, browser.find("#trip-title").getText());
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert(), "no script from user data ran");
        String days = browser.find("#days").getText();
        assertTrue(days.contains("Day 1 · 2027-05-01 · Museums day") && days.contains("09:30") && days.contains("Prado Museum")
                && days.contains("with " + owner + ", " + member) && days.contains("Museum closes early on Mondays")
                && days.contains("Check-in at Hotel Sol from 15:00") && days.contains("Check-out from Hotel Sol by 11:00"), days);
        assertTrue(days.indexOf("Prado Museum") < days.indexOf(TripFixture.SCRIPT_PLACE), "visits in their order");
        assertTrue(browser.find("#places-table").getText().contains(TripFixture.SCRIPT_PLACE), "the script-like name is text");
        assertTrue(browser.find("#reservations").getText().contains("Madrid Barajas (MAD) → Lisbon (LIS)"));
        assertEquals("230.01 EUR", browser.find("#budget-total").getText());
        assertTrue(browser.find("#budget-people").getText().contains(owner + " 100.01 EUR"), browser.find("#budget-people").getText());
        assertTrue(browser.find("#packing").getText().contains("1 of 2 packed"));
        assertTrue(browser.find("#todos").getText().contains("Book museum tickets"));
        assertTrue(browser.driver().findElements(By.cssSelector("main form")).isEmpty(), "read-only: no forms");
        // a tall window for the screenshot, so the whole trip page is on it
        browser.driver().manage().window().setSize(new Dimension(1280, 3600));
        browser.screenshot("trips-02-trip");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));

        browser.signOut();
        browser.signIn(stranger, TestUsers.PASSWORD);
        browser.open("/trips/" + trip.tripId);
        assertTrue(browser.text().contains("Page not found"), browser.text());
        assertFalse(browser.text().contains("Madrid"), "nothing of the trip leaks");
        browser.screenshot("trips-03-not-found");
        browser.open("/trips");
        assertTrue(browser.driver().findElements(By.linkText(trip.title)).isEmpty());
    }
}
