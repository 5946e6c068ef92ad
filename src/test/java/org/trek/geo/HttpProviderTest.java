package org.trek.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trek.platform.DomainException;
import org.trek.platform.http.HttpProvider;

/** The shared provider client (platform.http) against a stub on 127.0.0.1: deadline, cap, failures, switched off. */
class HttpProviderTest {
    static {
        if (System.getProperty("jakarta.json.provider") == null) {
            System.setProperty("jakarta.json.provider", "org.glassfish.json.JsonProviderImpl");
        }
    }

    HttpServer stub;
    String base;
    final AtomicReference<String> body = new AtomicReference<>("{\"ok\":true}");
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger delayMs = new AtomicInteger(0);
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", ex -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(delayMs.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status.get(), b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            } catch (IOException ignored) {
                // the client hung up
            }
        });
        stub.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        stub.start();
        base = "http://127.0.0.1:" + stub.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    HttpProvider provider(String url, long maxBytes) {
        return new HttpProvider("Stub", url, Duration.ofMillis(2000), maxBytes, "down", "off");
    }

    @Test
    void jsonWithinTheLimits() {
        assertTrue(provider(base, 1024).getJson("/x?y=1").asJsonObject().getBoolean("ok"));
    }

    @Test
    void everyFailureIsTheUnavailableMessage() {
        status.set(503);
        assertEquals("down", assertThrows(DomainException.class, () -> provider(base, 1024).getJson("/x")).getMessage());
        status.set(404);
        assertEquals("down", assertThrows(DomainException.class, () -> provider(base, 1024).getJson("/x")).getMessage());
        assertEquals(404, provider(base, 1024).get("/x").status(), "a 4xx is the caller's to read");
        status.set(200);
        body.set("not json");
        assertEquals("down", assertThrows(DomainException.class, () -> provider(base, 1024).getJson("/x")).getMessage());
        body.set("[" + "1,".repeat(2000) + "1]");
        assertEquals("down", assertThrows(DomainException.class, () -> provider(base, 1024).getJson("/x")).getMessage(), "over the cap");
        body.set("{}");
        delayMs.set(5000);
        long t = System.nanoTime();
        assertEquals("down", assertThrows(DomainException.class, () -> provider(base, 1024).getJson("/x")).getMessage(), "deadline");
        assertTrue(System.nanoTime() - t < 4_500_000_000L, "gives up at the deadline");
    }

    @Test
    void aClosedPortIsUnavailable() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertEquals("down", assertThrows(DomainException.class, () -> provider("http://127.0.0.1:" + port, 1024).getJson("/x"))
                .getMessage());
    }

    @Test
    void switchedOffMakesNoRequest() {
        for (String off : new String[] {"none", "off", " ", null}) {
            HttpProvider p = provider(off, 1024);
            assertEquals("off", assertThrows(DomainException.class, () -> p.getJson("/x")).getMessage());
        }
        assertEquals(0, requests.get());
    }
}
