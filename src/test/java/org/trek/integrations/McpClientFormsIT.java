package org.trek.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import org.trek.oauth.OAuthHarness;

/**
 * Settings → Integrations → MCP, the client forms over plain HTTP: the limit notice, refused forms coming back (303)
 * with the message at the field and the input kept, editing a client (scope narrowing ends the grants that exceed
 * it, audited) and the duplicate-name warning.
 */
public class McpClientFormsIT {
    private static final Pattern CLIENT_ID = Pattern.compile("<code id=\"new-client-id\">([^<]+)</code>");
    private final TrekServer server = TrekServer.shared();

    private WebClient newUser() {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(TestUsers.create(server), TestUsers.PASSWORD).statusCode());
        return web;
    }

    /** POSTs the Settings form: fields plus one "scope" per scope, with the page's CSRF token. */
    private HttpResponse<String> submit(WebClient web, Map<String, String> fields, List<String> scopes) {
        if (web.csrf() == null) {
            web.get("/settings/mcp");
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", web.csrf());
        all.putAll(fields);
        StringBuilder body = new StringBuilder(WebClient.encode(all));
        for (String s : scopes) {
            body.append("&scope=").append(s);
        }
        return web.send(HttpRequest.newBuilder(server.uri("/settings/mcp"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", server.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> create(WebClient web, String name, String uris, List<String> scopes) {
        return submit(web, Map.of("action", "create", "name", name, "redirectUris", uris, "clientType", "confidential"), scopes);
    }

    private static String location(HttpResponse<String> r) {
        assertEquals(303, r.statusCode(), "a refused form comes back with 303 See Other: " + r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** Follows a 303 like a browser (the fragment stays in the browser). */
    private static String follow(WebClient web, HttpResponse<String> r) {
        String location = location(r);
        String path = java.net.URI.create(location).getRawPath();
        String query = java.net.URI.create(location).getRawQuery();
        HttpResponse<String> page = web.get(path + (query == null ? "" : "?" + query));
        assertEquals(200, page.statusCode());
        return page.body();
    }

    private static boolean checked(String page, String scope) {
        return Pattern.compile("name=\"scope\" value=\"" + Pattern.quote(scope) + "\" data-group=\"[^\"]+\" checked").matcher(page).find();
    }

    @Test
    void atTheLimitTheFormIsReplacedByANoticeAndAPostOverItComesBackThere() {
        WebClient web = newUser();
        for (int i = 0; i < 10; i++) {
            assertEquals(200, create(web, "c" + i, "https://client.example/cb", List.of("trips:read")).statusCode());
        }
        String page = web.get("/settings/mcp").body();
        assertTrue(page.contains("id=\"client-limit\""), "the notice");
        assertTrue(page.contains("You have 10 OAuth clients, the most one account"), page);
        assertTrue(page.contains("Delete one to add another"));
        assertFalse(page.contains("id=\"create-form\""), "no form at the limit");
        assertFalse(page.contains("id=\"preset-cursor\""), "no presets either");

        HttpResponse<String> r = create(web, "eleventh", "https://client.example/cb", List.of("trips:read"));
        assertTrue(location(r).endsWith("/settings/mcp#client-limit"), location(r));
        String back = follow(web, r);
        assertTrue(back.contains("<p class=\"alert error\" role=\"alert\" id=\"client-limit\">You have 10 OAuth clients"), back);
        assertFalse(back.contains("eleventh"), "nothing created");

        // deleting one brings the form back
        String id = McpSettingsIT.rowId(back, firstClientId(back));
        web.post("/settings/mcp", Map.of("action", "delete", "id", id));
        assertTrue(web.get("/settings/mcp").body().contains("id=\"create-form\""));
    }

    private static String firstClientId(String page) {
        Matcher m = Pattern.compile("<code id=\"client-id-\\d+\">([^<]+)</code>").matcher(page);
        assertTrue(m.find(), "client ids are listed with a copy target");
        return m.group(1);
    }

    @Test
    void aRefusedCreateComesBackWithTheMessageAtTheFieldAndTheInputKept() {
        WebClient web = newUser();
        HttpResponse<String> r = submit(web, Map.of("action", "create", "name", "Kept name", "redirectUris",
                "https://ok.example/cb\nhttp://evil.example/cb", "clientType", "confidential"), List.of("budget:read", "trips:write"));
        assertTrue(location(r).endsWith("/settings/mcp#redirect-uris"), location(r));
        String page = follow(web, r);
        assertTrue(page.contains("<p class=\"field-error\" id=\"redirect-error\" role=\"alert\">Invalid redirect URI http://evil.example/cb"), page);
        assertTrue(Pattern.compile("<textarea id=\"redirect-uris\" name=\"redirectUris\" rows=\"3\"\\s+aria-describedby=\"redirect-error redirect-hint\"\\s+aria-invalid=\"true\" autofocus>https://ok.example/cb\nhttp://evil.example/cb</textarea>")
                .matcher(page).find(), "the field is marked, described by the message, focused, and keeps its text");
        assertTrue(page.contains("value=\"Kept name\""), "name kept");
        assertTrue(checked(page, "budget:read") && checked(page, "trips:write"), "scopes kept");
        assertFalse(checked(page, "trips:read"), "only the ticked ones");
        assertFalse(web.get("/settings/mcp").body().contains("redirect-error"), "shown once");

        r = submit(web, Map.of("action", "create", "name", "No scopes", "redirectUris", "https://ok.example/cb"), List.of());
        assertTrue(location(r).endsWith("#scope-picker"), location(r));
        page = follow(web, r);
        assertTrue(page.contains("id=\"scopes-error\" role=\"alert\">At least one scope is required"), page);
        assertTrue(page.contains("aria-describedby=\"scopes-error\""));

        r = submit(web, Map.of("action", "create", "name", "Robot", "redirectUris", "", "clientType", "public",
                "machine", "on"), List.of("trips:read"));
        assertTrue(location(r).endsWith("#client-type"), location(r));
        page = follow(web, r);
        assertTrue(page.contains("id=\"type-error\" role=\"alert\">A machine client must be confidential"), page);
        assertTrue(page.contains("name=\"clientType\" value=\"public\" checked"), "type kept");
        assertTrue(page.contains("name=\"machine\" id=\"machine-client\" checked"), "machine kept");

        r = submit(web, Map.of("action", "create", "name", "  ", "redirectUris", "https://ok.example/cb"), List.of("trips:read"));
        assertTrue(location(r).endsWith("#client-name"), location(r));
        page = follow(web, r);
        assertTrue(page.contains("aria-describedby=\"name-error\" autofocus aria-invalid=\"true\""), page);
        assertTrue(page.contains("id=\"name-error\" role=\"alert\">Name is required"));
        assertFalse(page.contains("<li class=\"client\""), "nothing was created");
    }

    @Test
    void aDuplicateNameWarnsAndTheUserConfirmsIt() {
        WebClient web = newUser();
        assertEquals(200, create(web, "My Cursor", "http://localhost", List.of("trips:read")).statusCode());
        HttpResponse<String> r = create(web, "  my cursor ", "http://localhost", List.of("trips:read", "places:read"));
        assertTrue(location(r).endsWith("#client-name"), location(r));
        String page = follow(web, r);
        assertTrue(page.contains("<p class=\"field-warn\" id=\"name-error\" role=\"alert\">You already have a client named"), page);
        assertTrue(page.contains("name=\"confirmName\" value=\"my cursor\""), "the name to confirm");
        assertTrue(page.contains("Register with this name anyway"));
        assertTrue(checked(page, "places:read"), "input kept");
        assertEquals(1, count(page, "<li class=\"client\""), "not created yet");

        // confirming another name than the one warned about is checked again
        r = submit(web, Map.of("action", "create", "name", "MY CURSOR", "confirmName", "something else",
                "redirectUris", "http://localhost"), List.of("trips:read"));
        assertTrue(location(r).endsWith("#client-name"));
        follow(web, r);
        r = submit(web, Map.of("action", "create", "name", "my cursor", "confirmName", "my cursor",
                "redirectUris", "http://localhost"), List.of("trips:read"));
        assertEquals(200, r.statusCode(), "confirmed");
        assertTrue(r.body().contains("Client registered"));
        assertEquals(2, count(web.get("/settings/mcp").body(), "<li class=\"client\""));
    }

    @Test
    void editChangesNameUrisAndScopesWithTheRulesOfCreateAndWarnsOnARename() {
        WebClient web = newUser();
        String clientId = group(CLIENT_ID, create(web, "Before", "https://a.example/cb", List.of("trips:read")).body());
        group(CLIENT_ID, create(web, "Other", "https://b.example/cb", List.of("trips:read")).body());
        String list = web.get("/settings/mcp").body();
        String id = McpSettingsIT.rowId(list, clientId);
        assertTrue(list.contains("id=\"edit-" + id + "\""), "an Edit link per client");

        String form = web.get("/settings/mcp?edit=" + id).body();
        assertTrue(form.contains("<h2>Edit Before</h2>") && form.contains("id=\"edit-form\""), form);
        assertTrue(form.contains("value=\"Before\"") && form.contains(">https://a.example/cb</textarea>"), "current values");
        assertTrue(checked(form, "trips:read") && !checked(form, "places:read"));
        assertFalse(form.contains("name=\"clientType\""), "the type cannot be changed");
        assertFalse(form.contains("id=\"create-form\""), "one form at a time");

        HttpResponse<String> r = submit(web, Map.of("action", "update", "id", id, "name", "After",
                "redirectUris", "ftp://a.example/cb"), List.of("places:read"));
        assertTrue(location(r).endsWith("/settings/mcp?edit=" + id + "#redirect-uris"), location(r));
        String page = follow(web, r);
        assertTrue(page.contains("id=\"redirect-error\" role=\"alert\">Invalid redirect URI ftp://a.example/cb"), page);
        assertTrue(page.contains("value=\"After\"") && checked(page, "places:read") && !checked(page, "trips:read"), "input kept");

        r = submit(web, Map.of("action", "update", "id", id, "name", "other", "redirectUris", "https://a.example/cb"),
                List.of("trips:read"));
        assertTrue(location(r).endsWith("?edit=" + id + "#client-name"), "renaming to a name in use warns");
        assertTrue(follow(web, r).contains("Save with this name anyway"));

        r = submit(web, Map.of("action", "update", "id", id, "name", "After", "redirectUris",
                "https://a.example/cb\nhttps://c.example/cb"), List.of("trips:read", "places:read"));
        assertEquals(302, r.statusCode());
        page = web.get("/settings/mcp").body();
        assertTrue(page.contains("Client \u201cAfter\u201d saved."), page);
        String li = li(page, id);
        assertTrue(li.contains(">After<") && li.contains("https://c.example/cb") && li.contains(">places:read<"), li);
        assertTrue(li.contains(clientId), "same client id");
        assertEquals(id, McpSettingsIT.rowId(page, clientId));

        WebClient other = newUser();
        other.get("/settings/mcp");
        assertFalse(other.get("/settings/mcp?edit=" + id).body().contains("id=\"edit-form\""), "not another user's client");
        r = submit(other, Map.of("action", "update", "id", id, "name", "Stolen", "redirectUris", "https://a.example/cb"),
                List.of("trips:read"));
        assertEquals(302, r.statusCode());
        assertTrue(other.get("/settings/mcp").body().contains("Client not found"));
        assertTrue(web.get("/settings/mcp").body().contains(">After<"), "unchanged");
    }

    @Test
    void narrowingTheScopesEndsTheGrantsThatHoldARemovedScopeAndIsAudited() {
        String owner = TestUsers.create(server);
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(owner, TestUsers.PASSWORD).statusCode());
        HttpResponse<String> created = submit(web, Map.of("action", "create", "name", "Narrowed", "redirectUris",
                "http://127.0.0.1", "clientType", "public"), List.of("trips:read", "trips:write"));
        String clientId = group(CLIENT_ID, created.body());
        String id = McpSettingsIT.rowId(web.get("/settings/mcp").body(), clientId);

        OAuthHarness oauth = new OAuthHarness(server);
        String[] wide = connect(oauth, web, clientId, "trips:read trips:write"); // the owner, with the write scope
        WebClient reader = newUser();
        String[] narrow = connect(oauth, reader, clientId, "trips:read"); // another user, read only
        assertNotEquals(401, mcpStatus(wide[0]));
        assertNotEquals(401, mcpStatus(narrow[0]));

        HttpResponse<String> r = submit(web, Map.of("action", "update", "id", id, "name", "Narrowed",
                "redirectUris", "http://127.0.0.1"), List.of("trips:read"));
        assertEquals(302, r.statusCode());
        String page = web.get("/settings/mcp").body();
        assertTrue(page.contains("Scopes removed: trips:write. 1 session that held them was ended"), page);

        assertEquals(401, mcpStatus(wide[0]), "the grant holding trips:write is revoked");
        assertEquals(400, oauth.refresh(clientId, null, wide[1], null).statusCode(), "and cannot be refreshed");
        assertNotEquals(401, mcpStatus(narrow[0]), "a grant within the new set lives on");
        HttpResponse<String> refreshed = oauth.refresh(clientId, null, narrow[1], null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertFalse(web.get("/settings/mcp?tab=apps").body().contains(">trips:write<"), "the consent is narrowed too");

        // widening ends nothing
        r = submit(web, Map.of("action", "update", "id", id, "name", "Narrowed", "redirectUris", "http://127.0.0.1"),
                List.of("trips:read", "places:read"));
        assertEquals(302, r.statusCode());
        assertEquals(200, oauth.refresh(clientId, null, OAuthHarness.json(refreshed).getString("refresh_token"), null).statusCode());

        String audit = McpSettingsIT.admin(server).get("/admin/audit?action=oauth.client.update&user=" + owner).body();
        assertTrue(audit.contains("<code>oauth.client.update</code>"), audit);
        assertTrue(audit.contains("scopes_removed: trips:write") && audit.contains("grants_revoked: 1"), audit);
        assertTrue(audit.contains("scopes_added: places:read"), audit);
    }

    @Test
    void theSnippetHelpReadsAsSentencesAndEveryIdHasACopyButton() {
        WebClient web = newUser();
        String clientId = group(CLIENT_ID, create(web, "Desk", "http://localhost\nhttp://127.0.0.1", List.of("trips:read")).body());
        String page = web.get("/settings/mcp").body();
        String id = McpSettingsIT.rowId(page, clientId);
        assertTrue(page.contains("get a new one). On Windows"), "a space between the sentences");
        assertTrue(page.contains("<code id=\"client-id-" + id + "\">" + clientId + "</code>"));
        assertTrue(page.contains("data-copy=\"client-id-" + id + "\""), "copy the client id");
        assertTrue(page.contains("data-copy=\"uri-" + id + "-0\"") && page.contains("data-copy=\"uri-" + id + "-1\""),
                "copy each redirect URI");
        assertTrue(page.contains("data-copy=\"snippet-" + id + "\"") && page.contains("data-copy=\"mcp-url\""));

        new OAuthHarness(server).connectPublicClient(web, "trips:read");
        String apps = web.get("/settings/mcp?tab=apps").body();
        assertTrue(apps.contains("data-copy=\"app-id-0\"") && apps.contains("<code id=\"app-id-0\">"), "Connected apps: copy the id");
        assertTrue(apps.contains("/assets/integrations.js"), "the script that shows the buttons");
    }

    @Test
    void theEditFormNeedsTheCsrfToken() {
        WebClient web = newUser();
        String clientId = group(CLIENT_ID, create(web, "Guarded", "https://a.example/cb", List.of("trips:read")).body());
        String id = McpSettingsIT.rowId(web.get("/settings/mcp").body(), clientId);
        Map<String, String> form = Map.of("action", "update", "id", id, "name", "Changed", "redirectUris",
                "https://a.example/cb", "scope", "trips:read");
        assertEquals(403, web.postRaw("/settings/mcp", form, server.baseUrl()).statusCode());
        Map<String, String> wrong = new LinkedHashMap<>(form);
        wrong.put("_csrf", web.csrf());
        assertEquals(403, web.postRaw("/settings/mcp", wrong, "https://evil.example").statusCode(), "Origin checked");
        assertTrue(web.get("/settings/mcp").body().contains(">Guarded<"));
    }

    /** Authorization code flow for the (public, loopback) client; answers {access, refresh}. */
    private static String[] connect(OAuthHarness oauth, WebClient web, String clientId, String scope) {
        String verifier = OAuthHarness.newVerifier();
        String redirect = "http://127.0.0.1:" + (20000 + new java.security.SecureRandom().nextInt(20000)) + "/callback";
        Map<String, String> q = oauth.approve(web, oauth.authorizeParams(clientId, redirect, verifier, scope, "st"),
                List.of(scope.split(" ")));
        HttpResponse<String> token = oauth.exchange(clientId, null, false, q.get("code"), redirect, verifier);
        assertEquals(200, token.statusCode(), token.body());
        assertEquals(scope, OAuthHarness.json(token).getString("scope"));
        return new String[] {OAuthHarness.json(token).getString("access_token"), OAuthHarness.json(token).getString("refresh_token")};
    }

    private int mcpStatus(String bearer) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
        return new WebClient(server).send(HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    private static String li(String page, String id) {
        Matcher m = Pattern.compile("id=\"client-" + id + "\">((?:(?!</li>\\s*</ul>|<li class=\"client\").)*)", Pattern.DOTALL).matcher(page);
        assertTrue(m.find());
        return m.group(1);
    }

    private static String group(Pattern p, String html) {
        return McpSettingsIT.group(p, html);
    }

    private static int count(String html, String literal) {
        int n = 0;
        for (int i = html.indexOf(literal); i >= 0; i = html.indexOf(literal, i + 1)) {
            n++;
        }
        return n;
    }
}
