package org.trek.mcp;

import jakarta.json.JsonObject;

/**
 * A live legacy session as a request sees it: an immutable snapshot of its row, with the client's capabilities
 * parsed once when the row is read.
 *
 * @param key the session's key (SHA-256 of the id the client holds)
 */
public record McpSession(String key, long userId, String clientId, String grantId, String protocolVersion,
                         String logLevel, JsonObject clientCapabilities) {
}
