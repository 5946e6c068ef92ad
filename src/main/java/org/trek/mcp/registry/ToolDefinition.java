package org.trek.mcp.registry;

import jakarta.json.JsonObject;

/**
 * One MCP tool, declared once: what tools/list shows, which scope and addon gate it, and its handler.
 *
 * @param requiredScope the OAuth scope needed to see and call it (implication rules apply), or null for none
 * @param addon         the addon id that must be enabled (budget, packing...), or null
 * @param outputSchema  JSON Schema of structuredContent, or null
 */
public record ToolDefinition(String name, String title, String description, JsonObject inputSchema,
                             JsonObject outputSchema, ToolAnnotations annotations, String requiredScope, String addon,
                             ToolHandler handler) {
}
