package org.trek.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A plain blocking HTTP/1.1 client on one keep-alive socket, for provisioning and start-up polling. It shares the
 * response parser with the load generator and talks to the loopback address it was given, nothing else.
 */
final class BlockingClient implements AutoCloseable {
    private final InetSocketAddress address;
    private final String host;
    private final int readTimeoutMs;
    private Socket socket;
    private final ResponseParser parser = new ResponseParser();
    private final byte[] buffer = new byte[64 * 1024];

    BlockingClient(InetSocketAddress address, int readTimeoutMs) {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the benchmark only talks to loopback addresses, not " + address);
        }
        this.address = address;
        this.host = address.getAddress().getHostAddress() + ":" + address.getPort();
        this.readTimeoutMs = readTimeoutMs;
    }

    String host() {
        return host;
    }

    /**
     * Sends the request and reads the whole answer. When a kept-alive connection turns out to be closed before any
     * byte of the answer came (the server dropped it while idle), the request is sent once more on a new one.
     */
    Response send(HttpRequest request) throws IOException {
        byte[] bytes = request.bytes(host);
        boolean reused = socket != null;
        try {
            return exchange(bytes);
        } catch (IOException e) {
            close();
            if (!reused || parser.started()) {
                throw e;
            }
            return exchange(bytes);
        }
    }

    private Response exchange(byte[] bytes) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5000);
            socket.setSoTimeout(readTimeoutMs);
        }
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        InputStream in = socket.getInputStream();
        parser.reset();
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                if (parser.started() && parser.endOfStream()) {
                    break;
                }
                throw new IOException("connection closed before the answer was complete");
            }
            if (parser.feed(ByteBuffer.wrap(buffer, 0, n))) {
                break;
            }
        }
        Response shared = parser.response();
        Response own = new Response(shared.status, shared.headers, Arrays.copyOf(shared.body, shared.bodyLength), shared.bodyLength);
        if (parser.closeAfter()) {
            close();
        }
        return own;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
