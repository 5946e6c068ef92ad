package org.trek.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigSnippetsTest {

    @Test
    void desktopSnippetIsValidJsonForMcpRemoteWithStaticClientInfo() {
        String snippet = ConfigSnippets.forClient("https://trips.example.com/mcp", "abc-123", null, false,
                List.of("http://localhost"));
        JsonArray args = Json.createReader(new StringReader(snippet)).readObject()
                .getJsonObject("mcpServers").getJsonObject("trek").getJsonArray("args");
        assertEquals("mcp-remote", args.getString(1));
        assertEquals("https://trips.example.com/mcp", args.getString(2));
        assertEquals("--static-oauth-client-info", args.getString(3));
        JsonObject info = Json.createReader(new StringReader(args.getString(4))).readObject();
        assertEquals("abc-123", info.getString("client_id"));
        assertEquals(ConfigSnippets.SECRET_PLACEHOLDER, info.getString("client_secret"));
    }

    @Test
    void publicClientsGetNoSecretAndWebClientsTheUrl() {
        String snippet = ConfigSnippets.forClient("https://t.example/mcp", "id", null, true, List.of("http://127.0.0.1"));
        assertFalse(snippet.contains("client_secret"));
        String web = ConfigSnippets.forClient("https://t.example/mcp", "id", "trekcs_x", false,
                List.of("https://claude.ai/api/mcp/auth_callback"));
        assertTrue(web.startsWith("Remote MCP server URL: https://t.example/mcp"));
        assertTrue(web.contains("OAuth Client Secret: trekcs_x"));
    }
}
