package org.trek.mcp.registry;

import jakarta.json.JsonObject;

/**
 * A tool's result: structuredContent (validated against the output schema) and the same data as compact JSON text
 * for clients that only read text content; or an error message ({@code isError: true}).
 */
public record ToolResult(JsonObject structuredContent, String text, boolean isError) {

    public static ToolResult of(JsonObject structured) {
        return new ToolResult(structured, structured.toString(), false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(null, message, true);
    }
}
