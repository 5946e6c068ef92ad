package org.trek.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import org.trek.it.browser.Browser;

/**
 * Journey 1 of PRODUCT.md end to end with the real `mcp-remote` (what Claude Desktop, Cursor, VS Code, Windsurf
 * and Zed run): 401 → protected-resource and authorization-server metadata → dynamic registration with a loopback
 * redirect URI → the user signs in and approves in a real (headless) Chromium → code exchange with PKCE →
 * initialize and tools/list over mcp-remote's stdio.
 */
class McpRemoteE2EIT {
    private static final String AUTHORIZE_PROMPT = "Please authorize this client by visiting:";

    @Test
    void mcpRemoteRegistersGetsConsentAndListsTools() throws Exception {
        TrekServer server = TrekServer.shared();
        Path proxy = Path.of(System.getProperty("it.e2e.dir", "target/e2e"), "node_modules/mcp-remote/dist/proxy.js");
        assertTrue(Files.exists(proxy), "mcp-remote is installed by the e2e profile (npm): " + proxy.toAbsolutePath());
        Path config = Files.createTempDirectory("mcp-remote-config");

        ProcessBuilder pb = new ProcessBuilder(System.getProperty("it.node", "node"), proxy.toString(),
                server.baseUrl() + "/mcp", "--host", "127.0.0.1");
        pb.environment().put("MCP_REMOTE_CONFIG_DIR", config.toString());
        pb.environment().put("BROWSER", "true"); // the test's own Chromium opens the page, not the desktop's
        pb.environment().remove("DISPLAY");
        Process process = pb.start();
        try {
            BlockingQueue<String> stderr = pump(process.getErrorStream(), "mcp-remote stderr");
            BlockingQueue<String> stdout = pump(process.getInputStream(), "mcp-remote stdout");
            try (Browser browser = new Browser(server)) {
                String authorizeUrl = authorizationUrl(stderr);
                assertTrue(authorizeUrl.startsWith(server.baseUrl() + "/oauth/authorize?"), authorizeUrl);
                assertTrue(authorizeUrl.contains("code_challenge_method=S256"), "PKCE");
                assertTrue(authorizeUrl.contains("resource=" + java.net.URLEncoder.encode(server.baseUrl() + "/mcp",
                        StandardCharsets.UTF_8)), "RFC 8707 resource");

                browser.driver().get(authorizeUrl);
                assertTrue(browser.path().startsWith("/login?next="), "not signed in yet: " + browser.path());
                browser.type("#login", TrekServer.ADMIN_EMAIL).type("#password", TrekServer.ADMIN_PASSWORD)
                        .click("form button[type=submit]");
                assertTrue(browser.awaitLeaving("/login").path().startsWith("/oauth/authorize"),
                        "the pending authorization survived the login");
                assertTrue(browser.text().contains("registered itself"), "consent says the client registered itself");
                browser.screenshot("10-consent-mcp-remote");
                browser.click("#approve");
                // mcp-remote's callback page on 127.0.0.1
                waitFor(() -> browser.driver().getCurrentUrl().contains("/oauth/callback"), Duration.ofSeconds(20));
                browser.screenshot("11-mcp-remote-callback");
            }

            OutputStream stdin = process.getOutputStream();
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"trek-e2e\",\"version\":\"1.0\"}}}");
            JsonObject init = response(stdout, 1);
            assertNotNull(init.getJsonObject("result"), init.toString());
            assertEquals("2025-06-18", init.getJsonObject("result").getString("protocolVersion"));
            send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}");
            JsonObject list = response(stdout, 2);
            List<String> names = list.getJsonObject("result").getJsonArray("tools").stream()
                    .map(t -> t.asJsonObject().getString("name")).toList();
            assertTrue(names.contains("list_trips"), names.toString());
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_trips\",\"arguments\":{}}}");
            JsonObject call = response(stdout, 3);
            assertTrue(!call.getJsonObject("result").getBoolean("isError", false), call.toString());
        } finally {
            // also when an assertion fails: a live mcp-remote would outlast the test run
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        WebClient admin = new WebClient(server);
        admin.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        String audit = admin.get("/admin/audit?action=oauth.token.issue").body();
        assertTrue(audit.contains("oauth.token.issue"), "the token issue was audited");
    }

    private static String authorizationUrl(BlockingQueue<String> stderr) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        boolean next = false;
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = stderr.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.append(line).append('\n');
            if (next && line.startsWith("http")) {
                return line.trim();
            }
            next = next || line.contains(AUTHORIZE_PROMPT);
        }
        throw new AssertionError("mcp-remote never asked for authorization:\n" + seen);
    }

    private static void send(OutputStream stdin, String json) throws IOException {
        stdin.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static JsonObject response(BlockingQueue<String> stdout, int id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String line = stdout.poll(1, TimeUnit.SECONDS);
            if (line == null || !line.startsWith("{")) {
                continue;
            }
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                JsonObject message = reader.readObject();
                if (message.containsKey("id") && message.get("id").toString().equals(String.valueOf(id))) {
                    return message;
                }
            }
        }
        throw new AssertionError("no response " + id + " from mcp-remote");
    }

    private static BlockingQueue<String> pump(java.io.InputStream in, String name) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return lines;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met within " + timeout);
    }
}
