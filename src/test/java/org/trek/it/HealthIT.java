package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The server is up on loopback, migrated, and serves the health check, the login page and security headers. */
class HealthIT {

    private final TrekServer server = TrekServer.shared();
    private final WebClient web = new WebClient(server);

    @Test
    void everyTestRequestGoesToLoopback() {
        assertEquals("127.0.0.1", URI.create(server.baseUrl()).getHost());
    }

    @Test
    void healthSaysUpAsJson() {
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(server.uri("/health")));
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"UP\"}", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void loginPageIsServedWithSecurityHeaders() {
        HttpResponse<String> r = web.get("/login");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Sign in to TREK"));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(!csp.contains("unsafe-inline"), csp);
        assertTrue(r.headers().firstValue("Server").isEmpty(), "no Server header");
    }

    @Test
    void payaraOwnHealthAndMetricsDoNotShadowTheApp() {
        assertEquals(404, web.get("/no-such-page").statusCode());
        HttpResponse<String> metrics = web.get("/metrics");
        assertTrue(metrics.statusCode() >= 400, "metrics must not be public: " + metrics.statusCode());
    }

    @Test
    void h2FilesAppearInTheDataDirectory() throws Exception {
        String dataDir = server.databaseEnvironment().get("TREK_DATA_DIR");
        if (server.databaseEnvironment().containsKey("DB_URL")) {
            return; // MariaDB run: there is no H2 file by design
        }
        assertTrue(Files.exists(Path.of(dataDir, "trek.mv.db")), "H2 database file in " + dataDir);
    }

    @Test
    void staticAssetsAreServedAndPathsCannotEscape() {
        HttpResponse<String> css = web.get("/assets/app.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertEquals(404, web.get("/assets/../WEB-INF/web.xml").statusCode());
        assertEquals(404, web.get("/WEB-INF/web.xml").statusCode());
    }
}
