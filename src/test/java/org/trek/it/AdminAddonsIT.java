package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trek.oauth.OAuthHarness;
import org.trek.trips.McpTripHarness;

/**
 * Admin → Addons: labels with their spaces, switching off only after a confirmation (GET ?confirm=, no JavaScript)
 * that says what it cuts, and the counts on it equal what really goes; the POST that switches still works (audited),
 * and non-admins get 403.
 */
class AdminAddonsIT {
    private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token-value\">(trek_[^<]+)</code>");
    private final TrekServer server = TrekServer.shared();

    private WebClient admin() {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD).statusCode());
        return web;
    }

    /** The number in {@code <strong>N</strong> label} of the confirmation's impact. */
    private static long count(String page, String label) {
        String impact = page.substring(page.indexOf("id=\"disable-impact\""));
        Matcher m = Pattern.compile("<strong>(\\d+)</strong>\\s+" + Pattern.quote(label)).matcher(impact);
        assertTrue(m.find(), label + " in " + impact);
        return Long.parseLong(m.group(1));
    }

    private int initialize(String bearer) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
        return new WebClient(server).send(HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    @Test
    void buttonsSayWhatTheyDoAndDisablingGoesThroughAConfirmation() {
        String page = admin().get("/admin/addons").body();
        assertTrue(page.contains(">Disable Budget…</a>"), "a real space, a link to the confirmation: " + page);
        assertTrue(page.contains("class=\"button danger\" id=\"toggle-budget\""), "in the danger colour");
        assertTrue(page.contains("href=\"/admin/addons?confirm=budget#confirm-disable\""), page);
        assertTrue(page.contains("href=\"/admin/addons?confirm=collab&amp;part=chat#confirm-disable\""), page);
        assertFalse(page.contains("id=\"confirm-disable\""), "no confirmation before it is asked for");
        assertFalse(page.contains("DisableBudget") || page.contains("EnableJourney"), "no words run together");
        if (page.contains("id=\"toggle-journey\">")) { // journey is off by default: switching on is a plain button
            assertTrue(page.contains("<button type=\"submit\" id=\"toggle-journey\">Enable Journey</button>"), page);
        }
    }

    @Test
    void theCountsOfAnAddonAndOfAPartAreWhatDisappears() {
        McpTripHarness h = new McpTripHarness();
        String token = h.newAccount("addons").token();
        int before = h.tools(token).size();
        String confirm = h.adminPage("/admin/addons?confirm=budget");
        assertTrue(confirm.contains("id=\"confirm-disable\"") && confirm.contains("Switch off Budget?"), confirm);
        assertTrue(confirm.contains("The data is kept"), confirm);
        long budgetTools = count(confirm, "tool(s)");
        assertTrue(budgetTools > 0 && count(confirm, "resource(s)") > 0 && count(confirm, "prompt(s)") > 0, confirm);
        assertEquals(before, h.tools(token).size(), "the confirmation alone switches nothing");
        try {
            h.addon("budget", false);
            assertEquals(before - budgetTools, h.tools(token).size(), "as many tools went as the confirmation said");
            assertTrue(h.adminPage("/admin/addons").contains("Budget disabled."));
        } finally {
            h.addon("budget", true);
        }

        String chat = h.adminPage("/admin/addons?confirm=collab&part=chat");
        assertTrue(chat.contains("Switch off Collaboration: Chat?") && chat.contains("name=\"part\" value=\"chat\""), chat);
        long chatTools = count(chat, "tool(s)");
        assertTrue(chatTools > 0, chat);
        try {
            h.addonPart("collab", "chat", false);
            assertEquals(before - chatTools, h.tools(token).size());
            // with chat already off, switching collab off takes the rest: its own tools and the other parts'
            long rest = count(h.adminPage("/admin/addons?confirm=collab"), "tool(s)");
            h.addon("collab", false);
            assertEquals(before - chatTools - rest, h.tools(token).size());
        } finally {
            h.addon("collab", true);
            h.addonPart("collab", "chat", true);
        }
        assertEquals(before, h.tools(token).size(), "all back");
    }

    @Test
    void switchingMcpOffSaysHowManyAppsTokensAndSessionsOfAllUsersStop() {
        WebClient admin = admin();
        String was = admin.get("/admin/addons?confirm=mcp").body();
        assertTrue(was.contains("Switch off MCP?") && was.contains("Nothing is revoked"), was);
        long apps = count(was, "connected app(s)");
        long users = count(was, "user(s)");
        long grants = count(was, "live grant(s)");
        long tokens = count(was, "static API token(s)");
        long sessions = count(was, "open MCP session(s)");

        // one more user with one connected app, one static token and one open session
        String name = TestUsers.create(server);
        WebClient user = new WebClient(server);
        assertEquals(302, user.login(name, TestUsers.PASSWORD).statusCode());
        new OAuthHarness(server).connectPublicClient(user, "trips:read");
        user.get("/settings/tokens");
        Matcher m = NEW_TOKEN.matcher(user.post("/settings/tokens", Map.of("action", "create", "name", "laptop")).body());
        assertTrue(m.find(), "static token shown once");
        String staticToken = m.group(1);
        assertEquals(200, initialize(staticToken), "a legacy session opened");

        String now = admin.get("/admin/addons?confirm=mcp").body();
        assertEquals(apps + 1, count(now, "connected app(s)"), now);
        assertEquals(users + 1, count(now, "user(s)"), now);
        assertEquals(grants + 1, count(now, "live grant(s)"), now);
        assertEquals(tokens + 1, count(now, "static API token(s)"), now);
        assertEquals(sessions + 1, count(now, "open MCP session(s)"), now);
        assertEquals(200, initialize(staticToken), "the confirmation alone cuts nothing");

        try {
            assertEquals(302, admin.post("/admin/addons", Map.of("addon", "mcp", "enabled", "false")).statusCode());
            assertTrue(admin.get("/admin/addons").body().contains("MCP disabled."));
            assertEquals(403, initialize(staticToken), "MCP off: refused");
        } finally {
            assertEquals(302, admin.post("/admin/addons", Map.of("addon", "mcp", "enabled", "true")).statusCode());
        }
        assertEquals(200, initialize(staticToken), "nothing was revoked: the token works again");
        String audit = admin.get("/admin/audit?action=admin.addon_update&user=" + TrekServer.ADMIN_USERNAME).body();
        assertTrue(audit.contains("<td>mcp</td>") && audit.contains("<li>enabled: no</li>"), "audited as before");
    }

    @Test
    void badConfirmationsAre400AndNonAdminsGet403() {
        WebClient admin = admin();
        assertEquals(400, admin.get("/admin/addons?confirm=nope").statusCode());
        assertEquals(400, admin.get("/admin/addons?confirm=collab&part=weather").statusCode());
        assertEquals(400, admin.get("/admin/addons?confirm=budget&part=notes").statusCode());
        assertTrue(admin.get("/admin/addons?confirm=nope").body().contains("Unknown addon or part"));
        String name = TestUsers.create(server);
        WebClient user = new WebClient(server);
        assertEquals(302, user.login(name, TestUsers.PASSWORD).statusCode());
        assertEquals(403, user.get("/admin/addons?confirm=mcp").statusCode());
        user.get("/");
        assertEquals(403, user.post("/admin/addons", Map.of("addon", "mcp", "enabled", "false")).statusCode());
        assertNotEquals("", admin.get("/admin/addons").body());
    }
}
