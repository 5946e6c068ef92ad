package org.trek.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the bytes of one HTTP/1.1 request (keep-alive, Content-Length bodies). */
final class HttpRequest {
    private final String method;
    private final String path;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body;

    HttpRequest(String method, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path on the benchmarked server, not " + path);
        }
        this.method = method;
        this.path = path;
    }

    static HttpRequest get(String path) {
        return new HttpRequest("GET", path);
    }

    static HttpRequest post(String path, String contentType, String body) {
        return new HttpRequest("POST", path).header("Content-Type", contentType).body(body);
    }

    HttpRequest header(String name, String value) {
        if (value != null) {
            headers.add(new String[] {name, value});
        }
        return this;
    }

    HttpRequest body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    /** The request on the wire, with Host (always the loopback address of the server) and Content-Length. */
    byte[] bytes(String hostAndPort) {
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(hostAndPort).append("\r\n");
        head.append("User-Agent: trek-bench\r\n");
        for (String[] h : headers) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return h;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length + body.length);
        out.write(h, 0, h.length);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }
}
