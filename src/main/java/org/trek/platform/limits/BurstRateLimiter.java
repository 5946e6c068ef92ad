package org.trek.platform.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.trek.platform.RateLimiter;

/**
 * A token bucket per key, in memory: {@code burst} requests may come at once, and the bucket refills at
 * {@code perMinute} requests a minute. It is kept as the generic cell rate algorithm (GCRA, one "theoretical arrival
 * time" per key): a hit moves that time on by one emission interval (a minute / perMinute), and is refused when the time
 * would run more than {@code burst} intervals ahead of now. Refused hits cost nothing.
 *
 * <p>Unlike a fixed window, a client that sends a burst (a conformance suite, an agent reading a trip at start-up) is
 * let through as long as its average stays within the rate, and a client that goes on hammering is held at the rate,
 * with a {@code Retry-After} that says when the next request fits.
 *
 * <p>Several nodes: when the node belongs to a Payara data grid, {@link #sync()} (every {@value #SYNC_MS} ms) adds each
 * key's new hits to a counter shared by the nodes and moves the key's time on by the hits the other nodes admitted
 * meanwhile, so the rate holds for the cluster. Tolerance: what the other nodes admitted since their last sync.
 */
@ApplicationScoped
public class BurstRateLimiter {
    private static final Logger LOG = Logger.getLogger(BurstRateLimiter.class.getName());
    static final long SYNC_MS = 250;
    /** Shared counters restart every period (the grid forgets a counter 5 minutes after it was made). */
    static final long PERIOD_MS = 3 * 60_000;

    /** One key's state on this node. */
    static final class Cell {
        /** Theoretical arrival time (epoch ms, fractional): when the bucket would be full again. */
        double tat;
        /** The emission interval last used for this key (ms per request). */
        double interval;
        /** Hits admitted here in the current shared period, how many of them the grid has, and the others' sum. */
        long period = -1;
        long local;
        long pushed;
        long others;
    }

    private final Map<String, Cell> cells = new ConcurrentHashMap<>();
    private volatile GridCounters grid;
    private volatile boolean gridChecked;
    LongSupplier clock = System::currentTimeMillis;

    /**
     * Counts one request on {@code key} if it fits: {@code perMinute} a minute on average, up to {@code burst} at once.
     * The decision's count is the number of requests that would still fit right now (0 when refused).
     */
    public RateLimiter.Decision take(String key, int perMinute, int burst) {
        long now = clock.getAsLong();
        double interval = 60_000.0 / Math.max(1, perMinute);
        int capacity = Math.max(1, burst);
        Cell cell = cells.computeIfAbsent(key, k -> new Cell());
        synchronized (cell) {
            cell.interval = interval;
            double next = Math.max(cell.tat, now) + interval;
            double fitsAt = next - capacity * interval;
            if (fitsAt > now) {
                long retryAfter = Math.max(1, (long) Math.ceil((fitsAt - now) / 1000.0));
                return new RateLimiter.Decision(false, 0, retryAfter);
            }
            cell.tat = next;
            long period = now / PERIOD_MS;
            if (cell.period != period) {
                cell.period = period;
                cell.local = 0;
                cell.pushed = 0;
                cell.others = 0;
            }
            cell.local++;
            int left = (int) Math.floor((now + capacity * interval - next) / interval);
            return new RateLimiter.Decision(true, Math.max(0, left), 0);
        }
    }

    /** Forgets a key on this node (tests; an admin reset). */
    public void reset(String key) {
        cells.remove(key);
    }

    /**
     * Shares this node's new hits with the grid and takes in the others'; forgets keys whose bucket is full again.
     * Called every {@value #SYNC_MS} ms by {@link LimitsSync}.
     */
    public void sync() {
        long now = clock.getAsLong();
        GridCounters g = grid();
        long period = now / PERIOD_MS;
        for (Map.Entry<String, Cell> e : cells.entrySet()) {
            Cell cell = e.getValue();
            synchronized (cell) {
                if (g != null && cell.period >= 0 && (cell.local > cell.pushed || cell.period == period)) {
                    push(g, e.getKey(), cell, now); // also with nothing new here: the others may have counted
                }
                // Full again: forget it. With a grid only once its period is over, so that a new cell does not take
                // the others' earlier hits of the period as new ones.
                boolean done = cell.tat < now && (g == null || cell.period < 0
                        || (cell.period != period && cell.local == cell.pushed));
                if (done) {
                    cells.remove(e.getKey(), cell);
                }
            }
        }
    }

    private static void push(GridCounters g, String key, Cell cell, long now) {
        try {
            long total = g.add(key + "|gcra|" + cell.period, cell.local - cell.pushed);
            cell.pushed = cell.local;
            long others = Math.max(0, total - cell.local);
            if (others > cell.others) {
                cell.tat = Math.max(cell.tat, now) + (others - cell.others) * cell.interval;
                cell.others = others;
            }
        } catch (RuntimeException ex) {
            LOG.fine(() -> "rate limit sync failed: " + ex);
        }
    }

    private GridCounters grid() {
        if (!gridChecked) {
            grid = GridCounters.connect();
            gridChecked = true;
        }
        return grid;
    }
}
