package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * import_places_from_url's outside part: only share links of the source's own hosts are accepted (the URL is never
 * fetched), and the list-export service is asked with bounded time and size. The service is a stub on 127.0.0.1.
 */
class PlaceListImportTest {
    static {
        if (System.getProperty("jakarta.json.provider") == null) {
            System.setProperty("jakarta.json.provider", "org.glassfish.json.JsonProviderImpl");
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpServer stub;
    String base;
    final AtomicReference<String> path = new AtomicReference<>();
    final AtomicReference<String> body = new AtomicReference<>("{\"name\":\"Seoul eats\",\"places\":[]}");
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger delayMs = new AtomicInteger(0);

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", ex -> {
            path.set(ex.getRequestURI().getRawPath());
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
                // the client hung up (size limit)
            }
        });
        stub.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        stub.start();
        base = "http://127.0.0.1:" + stub.getAddress().getPort() + "/export/";
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    PlaceListImport.ListContent fetch(String source, String id, long maxBytes) {
        return PlaceListImport.fetch(HTTP, new PlaceListImport.ListRef(source, id), base, Duration.ofSeconds(2), maxBytes, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "google-list | https://maps.app.goo.gl/AbC123xyz | AbC123xyz",
            "google-list | https://maps.app.goo.gl/AbC123xyz/ | AbC123xyz",
            "google-list | https://goo.gl/maps/Qw3rTy | Qw3rTy",
            "google-list | https://www.google.com/maps/placelists/list/Ugx-LIST_id9 | Ugx-LIST_id9",
            "google-list | https://google.com/maps/@48.1,11.5,12z/data=!4m3!11m2!2sLiSt42!3e3 | LiSt42",
            "google-list | HTTPS://MAPS.APP.GOO.GL/Case | Case",
            "naver-list | https://naver.me/5abcDEF | 5abcDEF",
            "naver-list | https://map.naver.com/p/favorite/myPlace/folder/0a1b2c3d4e | 0a1b2c3d4e",
            "naver-list | https://map.naver.com/p/favorite/sharedPlace/folder/f00d/pc | f00d",
    })
    void shareLinksOfTheRealHostsGiveTheListId(String source, String url, String id) {
        assertEquals(new PlaceListImport.ListRef(source, id), PlaceListImport.parse(source, url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://maps.app.goo.gl/AbC123",               // not https
            "https://maps.app.goo.gl.evil.example/AbC123", // look-alike host
            "https://evil.example/maps.app.goo.gl/AbC123",
            "https://user@maps.app.goo.gl/AbC123",         // user info
            "https://maps.app.goo.gl:8443/AbC123",         // other port
            "https://127.0.0.1/maps/placelists/list/x",
            "https://www.google.com/search?q=x",
            "https://www.google.com/maps/placelists/list/a/b",
            "https://maps.app.goo.gl/",
            "https://maps.app.goo.gl/has%2Fslash",
            "https://naver.me/abc",                         // right host, wrong source
            "file:///etc/passwd",
            "not a url",
            "",
    })
    void everyOtherUrlIsRefusedBeforeAnyRequest(String url) {
        TripException e = assertThrows(TripException.class, () -> PlaceListImport.parse("google-list", url));
        assertTrue(e.getMessage().startsWith("url must be a Google Maps list share link"), e.getMessage());
    }

    @Test
    void naverSourceAcceptsOnlyNaverHosts() {
        assertThrows(TripException.class, () -> PlaceListImport.parse("naver-list", "https://maps.app.goo.gl/AbC123"));
        assertThrows(TripException.class, () -> PlaceListImport.parse("naver-list", "https://map.naver.com/p/search/cafe"));
        assertThrows(TripException.class, () -> PlaceListImport.parse("naver-list", "https://naver.me.evil.example/abc"));
        assertThrows(TripException.class, () -> PlaceListImport.parse("apple-list", "https://maps.app.goo.gl/AbC123"));
    }

    @Test
    void theServiceIsAskedForTheListIdAndItsAnswerParsed() {
        body.set("""
                {"name":"  Seoul eats ","places":[
                  {"name":"Gwangjang Market","lat":37.57,"lng":126.99,"address":"88 Changgyeonggung-ro","note":"bindaetteok"},
                  {"name":"No position"},
                  {"name":"","lat":1,"lng":2},
                  {"name":"Half","lat":1},
                  {"name":"Bad","lat":91,"lng":0},
                  "not an object",
                  {"name":"%s","google_place_id":"ChIJ"}
                ]}""".formatted("x".repeat(300)));
        PlaceListImport.ListContent c = fetch("naver-list", "0a1b2c3d4e", 65536);
        assertEquals("/export/lists/naver-list/0a1b2c3d4e", path.get());
        assertEquals("Seoul eats", c.name());
        assertEquals(3, c.places().size());
        assertEquals(4, c.unusable(), "no name, half a position, out of range, not an object");
        PlaceListImport.ListPlace first = c.places().get(0);
        assertEquals(new PlaceListImport.ListPlace("Gwangjang Market", 37.57, 126.99, "88 Changgyeonggung-ro", "bindaetteok", null), first);
        assertNull(c.places().get(1).lat());
        assertEquals(200, c.places().get(2).name().length(), "cut to the column length");
        assertEquals("ChIJ", c.places().get(2).googlePlaceId());
    }

    @Test
    void notConfiguredIsAClearMessage() {
        TripException e = assertThrows(TripException.class, () -> PlaceListImport.fetch(HTTP,
                new PlaceListImport.ListRef("google-list", "x"), null, Duration.ofSeconds(1), 1024, null));
        assertEquals(PlaceListImport.NOT_CONFIGURED, e.getMessage());
    }

    @Test
    void providerErrorsTimeoutsAndOversizedAnswersAreRefused() {
        status.set(404);
        assertTrue(assertThrows(TripException.class, () -> fetch("google-list", "x", 65536)).getMessage().contains("not found"));
        status.set(500);
        assertEquals(PlaceListImport.UNAVAILABLE, assertThrows(TripException.class, () -> fetch("google-list", "x", 65536)).getMessage());
        status.set(200);
        body.set("<html>not json</html>");
        assertEquals(PlaceListImport.UNAVAILABLE, assertThrows(TripException.class, () -> fetch("google-list", "x", 65536)).getMessage());

        body.set("{\"name\":\"big\",\"places\":[" + "{\"name\":\"p\"},".repeat(5000) + "{\"name\":\"p\"}]}");
        TripException big = assertThrows(TripException.class, () -> fetch("google-list", "x", 4096));
        assertTrue(big.getMessage().contains("too large"), big.getMessage());
        // Within the byte limit but more places than one import takes.
        TripException many = assertThrows(TripException.class, () -> fetch("google-list", "x", 1_000_000));
        assertTrue(many.getMessage().contains("at most 500"), many.getMessage());

        body.set("{\"places\":[]}");
        delayMs.set(4000);
        long started = System.nanoTime();
        assertEquals(PlaceListImport.UNAVAILABLE, assertThrows(TripException.class, () -> fetch("google-list", "x", 65536)).getMessage());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos(), "bounded by the timeout");

        stub.stop(0);
        assertEquals(PlaceListImport.UNAVAILABLE, assertThrows(TripException.class, () -> fetch("google-list", "x", 65536)).getMessage());
    }
}
