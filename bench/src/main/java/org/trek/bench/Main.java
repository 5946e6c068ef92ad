package org.trek.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Entry point of the benchmark tool (bench/run calls it; see bench/README.md).
 *
 * <pre>
 * java -jar trek-bench.jar free-port
 * java -jar trek-bench.jar run --port P --pid PID --started-at-ms T --admin-email E --admin-password W [options]
 * </pre>
 */
public final class Main {
    private static final long START_NANOS = System.nanoTime();

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        switch (args[0]) {
            case "free-port" -> System.out.println(freePort());
            case "self-test" -> SelfTest.run();
            case "await-health" -> // await-health PORT PID: the unmeasured start that writes the class-data archive
                    awaitHealth(new InetSocketAddress(loopback(), Integer.parseInt(args[1])),
                            new Proc(args[2], 100), System.currentTimeMillis(), 600);
            case "run" -> System.exit(run(options(args)));
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("usage: trek-bench free-port | self-test | await-health PORT PID | run --port P --pid PID --started-at-ms T --admin-email E "
                + "--admin-password W [--clk-tck 100] [--jit-warmup S] [--warmup S] [--window S] [--quick] [--only REGEX] "
                + "[--large-places N] [--large-items N] [--results-dir DIR] [--db LABEL] [--jvm-opts TEXT] [--git TEXT]");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            if (key.equals("quick")) {
                o.put(key, "true");
            } else if (i + 1 < args.length) {
                o.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return o;
    }

    /** 127.0.0.1: the only address the benchmark ever talks to. */
    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, loopback())) {
            return s.getLocalPort();
        }
    }

    static void log(String message) {
        long s = (System.nanoTime() - START_NANOS) / 1_000_000_000L;
        System.err.printf(Locale.ROOT, "[bench %02d:%02d] %s%n", s / 60, s % 60, message);
        System.err.flush();
    }

    private static String required(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    private static int run(Map<String, String> o) throws Exception {
        boolean quick = o.containsKey("quick");
        int port = Integer.parseInt(required(o, "port"));
        String pid = required(o, "pid");
        long startedAtMs = Long.parseLong(required(o, "started-at-ms"));
        int clockTicks = Integer.parseInt(o.getOrDefault("clk-tck", "100"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", quick ? "1" : "3"));
        double window = Double.parseDouble(o.getOrDefault("window", quick ? "3" : "10"));
        int largePlaces = Integer.parseInt(o.getOrDefault("large-places", quick ? "200" : "1000"));
        int largeItems = Integer.parseInt(o.getOrDefault("large-items", quick ? "60" : "300"));
        Pattern only = o.containsKey("only") ? Pattern.compile(o.get("only"), Pattern.CASE_INSENSITIVE) : null;
        InetSocketAddress address = new InetSocketAddress(loopback(), port);
        Proc server = new Proc(pid, clockTicks);
        Proc self = new Proc("self", clockTicks);

        // 1. start → first 200 on /health
        double startSeconds = awaitHealth(address, server, startedAtMs, 600);
        double idleRss = server.rssMb();
        log(String.format(Locale.ROOT, "server up: first 200 on /health %.1f s after the start; RSS %.0f MB", startSeconds, idleRss));

        // 2. provisioning through the app's own interfaces
        int refreshConnections = 4;
        Provisioner.Fixture f = new Provisioner(address, Main::log).provision(required(o, "admin-email"),
                required(o, "admin-password"), refreshConnections, new Provisioner.Sizes(largePlaces, 30, largeItems), 2);

        // 3. the workloads
        Workloads w = new Workloads(address.getAddress().getHostAddress() + ":" + port);
        String token = f.accessToken();
        String legacy = "legacy " + Mcp.LEGACY;
        String modern = "stateless " + Mcp.MODERN;
        String listTrips = "tools/call list_trips";
        String smallName = "tools/call get_trip_summary, small trip (3 places)";
        String largeName = String.format(Locale.ROOT, "tools/call get_trip_summary, large trip (%,d places)", largePlaces);
        List<Plan> plans = new ArrayList<>();
        Report.Row health = new Report.Row("GET /health (the ceiling)", "—", "—", false);
        plans.add(new Plan(health, w.health(), 32));
        Report.Row[] list32 = new Report.Row[2];
        for (int wire = 0; wire < 2; wire++) {
            boolean isLegacy = wire == 0;
            String label = isLegacy ? legacy : modern;
            plans.add(new Plan(new Report.Row(listTrips, label, isLegacy ? "493 req/s, p50 1.7 ms" : "—", false).maxP50(1),
                    w.toolCall(listTrips, token, isLegacy, "list_trips", "{}"), 1));
            plans.add(new Plan(new Report.Row(listTrips, label, isLegacy ? "661 req/s" : "—", false),
                    w.toolCall(listTrips, token, isLegacy, "list_trips", "{}"), 8));
            list32[wire] = new Report.Row(listTrips, label, isLegacy ? "675 req/s, p99 94 ms, ≈1.9 ms CPU/call" : "—", false)
                    .minRate(3000).maxP99(25).healthShare(0.40).maxCpu(0.5);
            plans.add(new Plan(list32[wire], w.toolCall(listTrips, token, isLegacy, "list_trips", "{}"), 32));
        }
        plans.add(new Plan(new Report.Row(listTrips + " (static trek_ token)", legacy, "—", false),
                w.toolCall(listTrips, f.staticToken(), true, "list_trips", "{}"), 8));
        plans.add(new Plan(new Report.Row(smallName, legacy, "432 req/s", false).minRate(2000),
                w.toolCall(smallName, token, true, "get_trip_summary", "{\"tripId\":" + f.smallTrip() + "}"), 8));
        plans.add(new Plan(new Report.Row(largeName, legacy, "—", false).maxP99(50),
                w.toolCall(largeName, token, true, "get_trip_summary", "{\"tripId\":" + f.largeTrip() + "}"), 8));
        plans.add(new Plan(new Report.Row("tools/list", legacy, "99 req/s", false),
                w.mcp("tools/list", token, true, "tools/list", null, ""), 1));
        plans.add(new Plan(new Report.Row("tools/list", legacy, "—", false).minRate(1500),
                w.mcp("tools/list", token, true, "tools/list", null, ""), 8));
        plans.add(new Plan(new Report.Row("tools/list", modern, "—", false),
                w.mcp("tools/list", token, false, "tools/list", null, ""), 1));
        plans.add(new Plan(new Report.Row("server/discover", modern, "—", false),
                w.mcp("server/discover", token, false, "server/discover", null, ""), 1));
        plans.add(new Plan(new Report.Row("ping", legacy, "652 req/s", false),
                w.mcp("ping", token, true, "ping", null, ""), 1));
        String cycle = "initialize + notifications/initialized + DELETE";
        plans.add(new Plan(new Report.Row(cycle, legacy, "18.7 cycles/s", true), w.initializeCycles(cycle, token), 1));
        plans.add(new Plan(new Report.Row(cycle, legacy, "18.8 cycles/s", true).minRate(500), w.initializeCycles(cycle, token), 4));
        plans.add(new Plan(new Report.Row("OAuth refresh_token grant (own rotating chain per connection)", "POST /oauth/token", "—", false),
                w.refreshGrants("refresh", f.clientId(), f.refreshChains()), refreshConnections));
        plans.add(new Plan(new Report.Row("tools/call create_place + delete_place (pairs)", legacy, "—", false),
                w.placeWrites("writes", token, f.writeTrip()), 8));
        for (Plan p : plans) {
            p.row.health = health;
        }

        LoadEngine engine = new LoadEngine(address, server, self);
        // The JIT warm-up pass: every kind of MCP request once for a few seconds, unmeasured, so the first rows are not
        // measured against a server still compiling its hot path (a row's own warm-up is short).
        double jitWarmup = Double.parseDouble(o.getOrDefault("jit-warmup", quick ? "0" : "3"));
        if (jitWarmup > 0) {
            LoadEngine.Limits pass = new LoadEngine.Limits(0L, (long) (jitWarmup * 1e9), 5_000_000L, 30_000_000_000L,
                    120_000_000_000L);
            List<Scenario> warm = List.of(w.health(), w.toolCall(listTrips, token, true, "list_trips", "{}"),
                    w.toolCall(listTrips, token, false, "list_trips", "{}"),
                    w.toolCall(listTrips, f.staticToken(), true, "list_trips", "{}"),
                    w.toolCall(smallName, token, true, "get_trip_summary", "{\"tripId\":" + f.smallTrip() + "}"),
                    w.toolCall(largeName, token, true, "get_trip_summary", "{\"tripId\":" + f.largeTrip() + "}"),
                    w.mcp("tools/list", token, true, "tools/list", null, ""), w.mcp("tools/list", token, false, "tools/list", null, ""),
                    w.mcp("server/discover", token, false, "server/discover", null, ""), w.mcp("ping", token, true, "ping", null, ""),
                    w.initializeCycles("warm-up cycles", token));
            log(String.format(Locale.ROOT, "JIT warm-up pass: %d kinds of request, %s s each, not measured", warm.size(),
                    trim(jitWarmup)));
            for (Scenario sc : warm) {
                engine.run(sc, 4, pass);
            }
        }
        LoadEngine.Limits limits = new LoadEngine.Limits((long) (warmup * 1e9), (long) (window * 1e9), 5_000_000L,
                30_000_000_000L, 120_000_000_000L);
        List<Report.Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double busiestClient = 0;
        String busiestClientRow = "";
        StringBuilder serverCloses = new StringBuilder();
        StringBuilder sizes = new StringBuilder();
        double busiestOther = 0;
        String busiestOtherRow = "";
        for (Plan p : plans) {
            String title = p.row.workload + " [" + p.row.wire + "] × " + p.connections;
            if (only != null && !only.matcher(title).find()) {
                continue;
            }
            if (!server.alive()) {
                throw new IllegalStateException("the server process " + pid + " has ended");
            }
            log("running " + title + " …");
            Result r = engine.run(p.scenario, p.connections, limits);
            p.row.result = r;
            rows.add(p.row);
            log(String.format(Locale.ROOT, "  → %s %s, p50 %s ms, p99 %s ms, errors %d (+%d), server CPU %s ms/req, load generator %.0f %% of a core, other processes %.0f %% of a core%s",
                    Report.thousands(r.cyclesPerSecond()), p.row.cycles ? "cycles/s" : "req/s",
                    Report.ms(r.cycleLatency.percentileMs(50)), Report.ms(r.cycleLatency.percentileMs(99)),
                    r.windowErrors, r.otherErrors, Report.ms(r.serverCpuPerRequestMs()), r.clientCoreShare() * 100, r.otherCoreShare() * 100,
                    r.abortReason == null ? "" : " — ABORTED: " + r.abortReason));
            for (String e : r.errorSummary()) {
                log("    error: " + e);
            }
            if (r.otherCoreShare() > busiestOther) {
                busiestOther = r.otherCoreShare();
                busiestOtherRow = title;
            }
            if (r.clientCoreShare() > busiestClient) {
                busiestClient = r.clientCoreShare();
                busiestClientRow = title;
            }
            List<Map.Entry<String, Recorder>> steps = r.stepLatency.entrySet().stream().filter(e -> e.getValue().count() > 0).toList();
            if (steps.size() > 1) {
                StringBuilder text = new StringBuilder(title + ": per request ");
                for (Map.Entry<String, Recorder> e : steps) {
                    text.append(String.format(Locale.ROOT, "%s n=%d p50 %s ms p99 %s ms; ", e.getKey(), e.getValue().count(),
                            Report.ms(e.getValue().percentileMs(50)), Report.ms(e.getValue().percentileMs(99))));
                }
                text.append(String.format(Locale.ROOT, "%s HTTP requests/s; server CPU %s ms per cycle",
                        Report.thousands(r.requestsPerSecond()), Report.ms(r.cycles > 0 ? r.serverCpuMs / r.cycles : Double.NaN)));
                notes.add(text.toString());
            }
            if (r.requests > 0) {
                sizes.append(sizes.length() == 0 ? "" : ", ").append(title).append(": ").append(bytes(r.bodyBytes / r.requests));
            }
            if (r.closedByServer > 0) {
                serverCloses.append(serverCloses.length() == 0 ? "" : ", ").append(title).append(": ").append(r.closedByServer);
            }
            for (String e : r.errorSummary()) {
                notes.add(title + " — errors: " + e);
            }
        }
        double peakRss = server.peakRssMb();

        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        List<String> header = new ArrayList<>();
        header.add("# TREK MCP benchmark — " + DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        header.add("");
        header.add("Server: `" + o.getOrDefault("git", "unknown commit") + "`, database " + o.getOrDefault("db", "H2")
                + ", server JVM options: `" + (o.getOrDefault("jvm-opts", "").isBlank() ? "(none)" : o.get("jvm-opts")) + "`. "
                + Runtime.getRuntime().availableProcessors() + " cores shared by server and load generator; "
                + "closed loop, " + trim(jitWarmup) + " s per kind of request in a JIT warm-up pass first, then "
                + trim(warmup) + " s warm-up + " + trim(window) + " s measured window per row"
                + (quick ? " (**--quick**: not for comparison)" : "") + ".");
        notes.add(0, "Large trip: " + f.largeTripCounts() + "; all made through /mcp as user " + f.username()
                + " (a normal user created on /admin/users).");
        notes.add(1, "req/s and latencies are per call (per cycle for the initialize rows); server CPU is utime+stime of the "
                + "server PID over the window divided by the HTTP requests of the window; RSS is VmRSS before the row's setup and "
                + "after its window.");
        notes.add(2, String.format(Locale.ROOT, "The load generator used at most %.0f %% of one core (%s).", busiestClient * 100,
                busiestClientRow));
        notes.add(3, String.format(Locale.ROOT, "Other processes on the machine used at most %.0f %% of one core during a window%s "
                + "(from /proc/stat; anything above a few %% means the figures are disturbed).", busiestOther * 100,
                busiestOther > 0 ? " (" + busiestOtherRow + ")" : ""));
        if (sizes.length() > 0) {
            notes.add("Average answer body per request — " + sizes + ".");
        }
        if (serverCloses.length() > 0) {
            notes.add("The server closed kept-alive connections (e.g. after its per-connection request limit); the load generator "
                    + "opened new ones, and the time that took counts in the next request's latency. Closes per row — " + serverCloses + ".");
        }
        String table = Report.render(rows, header, idleRss, peakRss, 600, startSeconds, notes);
        System.out.println();
        System.out.println(table);
        Path dir = Path.of(o.getOrDefault("results-dir", "results"));
        Files.createDirectories(dir);
        Path file = dir.resolve(stamp + ".md");
        Files.writeString(file, table);
        log("table written to " + file);
        return 0;
    }

    private static String bytes(long n) {
        if (n >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1048576.0);
        }
        return n >= 1024 ? String.format(Locale.ROOT, "%.1f KB", n / 1024.0) : n + " B";
    }

    private record Plan(Report.Row row, Scenario scenario, int connections) {
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Polls GET /health every 20 ms until it answers 200; seconds since {@code startedAtMs}. */
    private static double awaitHealth(InetSocketAddress address, Proc server, long startedAtMs, int timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        int attempts = 0;
        while (System.nanoTime() < deadline && attempts++ < 100_000) {
            if (!server.alive()) {
                throw new IllegalStateException("the server process ended during start-up (see its log)");
            }
            try (BlockingClient c = new BlockingClient(address, 5000)) {
                if (c.send(HttpRequest.get("/health")).status == 200) {
                    return (System.currentTimeMillis() - startedAtMs) / 1000.0;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no 200 on /health within " + timeoutSeconds + " s");
    }
}
