package org.trek.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;

/**
 * The official clients against /mcp: the TypeScript SDK 1.x (legacy revisions, sessions), the TypeScript SDK 2.x
 * client pinned to the stateless 2026-07-28 revision, and the MCP Inspector CLI. They authenticate with a static
 * token made through the settings page (OAuth with a real client is covered by McpRemoteE2EIT).
 */
class McpClientsE2EIT {
    private static final TrekServer server = TrekServer.shared();
    private static final Path E2E = Path.of(System.getProperty("it.e2e.dir", "target/e2e")).toAbsolutePath();
    private static String token;

    @BeforeAll
    static void createToken() {
        WebClient web = new WebClient(server);
        web.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        web.get("/settings/tokens");
        String page = web.post("/settings/tokens", Map.of("action", "create", "name", "sdk clients")).body();
        Matcher m = Pattern.compile("(trek_[A-Za-z0-9_-]{40,})").matcher(page);
        assertTrue(m.find(), "the new token is shown once");
        token = m.group(1);
    }

    @Test
    void typescriptSdk1And2() throws Exception {
        Path script = E2E.resolve("clients.mjs");
        Files.copy(Path.of("src/test/clients/clients.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
        Result r = run(List.of(node(), script.toString(), server.baseUrl() + "/mcp", token));
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("legacy-sdk1: server=TREK MCP"), r.output);
        assertTrue(r.output.contains("modern-sdk2: era=modern version=2026-07-28"), r.output);
    }

    @Test
    void inspectorCli() throws Exception {
        Path launcher = E2E.resolve("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
        assertTrue(Files.exists(launcher), "the e2e profile installs the Inspector: " + launcher);
        List<String> base = List.of(node(), launcher.toString(), "--cli", server.baseUrl() + "/mcp", "--transport", "http",
                "--header", "Authorization: Bearer " + token);
        Result list = run(concat(base, "--method", "tools/list"));
        assertEquals(0, list.exit, list.output);
        assertTrue(list.output.contains("\"name\": \"list_trips\""), list.output);
        Result call = run(concat(base, "--method", "tools/call", "--tool-name", "list_trips"));
        assertEquals(0, call.exit, call.output);
        assertTrue(call.output.contains("org.trek/deprecation"), "static-token results carry the deprecation notice");
        assertTrue(!call.output.contains("\"isError\": true"), call.output);
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static String node() {
        return System.getProperty("it.node", "node");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("mcp-client", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .directory(E2E.toFile());
        pb.environment().put("MCP_CATALOG_PATH", E2E.resolve("inspector-catalog.json").toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out\n" + Files.readString(out, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }
}
