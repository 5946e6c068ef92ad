package org.trek.platform.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * "Last used" stamps (tokens, sessions, clients) written behind: a request only notes the time in memory, and
 * {@link #flush()} writes the newest time of each row once a second in one batch per kind, never moving a stamp back.
 * A busy token costs one UPDATE a second instead of one per request, and no request waits for it.
 */
@ApplicationScoped
public class UseStamps implements DeferredWrites {
    private static final Logger LOG = Logger.getLogger(UseStamps.class.getName());

    /**
     * One kind of stamp: {@code UPDATE table SET column = ? WHERE keyColumn = ? [AND condition] AND (column IS NULL
     * OR column < ?)}; the column holds epoch milliseconds. Declare it once as a constant.
     */
    public record Kind(String table, String column, String keyColumn, String condition) {
        String sql() {
            return "UPDATE " + table + " SET " + column + " = ? WHERE " + keyColumn + " = ?"
                    + (condition == null ? "" : " AND " + condition) + " AND (" + column + " IS NULL OR " + column + " < ?)";
        }
    }

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    private final Map<Kind, Map<Object, Long>> pending = new ConcurrentHashMap<>();

    /** Notes that the row {@code key} of this kind was used at {@code when}; written within a second. */
    public void stamp(Kind kind, Object key, Instant when) {
        long millis = when.toEpochMilli();
        pending.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(key, millis, Math::max);
    }

    /** The newest stamp of this row not yet written (epoch milliseconds), or null. */
    public Long pending(Kind kind, Object key) {
        Map<Object, Long> stamps = pending.get(kind);
        return stamps == null ? null : stamps.get(key);
    }

    @Override
    public void flush() {
        for (Map.Entry<Kind, Map<Object, Long>> e : pending.entrySet()) {
            Map<Object, Long> taken = take(e.getValue());
            if (!taken.isEmpty()) {
                write(e.getKey(), taken);
            }
        }
    }

    /** Removes what is there now; a stamp added meanwhile stays for the next flush. */
    private static Map<Object, Long> take(Map<Object, Long> stamps) {
        Map<Object, Long> taken = new HashMap<>();
        for (Object key : stamps.keySet()) {
            Long millis = stamps.remove(key);
            if (millis != null) {
                taken.put(key, millis);
            }
        }
        return taken;
    }

    private void write(Kind kind, Map<Object, Long> stamps) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(kind.sql())) {
                for (Map.Entry<Object, Long> s : stamps.entrySet()) {
                    ps.setLong(1, s.getValue());
                    ps.setObject(2, s.getKey());
                    ps.setLong(3, s.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            // A lost stamp only makes "last used" older on a screen: not worth keeping them for a retry.
            LOG.warning(() -> "could not write " + stamps.size() + " " + kind.table() + "." + kind.column() + " stamps: " + e);
        }
    }
}
