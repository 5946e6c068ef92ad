package org.trek.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
import org.trek.platform.auth.ScopeCatalog;

/** Settings → Integrations → MCP and Admin → MCP access, through plain HTTP forms (no JavaScript). */
public class McpSettingsIT {
    private static final Pattern SECRET = Pattern.compile("<code id=\"new-secret-value\">(trekcs_[^<]+)</code>");
    private static final Pattern CLIENT_ID = Pattern.compile("<code id=\"new-client-id\">([^<]+)</code>");
    private static final String PASSWORD = TestUsers.PASSWORD;

    private final TrekServer server = TrekServer.shared();

    static WebClient admin(TrekServer server) {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD).statusCode());
        return web;
    }

    private WebClient newUser() {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(TestUsers.create(server), PASSWORD).statusCode());
        return web;
    }

    /** Creates a client through the form; returns the answer page. */
    static HttpResponse<String> create(WebClient web, String name, String uris, List<String> scopes) {
        web.get("/settings/mcp");
        StringBuilder body = new StringBuilder(WebClient.encode(Map.of("_csrf", web.csrf(), "action", "create",
                "name", name, "redirectUris", uris, "clientType", "confidential")));
        for (String s : scopes) {
            body.append("&scope=").append(s);
        }
        return post(web, "/settings/mcp", body.toString());
    }

    static HttpResponse<String> post(WebClient web, String path, String form) {
        return web.send(HttpRequest.newBuilder(URI(web, path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", originOf(web)).POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static java.net.URI URI(WebClient web, String path) {
        return TrekServer.shared().uri(path);
    }

    private static String originOf(WebClient web) {
        return TrekServer.shared().baseUrl();
    }

    static String group(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertTrue(m.find(), "expected " + p + " in page");
        return m.group(1);
    }

    /** The row id of the listed client with this client_id. */
    static String rowId(String page, String clientId) {
        Matcher m = Pattern.compile("<li class=\"client\" id=\"client-(\\d+)\">((?:(?!</li>).)*)</li>", Pattern.DOTALL).matcher(page);
        while (m.find()) {
            if (m.group(2).contains(clientId)) {
                return m.group(1);
            }
        }
        throw new AssertionError("client " + clientId + " not listed");
    }

    @Test
    void secretIsShownOnceAfterCreateAndAfterRotateAndNeverAgain() {
        WebClient web = newUser();
        HttpResponse<String> created = create(web, "Once", "https://client.example/cb", List.of("trips:read", "places:read"));
        assertEquals(200, created.statusCode(), created.body());
        String secret = group(SECRET, created.body());
        String clientId = group(CLIENT_ID, created.body());
        assertTrue(created.body().contains("shown only once"));
        assertTrue(created.body().contains(secret.replace("\"", "")) && created.body().contains("OAuth Client Secret: " + secret),
                "the snippet of the answer page carries the secret");

        String list = web.get("/settings/mcp").body();
        assertFalse(list.contains(secret), "secret never shown again");
        assertFalse(list.contains("trekcs_"));
        assertTrue(list.contains(clientId));
        assertTrue(list.contains("&lt;your_client_secret&gt;"), "the list's snippet has a placeholder");

        String id = rowId(list, clientId);
        String confirm = web.get("/settings/mcp?confirmRotate=" + id).body();
        assertTrue(confirm.contains("id=\"confirm-rotate\""), "rotation asks first");
        assertFalse(confirm.contains("trekcs_"));
        HttpResponse<String> rotated = web.post("/settings/mcp", Map.of("action", "rotate", "id", id));
        assertEquals(200, rotated.statusCode());
        String newSecret = group(SECRET, rotated.body());
        assertNotEquals(secret, newSecret);
        assertTrue(rotated.body().contains("New secret generated"));
        assertFalse(web.get("/settings/mcp").body().contains("trekcs_"), "rotated secret not shown again");
    }

    @Test
    void deleteAsksFirstAndRemovesTheClient() {
        WebClient web = newUser();
        String clientId = group(CLIENT_ID, create(web, "Doomed", "https://client.example/cb", List.of("trips:read")).body());
        String id = rowId(web.get("/settings/mcp").body(), clientId);
        assertTrue(web.get("/settings/mcp?confirmDelete=" + id).body().contains("id=\"confirm-delete\""));
        HttpResponse<String> r = web.post("/settings/mcp", Map.of("action", "delete", "id", id));
        assertEquals(302, r.statusCode());
        String after = web.get("/settings/mcp").body();
        assertTrue(after.contains("OAuth client deleted"), "flash message");
        assertFalse(after.contains(clientId));
    }

    @Test
    void anotherUsersClientCannotBeRotatedOrDeleted() {
        WebClient owner = newUser();
        String clientId = group(CLIENT_ID, create(owner, "Mine", "https://client.example/cb", List.of("trips:read")).body());
        String id = rowId(owner.get("/settings/mcp").body(), clientId);
        WebClient other = newUser();
        other.get("/settings/mcp");
        HttpResponse<String> r = other.post("/settings/mcp", Map.of("action", "rotate", "id", id));
        assertEquals(302, r.statusCode());
        assertTrue(other.get("/settings/mcp").body().contains("Client not found"));
        other.post("/settings/mcp", Map.of("action", "delete", "id", id));
        assertTrue(owner.get("/settings/mcp").body().contains(clientId), "still there");
    }

    @Test
    void theEleventhClientGetsTheServersLimitMessage() {
        WebClient web = newUser();
        for (int i = 0; i < 10; i++) {
            assertEquals(200, create(web, "c" + i, "https://client.example/cb", List.of("trips:read")).statusCode());
        }
        HttpResponse<String> r = create(web, "eleventh", "https://client.example/cb", List.of("trips:read"));
        assertEquals(303, r.statusCode(), "refused, back to the page (PRG)");
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/settings/mcp#client-limit"));
        String page = web.get("/settings/mcp").body();
        assertTrue(page.contains("You have 10 OAuth clients, the most one account can have. Delete one to add another."),
                "server message shown where the form was");
    }

    @Test
    void validationMessagesComeFromTheService() {
        WebClient web = newUser();
        HttpResponse<String> r = create(web, "Bad", "http://evil.example/cb", List.of("trips:read"));
        assertEquals(303, r.statusCode());
        String page = web.get("/settings/mcp").body();
        assertTrue(page.contains("Invalid redirect URI http://evil.example/cb"), page);
        assertTrue(page.contains("value=\"Bad\""), "form keeps what was typed");
        r = create(web, "No scopes", "https://client.example/cb", List.of());
        assertEquals(303, r.statusCode());
        assertTrue(web.get("/settings/mcp").body().contains("At least one scope is required"));
    }

    @Test
    void namesAreEscaped() {
        WebClient web = newUser();
        HttpResponse<String> r = create(web, "<script>alert(1)</script>", "https://client.example/cb", List.of("trips:read"));
        assertFalse(r.body().contains("<script>alert(1)"), "not in the answer page");
        String page = web.get("/settings/mcp").body();
        assertFalse(page.contains("<script>alert(1)"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
        String adminPage = admin(server).get("/admin/mcp").body();
        assertFalse(adminPage.contains("<script>alert(1)"));
        assertTrue(adminPage.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void adminSeesEachClientIdWithACopyButton() {
        WebClient web = newUser();
        HttpResponse<String> r = create(web, "Copy me", "https://client.example/cb", List.of("trips:read"));
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("id=\"new-client-id\">([^<]+)<").matcher(r.body());
        assertTrue(id.find(), r.body());
        String adminPage = admin(server).get("/admin/mcp").body();
        java.util.regex.Matcher copy = java.util.regex.Pattern.compile("<code id=\"(admin-client-id-\\d+)\">"
                + java.util.regex.Pattern.quote(id.group(1)) + "</code>\\s*<button type=\"button\" class=\"small copy\" "
                + "data-copy=\"([^\"]+)\"").matcher(adminPage);
        assertTrue(copy.find(), "a Copy button beside the client id on Admin → MCP access");
        assertEquals(copy.group(1), copy.group(2), "it copies that id");
        assertTrue(adminPage.contains("/assets/integrations.js"), "the script that shows and runs the Copy buttons");
    }

    @Test
    void presetsFillTheFormWithoutJavaScript() {
        WebClient web = newUser();
        String vscode = web.get("/settings/mcp?preset=vscode").body();
        assertTrue(vscode.contains("value=\"VS Code / Copilot\""));
        assertTrue(vscode.contains("http://localhost\nhttp://127.0.0.1"));
        assertEquals(13, count(vscode, "name=\"scope\" value=\"[a-z]+:read\" data-group=\"[^\"]+\" checked"));
        assertEquals(13, count(vscode, "name=\"scope\" value=\"[^\"]+\" data-group=\"[^\"]+\" checked"));
        String claude = web.get("/settings/mcp?preset=claude-web").body();
        assertTrue(claude.contains("https://claude.ai/api/mcp/auth_callback"));
        assertEquals(26, count(claude, "name=\"scope\" value=\"[^\"]+\" data-group=\"[^\"]+\" checked"));
        assertFalse(claude.contains("value=\"trips:delete\" data-group=\"trips\" checked"));
        for (String preset : List.of("claude-desktop", "cursor", "windsurf", "zed")) {
            assertTrue(web.get("/settings/mcp?preset=" + preset).body().contains("http://localhost\nhttp://127.0.0.1"), preset);
        }
    }

    @Test
    void groupCheckboxAndSelectAllWorkWithoutJavaScript() {
        WebClient web = newUser();
        web.get("/settings/mcp");
        String form = WebClient.encode(Map.of("_csrf", web.csrf(), "action", "create", "name", "Grouped",
                "redirectUris", "https://client.example/cb")) + "&group=budget&scope=geo:read";
        HttpResponse<String> r = post(web, "/settings/mcp", form);
        assertEquals(200, r.statusCode(), r.body());
        String clientId = group(CLIENT_ID, r.body());
        String page = web.get("/settings/mcp").body();
        Matcher li = Pattern.compile("id=\"client-" + rowId(page, clientId) + "\">((?:(?!</li>).)*)</li>", Pattern.DOTALL).matcher(page);
        assertTrue(li.find());
        assertTrue(li.group(1).contains(">budget:read<") && li.group(1).contains(">budget:write<")
                && li.group(1).contains(">geo:read<"), li.group(1));
        assertFalse(li.group(1).contains(">trips:read<"));

        form = WebClient.encode(Map.of("_csrf", web.csrf(), "action", "create", "name", "Everything",
                "redirectUris", "https://client.example/cb", "allScopes", "on"));
        r = post(web, "/settings/mcp", form);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("+" + (ScopeCatalog.names().size() - 5)), "27 scopes: 5 badges and +22");
    }

    @Test
    void loopbackPresetAcceptsARandomPortAndTheSnippetUsesMcpRemote() {
        WebClient web = newUser();
        HttpResponse<String> created = create(web, "Cursor", "http://localhost\nhttp://127.0.0.1", ScopeCatalog.allButDelete());
        String secret = group(SECRET, created.body());
        String clientId = group(CLIENT_ID, created.body());
        assertTrue(created.body().contains("--static-oauth-client-info"), "mcp-remote snippet");
        assertTrue(created.body().contains(server.baseUrl() + "/mcp"));

        OAuthHarness oauth = new OAuthHarness(server);
        String verifier = OAuthHarness.newVerifier();
        String redirect = "http://localhost:53124/oauth/callback";
        Map<String, String> q = oauth.approve(web, oauth.authorizeParams(clientId, redirect, verifier, "trips:read", "s1"),
                List.of("trips:read"));
        HttpResponse<String> token = oauth.exchange(clientId, secret, true, q.get("code"), redirect, verifier);
        assertEquals(200, token.statusCode(), token.body());
    }

    @Test
    void connectedAppsListsSelfRegisteredClientsAndRevokeEndsTheirAccess() {
        WebClient web = newUser();
        OAuthHarness oauth = new OAuthHarness(server);
        JsonObject tokens = oauth.connectPublicClient(web, "trips:read");
        String clientId = tokens.getString("client_id");
        String access = tokens.getString("access_token");
        assertNotEquals(401, mcpStatus(access));

        String apps = web.get("/settings/mcp?tab=apps").body();
        assertTrue(apps.contains(clientId) && apps.contains("self-registered") && apps.contains(">trips:read<"), apps);
        String confirm = web.get("/settings/mcp?tab=apps&confirmRevoke=" + clientId).body();
        assertTrue(confirm.contains("id=\"confirm-revoke\""));
        HttpResponse<String> r = web.post("/settings/mcp", Map.of("action", "revoke-app", "clientId", clientId));
        assertEquals(302, r.statusCode());
        assertFalse(web.get("/settings/mcp?tab=apps").body().contains(clientId));
        assertEquals(401, mcpStatus(access), "token revoked with the consent");
    }

    @Test
    void everyFormNeedsTheCsrfToken() {
        WebClient web = newUser();
        web.get("/settings/mcp");
        for (Map<String, String> form : List.of(
                Map.of("action", "create", "name", "x", "redirectUris", "https://a.example/cb", "scope", "trips:read"),
                Map.of("action", "update", "id", "1", "name", "x", "redirectUris", "https://a.example/cb", "scope", "trips:read"),
                Map.of("action", "rotate", "id", "1"), Map.of("action", "delete", "id", "1"),
                Map.of("action", "revoke-app", "clientId", "x"))) {
            assertEquals(403, web.postRaw("/settings/mcp", form, server.baseUrl()).statusCode(), form.toString());
            Map<String, String> wrong = new LinkedHashMap<>(form);
            wrong.put("_csrf", "wrong");
            assertEquals(403, web.postRaw("/settings/mcp", wrong, server.baseUrl()).statusCode(), form.toString());
        }
        assertFalse(web.get("/settings/mcp").body().contains("<li class=\"client\""), "nothing was created");
        WebClient admin = admin(server);
        admin.get("/admin/mcp");
        for (String action : List.of("revoke-grant", "delete-client", "delete-token")) {
            assertEquals(403, admin.postRaw("/admin/mcp", Map.of("action", action, "id", "1"), server.baseUrl()).statusCode());
        }
        assertEquals(403, web.postRaw("/settings/tokens", Map.of("action", "create", "name", "x"), server.baseUrl()).statusCode());
    }

    @Test
    void adminMcpAccessIsForAdminsOnly() {
        WebClient web = newUser();
        assertEquals(403, web.get("/admin/mcp").statusCode());
        web.get("/settings/mcp");
        assertEquals(403, web.post("/admin/mcp", Map.of("action", "delete-token", "id", "1")).statusCode());
        assertFalse(web.get("/").body().contains("/admin/mcp"));
    }

    @Test
    void adminRevokesGrantsDeletesTokensAndClientsAllAudited() {
        String name = TestUsers.create(server);
        WebClient user = new WebClient(server);
        assertEquals(302, user.login(name, PASSWORD).statusCode());
        JsonObject tokens = new OAuthHarness(server).connectPublicClient(user, "trips:read");
        String access = tokens.getString("access_token");
        String dcrClient = tokens.getString("client_id");
        user.get("/settings/tokens");
        HttpResponse<String> tokenPage = user.post("/settings/tokens", Map.of("action", "create", "name", "admin-target"));
        String staticToken = group(Pattern.compile("<code id=\"new-token-value\">(trek_[^<]+)</code>"), tokenPage.body());
        assertNotEquals(401, mcpStatus(staticToken));

        WebClient admin = admin(server);
        String page = admin.get("/admin/mcp").body();
        assertTrue(page.contains(name) && page.contains("admin-target") && page.contains(dcrClient)
                && page.contains("self-registered"), "grant, token and self-registered client listed");

        // the grant
        Matcher grant = Pattern.compile("<td>" + Pattern.quote(name) + "</td>.*?confirmGrant=([^\"#]+)#", Pattern.DOTALL)
                .matcher(page);
        assertTrue(grant.find(), "the user's grant is listed with a confirmation link");
        String grantParam = grant.group(1);
        String grantId = java.net.URLDecoder.decode(grantParam, java.nio.charset.StandardCharsets.UTF_8);
        String confirmGrant = admin.get("/admin/mcp?confirmGrant=" + grantParam).body();
        assertTrue(confirmGrant.contains("id=\"confirm-grant\""), "revoking asks first");
        assertTrue(grantId != null, "the user's grant is listed with a confirmation link");
        assertTrue(user.get("/settings/mcp?tab=apps").body().contains(dcrClient));
        assertEquals(302, admin.post("/admin/mcp", Map.of("action", "revoke-grant", "id", grantId)).statusCode());
        assertEquals(401, mcpStatus(access), "grant revoked");
        assertFalse(user.get("/settings/mcp?tab=apps").body().contains(dcrClient),
                "the owner's consent is withdrawn too: the client must ask again");

        // the static token
        Matcher token = Pattern.compile("admin-target<br>.*?confirmToken=(\\d+)#", Pattern.DOTALL)
                .matcher(admin.get("/admin/mcp").body());
        assertTrue(token.find());
        assertTrue(admin.get("/admin/mcp?confirmToken=" + token.group(1)).body().contains("id=\"confirm-token\""));
        assertEquals(302, admin.post("/admin/mcp", Map.of("action", "delete-token", "id", token.group(1))).statusCode());
        assertEquals(401, mcpStatus(staticToken), "token deleted");

        // the self-registered client
        Matcher client = Pattern.compile(Pattern.quote(dcrClient) + "</code>.*?confirmClient=(\\d+)#", Pattern.DOTALL)
                .matcher(admin.get("/admin/mcp").body());
        assertTrue(client.find());
        assertEquals(302, admin.post("/admin/mcp", Map.of("action", "delete-client", "id", client.group(1))).statusCode());
        assertFalse(admin.get("/admin/mcp").body().contains(dcrClient));

        for (String action : List.of("admin.oauth_session.revoke", "admin.token.delete", "admin.oauth_client.delete")) {
            String audit = admin.get("/admin/audit?action=" + action).body();
            assertTrue(audit.contains("<code>" + action + "</code>"), action + " audited");
        }
    }

    private int mcpStatus(String bearer) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
        return new WebClient(server).send(HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
