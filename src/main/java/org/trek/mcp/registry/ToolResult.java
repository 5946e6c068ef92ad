package org.trek.mcp.registry;

import org.trek.platform.json.JsonText;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * A tool's result: structuredContent (validated against the output schema) and the same data as compact JSON text
 * for clients that only read text content; or an error message ({@code isError: true}).
 *
 * @param content optional MCP content items (image, audio, resource...) sent instead of the single text item; null
 *                for the usual structured + text form
 */
public record ToolResult(JsonObject structuredContent, String text, boolean isError, JsonArray content) {

    public ToolResult(JsonObject structuredContent, String text, boolean isError) {
        this(structuredContent, text, isError, null);
    }

    /**
     * The result as structuredContent and as text; the JSON is written once and shared by both, and the tree is not
     * kept (a 1,000-place summary is one string while its answer is written, not thousands of objects).
     */
    public static ToolResult of(JsonObject structured) {
        String text = JsonText.write(structured);
        return new ToolResult(JsonText.renderedText(text), text, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(null, message, true);
    }

    /** A result made of explicit MCP content items (text, image, audio, resource). */
    public static ToolResult content(JsonArray content, boolean isError) {
        return new ToolResult(null, null, isError, content);
    }
}
