package org.trek.mcp;

import org.trek.mcp.protocol.McpError;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.trek.mcp.registry.ToolCall;

/**
 * What the MCP layer's ToolCall offers beyond the registry contract, for tools that talk back to the client
 * (the conformance fixtures): capabilities, server-to-client requests on the legacy wire, and the multi round-trip
 * input of the 2026-07-28 wire. Feature tools never need it.
 */
public interface McpToolCall extends ToolCall {

    /** Whether the call came over the stateless 2026-07-28 wire. */
    boolean modern();

    /** The capabilities the client declared (initialize, or _meta on 2026-07-28). */
    JsonObject clientCapabilities();

    /** 2026-07-28 multi round-trip: the client's answers keyed like the inputRequests, or null on a first round. */
    JsonObject inputResponses();

    /** 2026-07-28 multi round-trip: the requestState echoed by the client, or null. */
    String requestState();

    /**
     * Legacy wire: sends a request (sampling/createMessage, elicitation/create) to the client on the response stream
     * and waits for its answer. Throws {@link McpError} when the client cannot be asked.
     */
    JsonObject request(String method, JsonObject params);

    /** Whether the client cancelled this call. */
    boolean cancelled();

    /** Sends a raw notification (e.g. notifications/message) on the response stream, if there is one. */
    void notify(String method, JsonObject params);

    /** Signals that a list (tools, prompts, resources) changed, to every open stream that asked for it. */
    void listChanged(String kind);

    /** The value the client passed as progress token, or null. */
    JsonValue progressToken();
}
