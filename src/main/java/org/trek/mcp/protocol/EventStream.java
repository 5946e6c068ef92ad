package org.trek.mcp.protocol;

import jakarta.json.JsonObject;

/** One open text/event-stream answer. Each message is one {@code event: message} with single-line JSON data. */
public interface EventStream {

    /** Sends one message; false (and the stream closes) when the client has gone or the stream is closed. */
    boolean send(JsonObject message);

    /** An SSE comment: keeps proxies from timing the stream out and finds clients that left. */
    boolean keepAlive();

    /** Ends the stream (idempotent). */
    void close();

    boolean isOpen();
}
