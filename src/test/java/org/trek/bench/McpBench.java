package org.trek.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;
import org.trek.oauth.OAuthHarness;
import org.trek.platform.auth.ScopeCatalog;

/**
 * The /mcp benchmark (issue 6, "cheap by design"): latency of the calls every client makes — a legacy
 * `initialize` (a new session each time), `tools/list`, `tools/call` of a read and of a write, the stateless
 * 2026-07-28 `server/discover` and `tools/list` — and the throughput of two concurrent clients, all against one
 * Payara Micro on 127.0.0.1 with an OAuth access token. Every loop is bounded in count and time.
 *
 * Not part of the test suite (its name does not end in IT); run it with
 * {@code mvn -B verify -Dit.test=McpBench -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results: printed and written to target/bench/mcp-bench.md. Counts with -Dbench.n (default 300).
 */
class McpBench {
    private static final int N = Integer.getInteger("bench.n", 300);
    private static final int WARMUP = Math.min(100, N);
    private static final Duration LOAD_TIME = Duration.ofSeconds(Integer.getInteger("bench.load.seconds", 15));
    private static final int LOAD_MAX = 20_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private static TrekServer server;
    private static String token;
    private static long tripId;
    private static final List<String> REPORT = new ArrayList<>();

    @BeforeAll
    static void start() {
        Map<String, String> env = new HashMap<>();
        env.put("ADMIN_EMAIL", TrekServer.ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", TrekServer.ADMIN_PASSWORD);
        env.put("TREK_ADDONS", "mcp");
        env.put("MCP_RATE_LIMIT", "1000000"); // the limiter still counts every request in the database
        env.put("MCP_MAX_SESSION_PER_USER", "100000");
        env.put("OAUTH_DCR_PER_MINUTE", "1000");
        env.put("OAUTH_AUTHORIZE_PER_MINUTE", "1000");
        server = TrekServer.start("bench", env, List.of("-Xmx1g"));
        WebClient web = OAuthHarness.signedIn(server);
        token = new OAuthHarness(server).connectPublicClient(web, String.join(" ", ScopeCatalog.names())).getString("access_token");
        JsonObject trip = call(stateless("tools/call", "{\"name\":\"create_trip\",\"arguments\":{\"title\":\"Bench\","
                + "\"start_date\":\"2027-05-01\",\"end_date\":\"2027-05-10\"}}", "create_trip"));
        tripId = trip.getJsonObject("result").getJsonObject("structuredContent").getJsonObject("trip").getJsonNumber("id").longValue();
        for (int i = 0; i < 50; i++) {
            call(stateless("tools/call", "{\"name\":\"create_place\",\"arguments\":{\"tripId\":" + tripId + ",\"name\":\"Place " + i
                    + "\",\"lat\":41.9,\"lng\":12.5}}", "create_place"));
        }
        REPORT.add("| call | n | mean ms | p50 ms | p95 ms | p99 ms |");
        REPORT.add("|---|---|---|---|---|---|");
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        Path out = Path.of("target", "bench", "mcp-bench.md");
        Files.createDirectories(out.getParent());
        String text = "# /mcp benchmark\n\n" + Runtime.getRuntime().availableProcessors() + " cores, server JVM -Xmx1g (full JIT), java "
                + System.getProperty("java.version") + ", n=" + N + " after " + WARMUP + " warm-up calls each\n\n"
                + String.join("\n", REPORT) + "\n";
        Files.writeString(out, text);
        System.out.println(text);
    }

    @Test
    void latency() {
        measure("legacy initialize (new session) + DELETE", () -> {
            HttpResponse<String> init = send(post(null, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}"));
            assertEquals(200, init.statusCode(), init.body());
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp")).header("Authorization", "Bearer " + token)
                    .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25").DELETE();
        }, true);
        String session = openSession();
        measureCall("legacy tools/list", () -> post(session, null, rpc("tools/list", "{}")));
        measureCall("legacy tools/call list_trips", () -> post(session, null, rpc("tools/call", "{\"name\":\"list_trips\",\"arguments\":{}}")));
        measureCall("legacy tools/call get_trip_summary (50 places)", () -> post(session, null,
                rpc("tools/call", "{\"name\":\"get_trip_summary\",\"arguments\":{\"tripId\":" + tripId + "}}")));
        AtomicInteger n = new AtomicInteger();
        measureCall("legacy tools/call create_todo (write)", () -> post(session, null, rpc("tools/call",
                "{\"name\":\"create_todo\",\"arguments\":{\"tripId\":" + tripId + ",\"name\":\"todo " + n.incrementAndGet() + "\"}}")));
        measureCall("2026-07-28 server/discover", () -> stateless("server/discover", "{}", null));
        measureCall("2026-07-28 tools/list", () -> stateless("tools/list", "{}", null));
        measureCall("2026-07-28 tools/call get_trip_summary", () -> stateless("tools/call",
                "{\"name\":\"get_trip_summary\",\"arguments\":{\"tripId\":" + tripId + "}}", "get_trip_summary"));
    }

    @Test
    void throughputOfTwoClients() throws Exception {
        String session = openSession();
        long deadline = System.nanoTime() + LOAD_TIME.toNanos();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline && done.get() < LOAD_MAX) {
                        HttpResponse<String> r = send(post(session, null, rpc("tools/call",
                                "{\"name\":\"get_trip_summary\",\"arguments\":{\"tripId\":" + tripId + "}}")));
                        if (r.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        REPORT.add("");
        REPORT.add(String.format(Locale.ROOT, "Throughput, 2 concurrent clients, tools/call get_trip_summary: %d calls in %.1f s = "
                + "**%.0f calls/s**, %d failed", done.get(), seconds, done.get() / seconds, failed.get()));
        assertEquals(0, failed.get());
    }

    // --- helpers ---

    private interface Call {
        HttpRequest.Builder request();
    }

    private interface Step {
        HttpRequest.Builder run();
    }

    private static void measureCall(String label, Call call) {
        measure(label, call::request, false);
    }

    /** Runs warm-up + N timed iterations; with a cleanup step, the returned request is sent untimed afterwards. */
    private static void measure(String label, Step step, boolean timedStepReturnsCleanup) {
        for (int i = 0; i < WARMUP; i++) {
            once(step, timedStepReturnsCleanup);
        }
        long[] nanos = new long[N];
        for (int i = 0; i < N; i++) {
            nanos[i] = once(step, timedStepReturnsCleanup);
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        REPORT.add(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |", label, N, mean, pct(nanos, 50),
                pct(nanos, 95), pct(nanos, 99)));
    }

    private static long once(Step step, boolean cleanup) {
        long t0 = System.nanoTime();
        HttpRequest.Builder next = step.run();
        if (cleanup) {
            long elapsed = System.nanoTime() - t0;
            HttpResponse<String> r = send(next);
            assertTrue(r.statusCode() < 300, "cleanup " + r.statusCode());
            return elapsed;
        }
        HttpResponse<String> r = send(next);
        long elapsed = System.nanoTime() - t0;
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(!r.body().contains("\"error\"") && !r.body().contains("\"isError\":true"), r.body());
        return elapsed;
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String openSession() {
        HttpResponse<String> init = send(post(null, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}"));
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertEquals(202, send(post(session, null, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")).statusCode());
        return session;
    }

    private static String rpc(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static HttpRequest.Builder post(String session, Map<String, String> extra, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        if (session != null) {
            b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        if (extra != null) {
            extra.forEach(b::header);
        }
        return b.POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A 2026-07-28 request: protocol version, client info and capabilities in _meta, plus the standard headers. */
    private static HttpRequest.Builder stateless(String method, String params, String name) {
        JsonObject p = Json.createReader(new StringReader(params)).readObject();
        JsonObject withMeta = Json.createObjectBuilder(p).add("_meta", Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", "2026-07-28")
                .add("io.modelcontextprotocol/clientCapabilities", Json.createObjectBuilder())
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "bench").add("version", "1"))).build();
        Map<String, String> headers = new HashMap<>();
        headers.put("MCP-Protocol-Version", "2026-07-28");
        headers.put("Mcp-Method", method);
        if (name != null) {
            headers.put("Mcp-Name", name);
        }
        return post(null, headers, rpc(method, withMeta.toString()));
    }

    private static JsonObject call(HttpRequest.Builder request) {
        HttpResponse<String> r = send(request);
        assertEquals(200, r.statusCode(), r.body());
        String body = r.body();
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            body = Arrays.stream(body.split("\n")).filter(l -> l.startsWith("data:")).reduce((a, b) -> b).orElseThrow().substring(5);
        }
        JsonObject json = Json.createReader(new StringReader(body)).readObject();
        assertTrue(json.containsKey("result") && !json.getJsonObject("result").getBoolean("isError", false), body);
        return json;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
