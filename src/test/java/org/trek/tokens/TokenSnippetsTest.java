package org.trek.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSnippetsTest {
    private static final String URL = "https://trips.example.com/mcp";
    private static final String TOKEN = "trek_abc-DEF_123";

    private static JsonObject server(String snippet) {
        return Json.createReader(new StringReader(snippet)).readObject().getJsonObject("mcpServers").getJsonObject("trek");
    }

    @Test
    void theConfigPassesTheTokenAsHeaderToMcpRemote() {
        JsonObject server = server(TokenSnippets.config(URL, TOKEN));
        assertEquals("npx", server.getString("command"));
        JsonArray args = server.getJsonArray("args");
        assertEquals(List.of("-y", "mcp-remote", URL, "--header", "Authorization: Bearer " + TOKEN),
                args.getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void theCommandLineIsTheSame() {
        assertEquals("npx -y mcp-remote " + URL + " --header \"Authorization: Bearer " + TOKEN + "\"",
                TokenSnippets.command(URL, TOKEN));
    }

    @Test
    void theWindowsFormHasNoSpaceInItsArgumentsAndTheTokenInTheEnvironment() {
        JsonObject server = server(TokenSnippets.configWithEnv(URL, TOKEN));
        List<String> args = server.getJsonArray("args").getValuesAs(jakarta.json.JsonString::getString);
        assertEquals(List.of("-y", "mcp-remote", URL, "--header", "Authorization:${AUTH_HEADER}"), args);
        args.forEach(a -> assertEquals(-1, a.indexOf(' '), a));
        assertEquals("Bearer " + TOKEN, server.getJsonObject("env").getString("AUTH_HEADER"));
    }
}
