package org.trek.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * One request to /mcp as {@link InboundClassifier} understood it: which wire it belongs to and what it asks, or why it
 * is refused. Nothing here has been authenticated yet; refusals are answered after admission (a client without a
 * valid token hears 401 whatever its body).
 */
public sealed interface Inbound {

    /** The JSON-RPC id an answer must echo (also a 401/403/429 answer), or null. */
    JsonValue id();

    /** Refused by the transport or the envelope: answer {@code error}; {@code allow} is the Allow header of a 405. */
    record Rejected(JsonValue id, McpError error, String allow) implements Inbound {
        public Rejected(JsonValue id, McpError error) {
            this(id, error, null);
        }
    }

    /**
     * A legacy (2025-03-26 … 2025-11-25) request, notification or response. {@code sessionId} is present except for
     * {@code initialize}, which must not carry one.
     */
    record Legacy(JsonRpc.Message message, String sessionId, boolean canStream) implements Inbound {
        @Override
        public JsonValue id() {
            return message.id();
        }
    }

    /** A 2025-03-26 JSON-RPC batch; each item is a {@link JsonRpc.Message} or the {@link JsonRpc.IdentifiedError} answering it. */
    record LegacyBatch(List<Object> items, String sessionId) implements Inbound {
        @Override
        public JsonValue id() {
            return null;
        }
    }

    /** A 2026-07-28 request whose per-request fields and mirrored headers were checked. */
    record Modern(JsonRpc.Message message, String version, JsonObject clientCapabilities, String logLevel,
                  boolean canStream) implements Inbound {
        @Override
        public JsonValue id() {
            return message.id();
        }
    }

    /** A 2026-07-28 notification or response: accepted (202); nothing on that wire needs one. */
    record ModernAccepted(JsonValue id) implements Inbound {
    }

    /** GET on the legacy wire: the session's standalone stream. */
    record OpenStream(String sessionId) implements Inbound {
        @Override
        public JsonValue id() {
            return null;
        }
    }

    /** DELETE on the legacy wire: the session ends. */
    record EndSession(String sessionId) implements Inbound {
        @Override
        public JsonValue id() {
            return null;
        }
    }
}
