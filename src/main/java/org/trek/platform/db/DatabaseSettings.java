package org.trek.platform.db;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which database to use, from the environment: a {@code jdbc:mariadb:} DB_URL selects MariaDB; anything else
 * (or nothing) the embedded H2 file database under TREK_DATA_DIR. Same WAR, no rebuild.
 *
 * <p>H2 runs in LEGACY mode: EclipseLink 4's H2 identity DDL and read-back need it with H2 2.x. It is not closed by
 * H2's own JVM shutdown hook (DB_CLOSE_ON_EXIT=FALSE): that hook ran before the application stopped and took the
 * database away from the writes made at the stop ({@link DeferredWritesAtStop}); the database closes with the pool's
 * last connection instead. A lock is waited for up to 10 s (LOCK_TIMEOUT), not H2's default 1 s.
 */
public record DatabaseSettings(Kind kind, String url, String user, String password) {

    public enum Kind { H2, MARIADB }

    public static DatabaseSettings from(Map<String, String> env) {
        String url = value(env, "DB_URL");
        String user = value(env, "DB_USER");
        String password = value(env, "DB_PASSWORD");
        if (url != null && url.startsWith("jdbc:mariadb:")) {
            return new DatabaseSettings(Kind.MARIADB, url, user == null ? "" : user, password == null ? "" : password);
        }
        if (url == null) {
            String dir = value(env, "TREK_DATA_DIR");
            Path dataDir = Path.of(dir == null ? "./data" : dir).toAbsolutePath().normalize();
            url = "jdbc:h2:file:" + dataDir.resolve("trek") + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE";
        } else if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("DB_URL must start with jdbc:mariadb: or jdbc:h2:");
        } else if (!url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            url = url + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (!url.toUpperCase(java.util.Locale.ROOT).contains("LOCK_TIMEOUT")) {
            // H2 waits 1 s for a row lock by default; a burst of refreshes of one token queues on one row for longer
            // (MariaDB waits 50 s, innodb_lock_wait_timeout).
            url = url + ";LOCK_TIMEOUT=10000";
        }
        return new DatabaseSettings(Kind.H2, url, user == null ? "sa" : user, password == null ? "" : password);
    }

    /** Environment variables, overridable by system properties of the same name (handy in tests). */
    public static DatabaseSettings fromEnvironment() {
        Map<String, String> merged = new java.util.HashMap<>(System.getenv());
        for (String key : new String[] {"DB_URL", "DB_USER", "DB_PASSWORD", "TREK_DATA_DIR"}) {
            String prop = System.getProperty(key);
            if (prop != null) {
                merged.put(key, prop);
            }
        }
        return from(merged);
    }

    private static String value(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** For logs: the URL without any password parameter. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
