package org.trek.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One complete HTTP/1.1 response: status, headers (names lower-cased, in order) and the de-chunked body. */
final class Response {
    final int status;
    final List<String[]> headers;
    final byte[] body;
    final int bodyLength;

    Response(int status, List<String[]> headers, byte[] body, int bodyLength) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.bodyLength = bodyLength;
    }

    /** The first value of a header (case-insensitive name), or null. */
    String header(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String[] h : headers) {
            if (h[0].equals(lower)) {
                return h[1];
            }
        }
        return null;
    }

    /** Every value of a header (Set-Cookie comes several times). */
    List<String> headers(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equals(lower)) {
                out.add(h[1]);
            }
        }
        return out;
    }

    boolean isEventStream() {
        String type = header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    String text() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    /** The body, shortened for error messages. */
    String snippet(int max) {
        String t = text().replace('\n', ' ').replace('\r', ' ');
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }
}
