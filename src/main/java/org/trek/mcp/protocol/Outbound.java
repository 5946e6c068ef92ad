package org.trek.mcp.protocol;

import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The one way an answer leaves /mcp: a JSON body, a bare status, or a text/event-stream. The transport implements it
 * over the HTTP response; tests capture it. Exactly one of the three is used per request.
 */
public interface Outbound {

    /** One JSON answer (single-line JSON): an object, or the array answering a 2025-03-26 batch. */
    void json(int status, JsonValue body, Map<String, String> headers);

    /** An answer without a body (202 Accepted, 204 No Content). */
    void status(int status, Map<String, String> headers);

    /**
     * Turns the answer into an SSE stream written by the request's own thread while it works (a tools/call that
     * reports progress or asks the client something); other threads may close it.
     */
    EventStream events();

    /**
     * An SSE stream that outlives the request's thread (the legacy GET stream, subscriptions/listen): any thread
     * writes to it until it is closed.
     */
    EventStream detachedEvents();
}
