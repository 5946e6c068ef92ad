package org.trek.mcp.registry;

/** Arguments that are invalid in a way that is the caller's protocol error: JSON-RPC -32602 with this message. */
public class InvalidParamsException extends RuntimeException {
    public InvalidParamsException(String message) {
        super(message, null, false, false);
    }
}
