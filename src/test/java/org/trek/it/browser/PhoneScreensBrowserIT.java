package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
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
import org.trek.it.McpCalls;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.TripFixture;
import org.trek.it.WebClient;
import org.trek.oauth.OAuthHarness;

/**
 * Every screen on a 390 × 844 phone: none scrolls sideways (document width within the viewport), the header's links
 * do not break inside ("My / trips"), and axe-core finds no WCAG A/AA violation. Screens with content that tends to
 * be wide (long names, ids, secrets, snippets, tables) are filled first. All failures are collected and reported
 * together, each with the elements that stick out.
 */
class PhoneScreensBrowserIT {
    private static final TrekServer server = TrekServer.shared();
    private static final int WIDTH = 390;
    private static Browser browser;
    private static String user;
    private static TripFixture trip;
    private static String shareToken;

    /** Where a screen failed and why. */
    private final Map<String, List<String>> found = new LinkedHashMap<>();
    private int screens;

    @BeforeAll
    static void setUp() {
        assertTrue(Browser.available(), "Debian's chromium and chromium-driver must be installed (.ci/run installs them)");
        user = TestUsers.create(server);
        String member = TestUsers.create(server);
        McpCalls calls = McpCalls.asUser(server, user, TestUsers.PASSWORD);
        trip = TripFixture.create(calls, "A trip with a rather long title to see that it wraps on a phone", member);
        shareToken = calls.call("create_share_link", McpCalls.args().add("tripId", trip.tripId).add("share_map", true)
                .add("share_bookings", true).add("share_packing", true).add("share_budget", true)).getString("token");
        browser = new Browser(server);
        browser.driver().manage().window().setSize(new Dimension(WIDTH, 844));
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

    /** Checks the current page as a phone shows it; the screenshot is target/screenshots/phone-NN-name.png. */
    private void check(String name) {
        screens++;
        List<String> problems = new ArrayList<>();
        Number scroll = (Number) js().executeScript("return document.documentElement.scrollWidth");
        Number viewport = (Number) js().executeScript("return document.documentElement.clientWidth");
        Number inner = (Number) js().executeScript("return window.innerWidth");
        if (inner.intValue() > WIDTH) {
            fail("the window is not 390 px wide: " + inner);
        }
        if (scroll.intValue() > viewport.intValue()) {
            Object wide = js().executeScript("const w = document.documentElement.clientWidth; const out = [];"
                    + "for (const e of document.body.querySelectorAll('*')) { const r = e.getBoundingClientRect();"
                    + " if (r.right > w + 0.5 && r.width > 0) out.push(e.tagName.toLowerCase()"
                    + " + (e.getAttribute('id') ? '#' + e.getAttribute('id') : '')"
                    + " + (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().replace(/\\s+/g, '.') : '')"
                    + " + ' right=' + Math.round(r.right) + ' width=' + Math.round(r.width)); }"
                    + "return out.slice(-8).join('; ');");
            problems.add("scrolls sideways: " + scroll + " > " + viewport + " (" + wide + ")");
        }
        Object broken = js().executeScript("const out = []; for (const a of document.querySelectorAll('header nav a')) {"
                + " const r = document.createRange(); r.selectNodeContents(a);"
                + " const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));"
                + " if (tops.size > 1) out.push(a.textContent.trim()); } return out.join(', ');");
        if (!String.valueOf(broken).isEmpty()) {
            problems.add("header link broken over two lines: " + broken);
        }
        problems.addAll(AccessibilityBrowserIT.violations(browser));
        browser.screenshot(String.format("phone-%02d-%s", screens, name));
        if (!problems.isEmpty()) {
            found.put(name + " " + browser.path(), problems);
        }
    }

    @Test
    void everyScreenFitsAPhoneAndPassesAxe() {
        // signed out
        browser.open("/login");
        check("login");
        browser.type("#login", "nobody-" + System.nanoTime()).type("#password", "wrong-password").click("form button[type=submit]");
        browser.awaitText("not");
        check("login-error");
        OAuthHarness oauth = new OAuthHarness(server);
        String clientId = oauth.register("none", "trips:read places:read budget:read packing:write",
                "http://127.0.0.1/callback").getString("client_id");
        String authorize = OAuthHarness.authorizePath(oauth.authorizeParams(clientId, "http://127.0.0.1:9/callback",
                OAuthHarness.newVerifier(), "trips:read places:read budget:read packing:write", "st"));
        browser.open(authorize);
        check("login-for-an-app");
        browser.open("/shared/" + shareToken);
        check("shared-trip");
        browser.open("/shared/" + "x".repeat(43));
        check("shared-missing");

        // a user: the consent page, settings, trips
        browser.signIn(user, TestUsers.PASSWORD);
        browser.open(authorize);
        assertTrue(browser.driver().findElements(By.id("approve")).size() == 1, "consent page: " + browser.text());
        check("consent");
        WebClient http = new WebClient(server);
        http.login(user, TestUsers.PASSWORD);
        oauth.connectPublicClient(http, "trips:read places:read"); // a connected app with a live grant
        browser.open("/");
        check("home");
        browser.open("/trips");
        check("my-trips");
        browser.open("/trips/" + trip.tripId);
        check("trip");
        browser.open("/trips/999999999");
        check("trip-not-found");
        browser.open("/no/such/page");
        check("page-not-found");
        browser.open("/settings/mcp");
        check("settings-mcp");
        browser.open("/settings/mcp?preset=claude-desktop");
        check("settings-mcp-preset");
        browser.click("#create-button");
        browser.awaitText("trekcs_");
        check("settings-mcp-secret-once");
        browser.open("/settings/mcp");
        browser.click("a[id^=rotate-]");
        check("settings-mcp-rotate");
        browser.open("/settings/mcp");
        browser.click("a[id^=delete-]");
        check("settings-mcp-delete");
        browser.open("/settings/mcp?tab=apps");
        check("settings-connected-apps");
        browser.open("/settings/tokens");
        check("settings-tokens");
        browser.type("#token-name", "phone");
        browser.find("#token-name").submit();
        browser.awaitText("trek_");
        check("settings-token-once");
        browser.open("/settings/password");
        check("settings-password");
        browser.type("#current", "not-my-password-1").type("#password", "another-long-one-2")
                .type("#confirm", "another-long-one-2").click("main form button[type=submit]");
        browser.awaitText("not right");
        check("settings-password-error");
        browser.open("/settings/two-factor");
        check("two-factor-off");
        browser.click("main form button[type=submit]");
        browser.awaitText("Cannot scan it?");
        check("two-factor-setup");
        String secret = browser.find("#two-factor-secret").getText().replace(" ", "");
        browser.type("#code", Totp.codeAt(secret, Totp.step(Instant.now())));
        browser.find("#code").submit();
        browser.awaitText("Your recovery codes");
        check("two-factor-recovery-codes");
        browser.open("/settings/two-factor");
        check("two-factor-on");
        browser.signOut();
        browser.awaitText("Sign in");
        browser.signIn(user, TestUsers.PASSWORD);
        assertTrue(browser.path().startsWith("/login/two-factor"), browser.path());
        check("two-factor-code-step");
        browser.type("#code", "000000").click("main form button[type=submit]");
        browser.awaitText("not");
        check("two-factor-code-wrong");
        browser.type("#code", Totp.codeAt(secret, Totp.step(Instant.now()) + 1)).click("main form button[type=submit]");
        browser.awaitLeaving("/login");
        browser.signOut();
        browser.awaitText("Sign in");

        // the admin
        browser.signIn(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        browser.open("/admin/users");
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr id=\"user-(\\d+)\">\\s*<td[^>]*>" + user + "</td>")
                .matcher(browser.driver().getPageSource());
        assertTrue(row.find(), "the user's row");
        long id = Long.parseLong(row.group(1));
        browser.open("/admin/users#user-" + id); // the screenshot shows the user's row
        check("admin-users");
        browser.open("/admin/users?disable=" + id + "#confirm-disable");
        check("admin-users-disable");
        browser.open("/admin/addons");
        check("admin-addons");
        browser.open("/admin/addons?confirm=mcp#confirm-disable");
        check("admin-addons-confirm-mcp");
        browser.open("/admin/addons?confirm=collab&part=chat#confirm-disable");
        check("admin-addons-confirm-part");
        browser.open("/admin/audit");
        check("admin-audit");
        browser.open("/admin/audit?from=2026-02-01&to=2026-01-01");
        check("admin-audit-error");
        browser.open("/admin/mcp");
        check("admin-mcp");
        browser.open("/admin/permissions");
        check("admin-permissions");
        browser.open("/trips/" + trip.tripId);
        check("trip-of-a-stranger");

        // the set-up a user is held on while the administrator requires two-factor sign-in (policy off again after)
        String fresh = TestUsers.create(server);
        WebClient admin = new WebClient(server);
        admin.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        admin.get("/admin/users");
        admin.post("/admin/users", Map.of("action", "two-factor-policy", "required", "on"));
        try {
            browser.open("/");
            browser.signOut();
            browser.awaitText("Sign in");
            browser.signIn(fresh, TestUsers.PASSWORD);
            assertTrue(browser.text().contains("requires"), "held on the set-up: " + browser.text());
            check("two-factor-required");
        } finally {
            admin.post("/admin/users", Map.of("action", "two-factor-policy"));
        }

        if (!found.isEmpty()) {
            StringBuilder report = new StringBuilder(found.size() + " of " + screens + " screens fail on a 390 px phone:\n");
            found.forEach((screen, p) -> report.append(screen).append('\n')
                    .append(String.join("\n", p.stream().map(s -> "  " + s).toList())).append('\n'));
            fail(report.toString());
        }
    }
}
