package org.trek.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The outside services of the shared test server (Nominatim for search_place, the place-list export service for
 * import_places_from_url), played by one HTTP server on 127.0.0.1 in the test JVM. {@link TrekServer#shared()}
 * points NOMINATIM_URL and PLACE_LIST_IMPORT_URL at it; tests put handlers on path prefixes. Unknown paths get 404.
 */
public final class StubServer {
    private static StubServer instance;

    private final HttpServer http;
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

    private StubServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stub-server");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/", this::dispatch);
        http.start();
    }

    public static synchronized StubServer shared() {
        if (instance == null) {
            try {
                instance = new StubServer();
            } catch (IOException e) {
                throw new IllegalStateException("could not start the stub server", e);
            }
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Answers requests whose path starts with the prefix (the longest matching prefix wins). */
    public void handle(String pathPrefix, HttpHandler handler) {
        handlers.put(pathPrefix, handler);
    }

    public void remove(String pathPrefix) {
        handlers.remove(pathPrefix);
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        HttpHandler best = null;
        int bestLength = -1;
        for (Map.Entry<String, HttpHandler> e : handlers.entrySet()) {
            if (path.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        if (best == null) {
            respond(ex, 404, "application/json", "{}");
        } else {
            best.handle(ex);
        }
    }

    public static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        } catch (IOException ignored) {
            // the client stopped reading (size limits, timeouts)
        }
    }
}
