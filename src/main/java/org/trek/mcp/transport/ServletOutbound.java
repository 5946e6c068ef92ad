package org.trek.mcp.transport;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.trek.mcp.protocol.EventStream;
import org.trek.mcp.protocol.Outbound;
import org.trek.mcp.protocol.Wire;
import org.trek.platform.json.JsonText;
import org.trek.platform.json.Utf8Out;

/** {@link Outbound} over the servlet response: JSON with a length, or an SSE stream flushed event by event. */
final class ServletOutbound implements Outbound {
    /** Bytes of an answer held before it starts to stream. */
    static final int ANSWER_BUFFER = 32 * 1024;

    private final HttpServletRequest request;
    private final HttpServletResponse response;

    ServletOutbound(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public void json(int status, JsonValue body, Map<String, String> headers) {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType(Wire.JSON);
        try {
            // Encoded as it is written: an answer up to the buffer's size gets a Content-Length, a larger one (a big
            // trip summary) goes out chunked without ever being held whole.
            Utf8Out out = new Utf8Out(response.getOutputStream(), ANSWER_BUFFER);
            JsonText.write(body, out);
            if (!out.spilled()) {
                response.setContentLength(out.buffered());
            }
            out.finish();
        } catch (IOException e) {
            // the client has gone; nothing to answer
        }
    }

    @Override
    public void status(int status, Map<String, String> headers) {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentLength(0);
    }

    @Override
    public EventStream events() {
        startEvents();
        try {
            return new Stream(response.getOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public EventStream detachedEvents() {
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the stream's lifetime is LiveChannels' business (MCP_STREAM_MAX_SECONDS)
        startEvents();
        try {
            Stream stream = new Stream(response.getOutputStream(), async);
            async.addListener(stream);
            return stream;
        } catch (IOException e) {
            async.complete();
            throw new UncheckedIOException(e);
        }
    }

    private void startEvents() {
        response.setStatus(200);
        response.setContentType(Wire.EVENT_STREAM);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setHeader("X-Accel-Buffering", "no");
        try {
            response.flushBuffer(); // the headers go out now: the client sees the stream open
        } catch (IOException e) {
            // the client has gone; the first write finds out
        }
    }

    /** One SSE stream; every write is flushed, so each event reaches the client when it is sent. */
    private static final class Stream implements EventStream, AsyncListener {
        private final ServletOutputStream out;
        private final AsyncContext async;
        private boolean open = true;

        Stream(ServletOutputStream out, AsyncContext async) {
            this.out = out;
            this.async = async;
        }

        @Override
        public synchronized boolean send(JsonObject message) {
            return write("event: message\ndata: " + JsonText.write(message) + "\n\n");
        }

        @Override
        public synchronized boolean keepAlive() {
            return write(": keep-alive\n\n");
        }

        private boolean write(String chunk) {
            if (!open) {
                return false;
            }
            try {
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException | RuntimeException e) {
                close();
                return false;
            }
        }

        @Override
        public synchronized boolean isOpen() {
            return open;
        }

        @Override
        public synchronized void close() {
            if (!open) {
                return;
            }
            open = false;
            try {
                if (async != null) {
                    async.complete();
                } else {
                    out.close();
                }
            } catch (IOException | RuntimeException ignored) {
                // the client is gone already
            }
        }

        private synchronized void ended() {
            open = false;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            ended();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            close();
        }

        @Override
        public void onError(AsyncEvent event) {
            close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // nothing: the stream was opened with the async context
        }
    }
}
