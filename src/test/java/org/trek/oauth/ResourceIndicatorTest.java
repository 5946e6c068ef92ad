package org.trek.oauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourceIndicatorTest {
    static final String MCP = "https://trek.example/mcp";

    @Test
    void equivalentFormsMatch() {
        assertTrue(ResourceIndicator.matches("https://trek.example/mcp", MCP));
        assertTrue(ResourceIndicator.matches("https://trek.example/mcp/", MCP));
        assertTrue(ResourceIndicator.matches("HTTPS://TREK.example/mcp", MCP));
        assertTrue(ResourceIndicator.matches("https://trek.example:443/mcp", MCP));
        assertTrue(ResourceIndicator.matches("http://127.0.0.1:8080/mcp", "http://127.0.0.1:8080/mcp"));
    }

    @Test
    void otherResourcesDoNot() {
        assertFalse(ResourceIndicator.matches("https://trek.example", MCP));
        assertFalse(ResourceIndicator.matches("https://trek.example/MCP", MCP));
        assertFalse(ResourceIndicator.matches("https://trek.example/mcp#x", MCP));
        assertFalse(ResourceIndicator.matches("https://trek.example/mcp?x=1", MCP));
        assertFalse(ResourceIndicator.matches("https://trek.example:8443/mcp", MCP));
        assertFalse(ResourceIndicator.matches("http://trek.example/mcp", MCP));
        assertFalse(ResourceIndicator.matches("https://evil.example/mcp", MCP));
        assertFalse(ResourceIndicator.matches("trek.example/mcp", MCP));
        assertFalse(ResourceIndicator.matches("https://user@trek.example/mcp", MCP));
    }
}
