package org.trek.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trek.oauth.OAuthSettings;

class ClientMetadataDocumentsTest {

    private static ClientMetadataDocuments documents() {
        ClientMetadataDocuments d = new ClientMetadataDocuments();
        d.settings = new OAuthSettings() {
            @Override
            public Duration cimdCacheTtl() {
                return Duration.ofSeconds(600);
            }
        };
        return d;
    }

    @Test
    void cacheLifetimeFollowsCacheControlWithinBounds() {
        ClientMetadataDocuments d = documents();
        assertEquals(Duration.ofSeconds(600), d.cacheLifetime(null));
        assertEquals(Duration.ofSeconds(3600), d.cacheLifetime("public, max-age=3600"));
        assertEquals(Duration.ofSeconds(60), d.cacheLifetime("max-age=5"));
        assertEquals(Duration.ofDays(1), d.cacheLifetime("max-age=999999999"));
        assertEquals(Duration.ofMinutes(1), d.cacheLifetime("no-store"));
    }

    @Test
    void onlyPublicAddressesAreFetched() throws Exception {
        for (String ip : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "::1", "fe80::1", "fd00::1", "224.0.0.1"}) {
            assertFalse(ClientMetadataDocuments.isPublic(InetAddress.getByName(ip), false), ip);
        }
        assertTrue(ClientMetadataDocuments.isPublic(InetAddress.getByName("127.0.0.1"), true));
        assertFalse(ClientMetadataDocuments.isPublic(InetAddress.getByName("10.0.0.1"), true));
        assertTrue(ClientMetadataDocuments.isPublic(InetAddress.getByName("93.184.216.34"), false));
        assertTrue(ClientMetadataDocuments.isPublic(InetAddress.getByName("2606:4700::1111"), false));
        // IPv6 forms that carry an IPv4 address
        for (String ip : new String[] {"::7f00:1", "64:ff9b::7f00:1", "64:ff9b:1::a00:1", "2002:7f00:1::1", "2001:0:7f00:1::1"}) {
            assertFalse(ClientMetadataDocuments.isPublic(InetAddress.getByName(ip), false), ip);
        }
    }

    @Test
    void dotSegmentsAreRefusedWhereverAndHoweverWritten() {
        ClientMetadataDocuments d = documents();
        for (String url : new String[] {"https://client.invalid/a/..", "https://client.invalid/a/.", "https://client.invalid/a/%2e%2e/b",
                "https://client.invalid/./b", "https://client.invalid/a/../b"}) {
            ClientMetadataDocuments.DocumentException e = assertThrows(ClientMetadataDocuments.DocumentException.class,
                    () -> d.checkUrl(url), url);
            assertTrue(e.getMessage().contains("dot segments"), url + ": " + e.getMessage());
        }
    }

    /** A stub document host on 127.0.0.1 that answers with the handler's behaviour. */
    private static HttpServer stub(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/client.json", handler);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    @Test
    void aTricklingBodyIsCutOffAtTheDeadline() throws Exception {
        HttpServer server = stub(ex -> {
            ex.sendResponseHeaders(200, 1000);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) { // one byte every 200 ms: 20 s in all, far past the deadline
                    out.write('{');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException | IOException e) {
                // the client went away
            }
        });
        try {
            ClientMetadataDocuments d = documents();
            d.fetchDeadline = Duration.ofSeconds(1);
            long start = System.nanoTime();
            ClientMetadataDocuments.DocumentException e = assertThrows(ClientMetadataDocuments.DocumentException.class,
                    () -> d.fetch(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/client.json")));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("took longer"), e.getMessage());
            assertTrue(millis < 3_000, "the request thread was held " + millis + " ms");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBodyLargerThanTheCapIsRefused() throws Exception {
        HttpServer server = stub(ex -> {
            byte[] big = ("{\"x\":\"" + "y".repeat(ClientMetadataDocuments.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, big.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(big);
            } catch (IOException e) {
                // the client stopped reading
            }
        });
        try {
            ClientMetadataDocuments.DocumentException e = assertThrows(ClientMetadataDocuments.DocumentException.class,
                    () -> documents().fetch(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/client.json")));
            assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
