package org.trek.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real Payara Micro running the built WAR (target/trek.war) for endpoint tests, on 127.0.0.1 only.
 *
 * <p>{@link #shared()} starts one server per test JVM and reuses it for every test class (a Payara start costs
 * 15-40 s on two cores); {@link #start} starts an extra one with its own environment and database, for tests
 * that need a fresh instance (first-admin bootstrap, settings read at start).
 *
 * <p>Database: H2 files in target/it/NAME by default. When the system property it.db.url names a MariaDB server
 * (jdbc:mariadb://127.0.0.1:3306/), each instance gets its own freshly created database there.
 */
public final class TrekServer implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@trek.test";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "lantern-harbour-orchard-7";

    private static TrekServer shared;

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final String database;
    private final Map<String, String> databaseEnv = new HashMap<>();
    private boolean dropDatabaseOnClose = true;

    private TrekServer(String name, int port, Process process, Path logFile, String database) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.database = database;
    }

    /**
     * The server every test class shares; the MCP addon is on (TREK_ADDONS=mcp), its outside services point at
     * {@link StubServer}. Stopped when the JVM exits.
     */
    public static synchronized TrekServer shared() {
        if (shared == null) {
            Map<String, String> env = new HashMap<>();
            env.put("ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("TREK_ADDONS", "mcp");
            // Every suite calls the OAuth endpoints from 127.0.0.1, far more often than one person would; the
            // limits themselves are tested on a separate instance (OAuthLimitsIT).
            env.put("OAUTH_DCR_PER_MINUTE", "10000");
            env.put("OAUTH_DCR_PER_IP_DAY", "100000");
            env.put("OAUTH_AUTHORIZE_PER_MINUTE", "10000");
            env.put("OAUTH_REVOKE_PER_MINUTE", "10000");
            env.put("OAUTH_INTROSPECT_PER_MINUTE", "10000");
            env.put("OAUTH_TOKEN_PER_MINUTE", "10000");
            // ToolCatalogIT calls every tool on both wires with a few tokens; the MCP limit is tested in McpLimitsIT.
            env.put("MCP_RATE_LIMIT", "100000");
            // ToolCatalogIT's scope gates open a legacy session per scope for one user and keep them (more than the default
            // 20 once the addon catalogues are in: at the cap the oldest would be closed under the harness's feet); the cap
            // and its eviction are tested on servers of their own (McpLimitsIT, McpClusterIT).
            env.put("MCP_MAX_SESSION_PER_USER", "1000");
            // The public share pages' limit per address: ShareLinksIT exhausts it in its last test, after its other
            // tests opened a dozen pages; nothing else opens /shared or /api/shared.
            env.put("SHARE_RATE_LIMIT", String.valueOf(SHARE_RATE_LIMIT));
            // Outside services are stubs on 127.0.0.1 in this JVM (StubServer); never the internet.
            env.put("NOMINATIM_URL", StubServer.shared().baseUrl());
            env.put("PLACE_LIST_IMPORT_URL", StubServer.shared().baseUrl() + "/place-lists");
            env.put("PLACE_LIST_IMPORT_TIMEOUT_SECONDS", "2");
            env.put("PLACE_LIST_IMPORT_MAX_BYTES", "65536");
            env.put("TRANSIT_API_URL", StubServer.shared().baseUrl());
            env.put("TRANSIT_TIMEOUT_SECONDS", "2");
            env.put("TRANSIT_MAX_BYTES", "65536");
            // Public holidays of the vacay tools (org.trek.vacay.HolidayStub puts a Nager.Date stub there).
            env.put("VACAY_HOLIDAYS_URL", StubServer.shared().baseUrl() + "/nager");
            env.put("VACAY_HOLIDAYS_TIMEOUT_SECONDS", "2");
            // Geo and weather tools (GeoToolsIT): Open-Meteo at the stub; map hosts pinned to the stub (plain http),
            // loopback allowed for them; maps.google.de pinned to 0.0.0.0 to play a host inside the network.
            String stubAddress = StubServer.shared().baseUrl().substring("http://".length());
            env.put("OPEN_METEO_URL", StubServer.shared().baseUrl());
            env.put("OPEN_METEO_ARCHIVE_URL", StubServer.shared().baseUrl() + "/archive-api");
            env.put("WEATHER_TIMEOUT_SECONDS", "2");
            env.put("MAPS_URL_TEST_HOSTS", "maps.app.goo.gl=" + stubAddress + ",goo.gl=" + stubAddress
                    + ",www.google.com=" + stubAddress + ",maps.google.de=0.0.0.0:" + stubAddress.substring(stubAddress.indexOf(':') + 1));
            env.put("MAPS_URL_ALLOW_LOOPBACK", "true");
            shared = start("shared", env);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Starts a separate instance with the given environment (APP_URL and the database are filled in). */
    public static TrekServer start(String name, Map<String, String> env) {
        // C1 only: the server starts in about half the time, and tests do not run long enough for C2 to pay off
        return start(name, env, List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"));
    }

    /** The same with other JVM options (the benchmark runs with the full JIT, as production does). */
    public static TrekServer start(String name, Map<String, String> env, List<String> jvmOptions) {
        return start(name, env, jvmOptions, List.of("--nohazelcast"));
    }

    /**
     * A node of a Payara data grid on 127.0.0.1 (two-node tests): its grid member listens on {@code ownGridPort}
     * and joins the members at {@code memberPorts} (TCP/IP discovery, no multicast); {@code clusterName} keeps
     * concurrent test runs apart.
     */
    public static TrekServer startInDataGrid(String name, Map<String, String> env, String clusterName, int ownGridPort,
                                             List<Integer> memberPorts) {
        String members = memberPorts.stream().map(p -> "127.0.0.1:" + p).collect(java.util.stream.Collectors.joining(","));
        // Nodes on one database share the key for secrets at rest, as the README tells operators to do.
        Map<String, String> nodeEnv = new HashMap<>(env);
        nodeEnv.putIfAbsent("TREK_ENCRYPTION_KEY", "Y2x1c3Rlci10ZXN0LWtleS0zMi1ieXRlcy1sb25nISE=");
        return start(name, nodeEnv, List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"), List.of(
                "--clustermode", "tcpip:" + members, "--interfaces", "127.0.0.1",
                "--clustername", clusterName, "--startport", String.valueOf(ownGridPort),
                "--postbootcommandfile", Path.of("server-config/data-grid.asadmin").toAbsolutePath().toString()));
    }

    /** A free TCP port on loopback, as the OS hands it out. */
    public static int freeLoopbackPort() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrekServer start(String name, Map<String, String> env, List<String> jvmOptions,
                                    List<String> clusterOptions) {
        try {
            String instance = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            Path workdir = Path.of(System.getProperty("it.workdir", "target/it")).toAbsolutePath().resolve(instance);
            Files.createDirectories(workdir);
            int port = freePort();
            Map<String, String> environment = new HashMap<>(env);
            environment.putIfAbsent("APP_URL", "http://127.0.0.1:" + port);
            environment.put("PORT", String.valueOf(port));
            environment.putIfAbsent("TREK_DATA_DIR", workdir.resolve("data").toString());
            // The floor PasswordHasher allows instead of 210,000: the suites create and sign in hundreds of users, and at
            // the production cost each hash is a quarter second of the two cores. The hashing itself is the same code.
            environment.putIfAbsent("PASSWORD_HASH_ITERATIONS", "10000");
            // Never the public holiday service from a test (the shared server points it at the stub).
            environment.putIfAbsent("VACAY_HOLIDAYS_URL", "none");
            String database = null;
            String dbUrl = System.getProperty("it.db.url", "");
            if (environment.containsKey("DB_URL")) {
                dbUrl = ""; // the caller chose the database (e.g. a restart on the same one)
            }
            if (dbUrl.startsWith("jdbc:mariadb:")) {
                database = ("trek_it_" + instance).replace('-', '_');
                createDatabase(dbUrl, database);
                environment.put("DB_URL", withDatabase(dbUrl, database));
                environment.put("DB_USER", System.getProperty("it.db.user", "root"));
                environment.put("DB_PASSWORD", System.getProperty("it.db.password", ""));
            }
            Path log = workdir.resolve("server.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-jar", System.getProperty("it.payara", "target/payara-micro.jar")));
            command.addAll(clusterOptions);
            command.addAll(List.of("--disablephonehome",
                    "--prebootcommandfile", Path.of("server-config/pre-boot.asadmin").toAbsolutePath().toString(),
                    "--deploy", System.getProperty("it.war", "target/trek.war"),
                    "--contextroot", "/",
                    "--port", String.valueOf(port),
                    "--rootdir", workdir.resolve("payara").toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(environment);
            Process process = pb.start();
            TrekServer server = new TrekServer(instance, port, process, log, database);
            for (String key : List.of("DB_URL", "DB_USER", "DB_PASSWORD", "TREK_DATA_DIR")) {
                if (environment.containsKey(key)) {
                    server.databaseEnv.put(key, environment.get(key));
                }
            }
            server.awaitHealthy(Duration.ofSeconds(Integer.getInteger("it.startup.seconds", 300)));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start Payara Micro", e);
        }
    }

    /** http://127.0.0.1:PORT — every request a test makes goes to loopback. */
    /** SHARE_RATE_LIMIT of the shared instance. */
    public static final int SHARE_RATE_LIMIT = 40;

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    public int port() {
        return port;
    }

    /** The database environment of this instance (DB_URL etc., or TREK_DATA_DIR for H2), to restart on the same data. */
    public Map<String, String> databaseEnvironment() {
        return Map.copyOf(databaseEnv);
    }

    /**
     * Fails when the server has logged anything SEVERE so far (after a pause of a few upkeep beats): background work
     * that loses its container context shows up there first.
     */
    public void assertNoSevereLog() {
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> severe = log().lines().filter(l -> l.startsWith("SEVERE")).toList();
        if (!severe.isEmpty()) {
            throw new AssertionError(severe.size() + " SEVERE entries in " + logFile + ", e.g. " + severe.get(0));
        }
    }

    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the server but keeps its database, for a restart on the same data. */
    public void stopKeepingData() {
        dropDatabaseOnClose = false;
        close();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (database != null && dropDatabaseOnClose) {
            try {
                dropDatabase(System.getProperty("it.db.url"), database);
            } catch (Exception ignored) {
                // best effort; CI drops the whole server's data dir anyway
            }
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro (" + name + ") exited during start-up:\n" + tail(log(), 4000));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                if (log().contains("Exception while deploying")) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Payara Micro (" + name + ") did not become healthy:\n" + tail(log(), 6000));
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : s.substring(s.length() - n);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String withDatabase(String serverUrl, String database) {
        String base = serverUrl.contains("?") ? serverUrl.substring(0, serverUrl.indexOf('?')) : serverUrl;
        String query = serverUrl.contains("?") ? serverUrl.substring(serverUrl.indexOf('?')) : "";
        int slash = base.indexOf('/', "jdbc:mariadb://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + query;
    }

    private static void createDatabase(String serverUrl, String database) {
        execute(serverUrl, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    /**
     * Drops the MariaDB database of a {@link #databaseEnvironment()} that outlived its servers (a restart test's: the
     * first server kept it, the second was handed it). Nothing to do on H2 (its files are in the test's work dir).
     */
    public static void dropDatabaseOf(Map<String, String> databaseEnvironment) {
        String url = databaseEnvironment.get("DB_URL");
        if (url == null || !url.startsWith("jdbc:mariadb:")) {
            return;
        }
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String database = path.substring(path.lastIndexOf('/') + 1);
        if (database.startsWith("trek_it_")) { // only what TrekServer created
            dropDatabase(url, database);
        }
    }

    private static void dropDatabase(String serverUrl, String database) {
        execute(serverUrl, "DROP DATABASE IF EXISTS " + database);
    }

    private static void execute(String serverUrl, String sql) {
        try (Connection c = DriverManager.getConnection(withDatabase(serverUrl, ""),
                System.getProperty("it.db.user", "root"), System.getProperty("it.db.password", ""));
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("MariaDB at " + serverUrl + ": " + e.getMessage(), e);
        }
    }
}
