package org.trek.platform.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.trek.platform.RateLimiter;

/**
 * Fixed-window request limits counted in memory, for limits checked on every request (MCP_RATE_LIMIT): a hit is an
 * atomic increment, never a database statement. When the node belongs to a Payara data grid, {@link #sync()} (every
 * {@value #SYNC_MS} ms) adds each window's new hits to a counter shared by all nodes and learns what the others
 * counted, so the limit holds for the cluster: a request is allowed when this node's count plus the others' last
 * known count stays within the limit. Tolerance: the hits the other nodes admitted since their last sync (at most
 * {@value #SYNC_MS} ms of their traffic) can pass above the limit. Without a grid each node counts alone.
 *
 * <p>Refused hits are not counted (as in {@link RateLimiter}). Windows are aligned to the epoch (calendar minutes for
 * one-minute windows), so every node agrees which window a request falls into.
 */
@ApplicationScoped
public class RequestRateLimiter {
    private static final Logger LOG = Logger.getLogger(RequestRateLimiter.class.getName());
    static final long SYNC_MS = 250;

    /** One bucket's current window on this node. */
    static final class Window {
        final long start;
        final long length;
        final AtomicInteger local = new AtomicInteger();
        /** What the other nodes had counted at the last sync. */
        volatile long others;
        /** How much of {@link #local} the grid already has (touched by the sync only). */
        long pushed;

        Window(long start, long length) {
            this.start = start;
            this.length = length;
        }
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile GridCounters grid;
    private volatile boolean gridChecked;
    LongSupplier clock = System::currentTimeMillis;

    /** Counts one hit on {@code bucket} and says whether it is within {@code limit} per {@code window}. */
    public RateLimiter.Decision hit(String bucket, int limit, Duration window) {
        long now = clock.getAsLong();
        long length = window.toMillis();
        long start = now - now % length;
        Window w = windows.compute(bucket, (k, old) -> old != null && old.start == start && old.length == length
                ? old : new Window(start, length));
        long remaining = start + length - now;
        int mine = w.local.incrementAndGet();
        long count = mine + w.others;
        if (count > limit) {
            w.local.decrementAndGet(); // refused: not counted
            return decide(count, limit, remaining);
        }
        return decide(count, limit, remaining);
    }

    /** Forgets a bucket's count on this node (tests; an admin reset). */
    public void reset(String bucket) {
        windows.remove(bucket);
    }

    /**
     * Shares this node's new hits with the grid and learns the others' counts; drops finished windows. Called every
     * {@value #SYNC_MS} ms by {@link LimitsSync}.
     */
    public void sync() {
        long now = clock.getAsLong();
        windows.entrySet().removeIf(e -> e.getValue().start + e.getValue().length <= now && e.getValue().pushed
                == e.getValue().local.get());
        GridCounters g = grid();
        if (g == null) {
            windows.entrySet().removeIf(e -> e.getValue().start + e.getValue().length <= now);
            return;
        }
        for (Map.Entry<String, Window> e : windows.entrySet()) {
            Window w = e.getValue();
            long local = w.local.get();
            long delta = local - w.pushed;
            try {
                long total = g.add(e.getKey() + "|" + w.start + "|" + w.length, delta);
                w.pushed = local;
                w.others = Math.max(0, total - local);
            } catch (RuntimeException ex) {
                LOG.fine(() -> "rate limit sync failed: " + ex);
            }
            if (w.start + w.length <= now) {
                windows.remove(e.getKey(), w); // finished and pushed
            }
        }
    }

    private GridCounters grid() {
        if (!gridChecked) {
            grid = GridCounters.connect();
            gridChecked = true;
            LOG.info(grid == null ? "Request rate limits are counted on this node only (no data grid)"
                    : "Request rate limits are shared with the other nodes through the data grid");
        }
        return grid;
    }

    /** Whether counts are shared with other nodes (for the log and tests). */
    public boolean shared() {
        return grid() != null;
    }

    private static RateLimiter.Decision decide(long count, int limit, long remainingMs) {
        long retryAfter = Math.max(1, (remainingMs + 999) / 1000);
        return new RateLimiter.Decision(count <= limit, (int) Math.min(Integer.MAX_VALUE, count), retryAfter);
    }
}
