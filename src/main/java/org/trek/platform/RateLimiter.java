package org.trek.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.trek.platform.db.DataSourceConfig;

/**
 * Fixed-window counters in the shared database, so every node of a cluster sees the same counts.
 * Each call is its own short statement outside any business transaction (a rejected request must still count).
 */
@ApplicationScoped
public class RateLimiter {

    /** Outcome of a hit: whether it is allowed, and how long until the window resets. */
    public record Decision(boolean allowed, int count, long retryAfterSeconds) {
    }

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Counts one hit on {@code bucket} and says whether it is within {@code limit} per {@code window}. */
    public Decision hit(String bucket, int limit, Duration window) {
        return apply(bucket, limit, window, 1);
    }

    /** Reads the current count without adding to it. */
    public Decision peek(String bucket, int limit, Duration window) {
        return apply(bucket, limit, window, 0);
    }

    public void reset(String bucket) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM rate_limits WHERE bucket = ?")) {
            ps.setString(1, key(bucket));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit store unavailable", e);
        }
    }

    private Decision apply(String bucket, int limit, Duration window, int add) {
        long now = clock.millis();
        long windowMs = window.toMillis();
        long windowStart = now - (now % windowMs);
        String key = key(bucket);
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                int count = readCount(c, key, windowStart);
                if (count >= 0) {
                    if (add > 0) {
                        if (count + (long) add > limit) {
                            return decide(count + add, limit, windowStart + windowMs - now); // refused, not counted
                        }
                        // The limit is part of the UPDATE, so hits racing for the last places cannot all be allowed
                        // on the same earlier reading (the row lock orders them; the losers update nothing).
                        try (PreparedStatement ps = c.prepareStatement("UPDATE rate_limits SET hits = hits + ? "
                                + "WHERE bucket = ? AND window_start = ? AND hits <= ?")) {
                            ps.setInt(1, add);
                            ps.setString(2, key);
                            ps.setLong(3, windowStart);
                            ps.setLong(4, (long) limit - add);
                            if (ps.executeUpdate() == 0) {
                                continue; // the limit was reached meanwhile, or the window rolled over: read again
                            }
                        }
                        count += add;
                    }
                    return decide(count, limit, windowStart + windowMs - now);
                }
                // No row for this window: replace an old window's row or create one. A concurrent insert loses and retries.
                try (PreparedStatement del = c.prepareStatement(
                        "DELETE FROM rate_limits WHERE bucket = ? AND window_start <> ?")) {
                    del.setString(1, key);
                    del.setLong(2, windowStart);
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, ?)")) {
                    ins.setString(1, key);
                    ins.setLong(2, windowStart);
                    ins.setInt(3, add);
                    ins.executeUpdate();
                    return decide(add, limit, windowStart + windowMs - now);
                } catch (SQLException duplicate) {
                    // another node inserted first: loop and update its row
                }
            }
            return decide(limit + 1, limit, windowStart + windowMs - now);
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit store unavailable", e);
        }
    }

    /** The current count for this window, or -1 when there is no row for it. */
    private static int readCount(Connection c, String key, long windowStart) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT window_start, hits FROM rate_limits WHERE bucket = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) == windowStart) {
                    return rs.getInt(2);
                }
                return -1;
            }
        }
    }

    private static Decision decide(int count, int limit, long remainingMs) {
        long retryAfter = Math.max(1, (remainingMs + 999) / 1000);
        return new Decision(count <= limit, count, retryAfter);
    }

    /** Buckets may carry user input (emails); hash long ones so the key always fits the column. */
    private static String key(String bucket) {
        return bucket.length() <= 120 ? bucket : bucket.substring(0, 40) + ":" + SecureRandoms.sha256Hex(bucket);
    }
}
