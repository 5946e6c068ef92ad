package org.trek.mcp.protocol;

import java.util.List;

/** Names on the wire: the transport headers and the 2026-07-28 per-request {@code _meta} keys. */
public final class Wire {
    public static final String SESSION_HEADER = "Mcp-Session-Id";
    public static final String VERSION_HEADER = "MCP-Protocol-Version";
    public static final String METHOD_HEADER = "Mcp-Method";
    public static final String NAME_HEADER = "Mcp-Name";

    public static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    public static final String META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    /** RFC 5424 severities as MCP names them, lowest first (2025-11-25 server/utilities/logging). */
    public static final List<String> LOG_LEVELS = List.of("debug", "info", "notice", "warning", "error", "critical",
            "alert", "emergency");

    public static final String JSON = "application/json";
    public static final String EVENT_STREAM = "text/event-stream";

    private Wire() {
    }
}
