package org.trek.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An incremental HTTP/1.1 response parser: feed it whatever arrived, it says when the response is complete. Bodies
 * are delimited by Content-Length, by chunked transfer coding (an SSE answer is a chunked body that ends with the
 * last chunk) or, without either, by the end of the connection. 1xx interim responses are skipped.
 *
 * <p>One parser per connection, reset before each request; the body array is reused, so a {@link Response} from
 * {@link #response()} is valid until the next {@link #reset()}.
 */
final class ResponseParser {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_BODY = 256 * 1024 * 1024;

    private enum State { STATUS, HEADERS, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, DONE }

    private State state;
    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private int status;
    private String version;
    private List<String[]> headers;
    private byte[] body = new byte[16 * 1024];
    private int bodyLength;
    private long remaining;
    private boolean closeAfter;

    ResponseParser() {
        reset();
    }

    void reset() {
        state = State.STATUS;
        lineLength = 0;
        status = 0;
        version = null;
        headers = new ArrayList<>(16);
        bodyLength = 0;
        remaining = 0;
        closeAfter = false;
    }

    boolean done() {
        return state == State.DONE;
    }

    /** True once bytes of this response have arrived (a connection that closes before that was simply idle). */
    boolean started() {
        return state != State.STATUS || lineLength > 0;
    }

    /** The server said Connection: close (or the body runs to the end of the connection). */
    boolean closeAfter() {
        return closeAfter;
    }

    Response response() {
        return new Response(status, headers, body, bodyLength);
    }

    /** Consumes bytes from {@code in}; true when the response is complete. Bytes after it stay in the buffer. */
    boolean feed(ByteBuffer in) throws IOException {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
                    if (readLine(in)) {
                        onLine();
                    }
                }
                case FIXED, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    append(in, n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.FIXED ? State.DONE : State.CHUNK_END;
                    }
                }
                case UNTIL_CLOSE -> append(in, in.remaining());
                default -> throw new IllegalStateException(state.name());
            }
        }
        return state == State.DONE;
    }

    /** The peer closed the connection: complete if the body runs to the end, otherwise the response was cut off. */
    boolean endOfStream() {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            return true;
        }
        return state == State.DONE;
    }

    private boolean readLine(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            }
            line[lineLength++] = b;
        }
        return false;
    }

    private void onLine() throws IOException {
        String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
        lineLength = 0;
        switch (state) {
            case STATUS -> {
                if (text.isEmpty()) {
                    return; // tolerate a stray CRLF between responses
                }
                if (!text.startsWith("HTTP/1.") || text.length() < 12) {
                    throw new IOException("not an HTTP/1.x status line: " + text);
                }
                version = text.substring(0, 8);
                try {
                    status = Integer.parseInt(text.substring(9, 12));
                } catch (NumberFormatException e) {
                    throw new IOException("bad status line: " + text);
                }
                state = State.HEADERS;
            }
            case HEADERS -> {
                if (!text.isEmpty()) {
                    int colon = text.indexOf(':');
                    if (colon <= 0) {
                        throw new IOException("bad header line: " + text);
                    }
                    if (headers.size() == MAX_HEADERS) {
                        throw new IOException("more than " + MAX_HEADERS + " headers");
                    }
                    headers.add(new String[] {text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim()});
                    return;
                }
                endOfHeaders();
            }
            case CHUNK_SIZE -> {
                int semi = text.indexOf(';');
                String hex = (semi < 0 ? text : text.substring(0, semi)).trim();
                long size;
                try {
                    size = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size: " + text);
                }
                if (size < 0) {
                    throw new IOException("bad chunk size: " + text);
                }
                if (size == 0) {
                    state = State.TRAILERS;
                } else {
                    remaining = size;
                    state = State.CHUNK_DATA;
                }
            }
            case CHUNK_END -> {
                if (!text.isEmpty()) {
                    throw new IOException("chunk not followed by CRLF");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (text.isEmpty()) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void endOfHeaders() throws IOException {
        if (status >= 100 && status < 200) { // interim response: the real one follows
            headers = new ArrayList<>(16);
            state = State.STATUS;
            return;
        }
        String connection = header("connection");
        closeAfter = connection != null ? connection.toLowerCase(Locale.ROOT).contains("close") : "HTTP/1.0".equals(version);
        String encoding = header("transfer-encoding");
        String length = header("content-length");
        if (status == 204 || status == 304) {
            state = State.DONE;
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            state = State.CHUNK_SIZE;
        } else if (length != null) {
            try {
                remaining = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + length);
            }
            if (remaining < 0 || remaining > MAX_BODY) {
                throw new IOException("unacceptable Content-Length: " + length);
            }
            state = remaining == 0 ? State.DONE : State.FIXED;
        } else {
            closeAfter = true;
            state = State.UNTIL_CLOSE;
        }
    }

    private String header(String name) {
        for (String[] h : headers) {
            if (h[0].equals(name)) {
                return h[1];
            }
        }
        return null;
    }

    private void append(ByteBuffer in, int n) throws IOException {
        if (bodyLength + n > body.length) {
            if (bodyLength + (long) n > MAX_BODY) {
                throw new IOException("response body larger than " + MAX_BODY + " bytes");
            }
            int size = body.length;
            while (size < bodyLength + n) {
                size = (int) Math.min((long) size * 2, MAX_BODY);
            }
            body = java.util.Arrays.copyOf(body, size);
        }
        in.get(body, bodyLength, n);
        bodyLength += n;
    }
}
