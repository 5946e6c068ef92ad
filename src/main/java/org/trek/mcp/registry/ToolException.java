package org.trek.mcp.registry;

/** A domain error inside a tool (not found, not allowed, invalid state): an isError result with this message. */
public class ToolException extends RuntimeException {
    public ToolException(String message) {
        super(message, null, false, false);
    }
}
