package org.trek.mcp;

import jakarta.json.JsonObject;
import java.io.IOException;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * One open text/event-stream response. Jersey writes each chunk out at once (a plain StreamingOutput would sit in
 * Jersey's response buffer until it completes), and the request thread is released while the stream stays open.
 * Every event's data is compact single-line JSON.
 */
public final class SseSink {
    private final ChunkedOutput<String> output = new ChunkedOutput<>(String.class);
    private volatile boolean open = true;

    public ChunkedOutput<String> output() {
        return output;
    }

    public boolean isOpen() {
        return open && !output.isClosed();
    }

    /** Sends one message; false (and the sink closes) when the client has gone. */
    public synchronized boolean send(JsonObject message) {
        return write("event: message\ndata: " + message.toString() + "\n\n");
    }

    /** An SSE comment: keeps proxies from timing the stream out and finds clients that left. */
    public synchronized boolean keepAlive() {
        return write(": keep-alive\n\n");
    }

    private boolean write(String chunk) {
        if (!isOpen()) {
            return false;
        }
        try {
            output.write(chunk);
            return true;
        } catch (IOException | RuntimeException e) {
            close();
            return false;
        }
    }

    public synchronized void close() {
        open = false;
        try {
            output.close();
        } catch (IOException | RuntimeException ignored) {
            // the client is gone already
        }
    }
}
