package org.trek.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.oauth.OAuthHarness;

/**
 * Issue #14 items 4 and 5 in a real browser: an app that registered itself without scopes asks for write scopes;
 * the sign-in page names it, the consent page lists what it asks for, the user unticks one, the app gets exactly the
 * rest; the admin finds the user's consent in the audit log, and a backwards date range is refused at the field.
 * The changed screens (sign-in, consent, audit log) are checked at 390 px for sideways scrolling.
 */
class HonestConsentBrowserIT {
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

    private static void assertNoSidewaysScroll(String screen) {
        browser.assertNoSidewaysScroll(screen + " at 390 px");
    }

    @Test
    void theUserChoosesWriteScopesForASelfRegisteredAppAndTheAuditNamesThem() throws Exception {
        String name = TestUsers.create(server);
        OAuthHarness oauth = new OAuthHarness(server);
        String clientId = oauth.register("none", null, "http://127.0.0.1/callback").getString("client_id");
        String verifier = OAuthHarness.newVerifier();
        CompletableFuture<String> callback = new CompletableFuture<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/callback", exchange -> {
            callback.complete(exchange.getRequestURI().getRawQuery());
            byte[] done = "connected".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, done.length);
            exchange.getResponseBody().write(done);
            exchange.close();
        });
        app.start();
        String redirect = "http://127.0.0.1:" + app.getAddress().getPort() + "/callback";
        String code;
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open(OAuthHarness.authorizePath(oauth.authorizeParams(clientId, redirect, verifier,
                    "trips:write places:write budget:read", "st")));
            assertTrue(browser.path().startsWith("/login?next="), browser.path());
            assertEquals("Sign in to continue to IT client", browser.find("#sign-in-purpose").getText());
            assertNoSidewaysScroll("sign-in");
            browser.screenshot("consent-01-sign-in-phone");
            browser.type("#login", name).type("#password", TestUsers.PASSWORD).click("form button[type=submit]");
            browser.awaitLeaving("/login");
            assertTrue(browser.path().startsWith("/oauth/authorize?"), "the pending authorization survived: " + browser.path());
            String text = browser.text();
            assertTrue(text.contains("You can revoke this any time in Settings → Connected apps"), text);
            for (String scope : List.of("trips:write", "places:write", "budget:read")) {
                assertTrue(browser.find("input[name=scope][value='" + scope + "']").isSelected(), scope + " offered, ticked");
            }
            assertNoSidewaysScroll("consent");
            browser.screenshot("consent-02-consent-phone");
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            browser.click("input[name=scope][value='places:write']");
            browser.screenshot("consent-03-consent-desktop");
            browser.click("#approve");
            code = OAuthHarness.query("http://app.invalid/cb?" + callback.get(20, TimeUnit.SECONDS)).get("code");
            browser.awaitText("connected");
        } finally {
            app.stop(0);
        }
        HttpResponse<String> token = oauth.exchange(clientId, null, false, code, redirect, verifier);
        assertEquals(200, token.statusCode(), token.body());
        List<String> granted = List.of(OAuthHarness.json(token).getString("scope").split(" "));
        assertTrue(granted.contains("trips:write") && granted.contains("budget:read"), granted.toString());
        assertFalse(granted.contains("places:write"), "unticked in the browser: " + granted);

        browser.open("/");
        browser.signOut();
        browser.awaitText("Sign in");
        browser.signIn(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/admin/audit?action=oauth.consent.grant&user=" + name);
        String audit = browser.text();
        assertTrue(audit.contains(name) && audit.contains("IT client"), audit);
        assertTrue(audit.contains("scopes: trips:write, budget:read"), "details as key: value: " + audit);
        assertNoSidewaysScroll("audit log");
        browser.screenshot("consent-04-audit-phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('f-from').value = '2026-02-01'; document.getElementById('f-to').value = '2026-01-01';");
        browser.click("form.filters button[type=submit]");
        browser.awaitText("is after");
        assertTrue(browser.find("#f-from-error").getText().contains("is after"), browser.text());
        browser.screenshot("consent-05-audit-dates");
    }
}
