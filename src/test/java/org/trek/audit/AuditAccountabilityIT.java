package org.trek.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trek.it.McpCalls;
import org.trek.it.TestUsers;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import org.trek.oauth.OAuthHarness;

/**
 * Issue #14 item 4: every MCP tool call and refusal names the user it acted for and the client by its name, on the
 * audit page, in its user filter and in the CSV; dates are validated; details and times are readable.
 */
class AuditAccountabilityIT {
    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

    private final TrekServer server = TrekServer.shared();

    private HttpResponse<String> mcp(String token, String tool) {
        JsonObject params = Json.createObjectBuilder().add("name", tool).add("arguments", Json.createObjectBuilder())
                .add("_meta", Json.createObjectBuilder()
                        .add("io.modelcontextprotocol/protocolVersion", "2026-07-28")
                        .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder())
                        .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "it").add("version", "1")))
                .build();
        String body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", 1).add("method", "tools/call")
                .add("params", params).build().toString();
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28").header("Mcp-Method", "tools/call").header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return new WebClient(server).send(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> rows(String html) {
        Matcher m = ROW.matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * Refusals are audited sampled (10 a minute per status and address, other tests share the address): repeats the
     * refusal until its record is there, for at most 75 seconds.
     */
    private List<String> awaitRows(WebClient admin, String query, Runnable refuse, Predicate<String> wanted) {
        long deadline = System.currentTimeMillis() + 75_000;
        while (true) {
            refuse.run();
            sleep(1_500); // the batched writer: within a second
            List<String> found = rows(admin.get("/admin/audit?" + query).body()).stream().filter(wanted).toList();
            if (!found.isEmpty() || System.currentTimeMillis() > deadline) {
                return found;
            }
            sleep(5_000);
        }
    }

    @Test
    void toolCallsAndRefusalsNameTheUserAndTheClientOnThePageInTheFilterAndInTheCsv() {
        String name = TestUsers.create(server);
        WebClient user = new WebClient(server);
        assertEquals(302, user.login(name, TestUsers.PASSWORD).statusCode());
        OAuthHarness h = new OAuthHarness(server);
        JsonObject oauth = h.connectPublicClient(user, "trips:read"); // self-registered as "IT client"
        String accessToken = oauth.getString("access_token");

        assertEquals(200, mcp(accessToken, "list_trips").statusCode());
        McpCalls.asUser(server, name, TestUsers.PASSWORD).call("list_trips", McpCalls.args()); // a static trek_ token
        sleep(1_500);

        WebClient admin = OAuthHarness.signedIn(server);
        HttpResponse<String> page = admin.get("/admin/audit?action=mcp.tool_call&user=" + enc(name));
        assertEquals(200, page.statusCode());
        List<String> calls = rows(page.body()).stream().filter(r -> r.contains("list_trips")).toList();
        assertEquals(2, calls.size(), "the user filter finds both tool calls: " + page.body());
        assertTrue(calls.stream().allMatch(r -> r.contains("<td>" + name + "</td>")), "named user: " + calls);
        assertTrue(calls.stream().anyMatch(r -> r.contains("<td>IT client</td>")), "the OAuth client by its name: " + calls);
        assertTrue(calls.stream().anyMatch(r -> r.contains("<td>static token</td>")), "a trek_ token: " + calls);
        assertFalse(page.body().contains("native"), "no more 'native'");
        assertTrue(calls.stream().allMatch(r -> r.contains("<li>outcome: ok</li>")), "details as key: value: " + calls);
        assertTrue(calls.stream().allMatch(r -> TIME.matcher(r).find()), "one time format: " + calls);

        // a 403 after a valid token (a tool outside the grant) names the user and the client
        List<String> refused = awaitRows(admin, "action=mcp.rejected&user=" + enc(name),
                () -> assertEquals(403, mcp(accessToken, "create_trip").statusCode()),
                r -> r.contains("status: 403"));
        assertFalse(refused.isEmpty(), "a 403 refusal is found by its user");
        assertTrue(refused.get(0).contains("<td>" + name + "</td>") && refused.get(0).contains("<td>IT client</td>"), refused.get(0));

        // an unauthenticated request has nobody to name: "—", honestly
        List<String> anonymous = awaitRows(admin, "action=mcp.rejected",
                () -> assertEquals(401, mcp(null, "list_trips").statusCode()),
                r -> r.contains("status: 401"));
        assertFalse(anonymous.isEmpty(), "a 401 refusal is recorded");
        assertTrue(anonymous.get(0).contains("<td>—</td>"), anonymous.get(0));

        // the CSV: username and client columns, the page's time format
        HttpResponse<String> csv = admin.get("/admin/audit/export.csv?user=" + enc(name));
        assertEquals(200, csv.statusCode());
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertEquals("id,time_utc,user_id,username,client,action,target,ip,details", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("," + name + ",IT client,mcp.tool_call,list_trips,")), csv.body());
        assertTrue(lines.stream().anyMatch(l -> l.contains("," + name + ",static token,mcp.tool_call,list_trips,")), csv.body());
        assertTrue(lines.stream().anyMatch(l -> l.contains("," + name + ",IT client,mcp.rejected,/mcp,")), csv.body());
        assertTrue(lines.subList(1, lines.size()).stream().allMatch(l -> TIME.matcher(l.split(",")[1]).matches()), csv.body());
    }

    @Test
    void aDateRangeThatEndsBeforeItStartsIsAnErrorAtTheField() {
        WebClient admin = OAuthHarness.signedIn(server);
        HttpResponse<String> backwards = admin.get("/admin/audit?from=2026-02-01&to=2026-01-01");
        assertEquals(400, backwards.statusCode());
        assertTrue(backwards.body().contains("id=\"f-from-error\""), "shown at the From field");
        assertTrue(backwards.body().contains("is after"), backwards.body());
        assertTrue(backwards.body().contains("aria-invalid=\"true\""));
        assertFalse(backwards.body().contains("No audit records match."), "not silently an empty result");

        HttpResponse<String> notADate = admin.get("/admin/audit?to=2026-13-45");
        assertEquals(400, notADate.statusCode());
        assertTrue(notADate.body().contains("id=\"f-to-error\"") && notADate.body().contains("is not a date"));

        HttpResponse<String> csv = admin.get("/admin/audit/export.csv?from=2026-02-01&to=2026-01-01");
        assertEquals(400, csv.statusCode());
        assertTrue(csv.body().contains("is after"), csv.body());

        assertEquals(200, admin.get("/admin/audit?from=2026-01-01&to=2026-01-01").statusCode(), "one whole day is fine");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
