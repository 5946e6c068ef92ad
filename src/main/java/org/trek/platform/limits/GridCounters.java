package org.trek.platform.limits;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Counters shared by every node of a Payara data grid, through its JCache (Hazelcast). Only JDK types cross the grid
 * (String keys, Long values) and the sum is a compare-and-set loop, so no application class has to be deserialized
 * on another member. Absent (the node runs with --nohazelcast): {@link #connect()} answers null.
 */
final class GridCounters {
    private static final Logger LOG = Logger.getLogger(GridCounters.class.getName());
    static final String CACHE = "trek-rate-limits";
    private static final int MAX_CAS_TRIES = 20;

    private final Cache<String, Long> cache;

    private GridCounters(Cache<String, Long> cache) {
        this.cache = cache;
    }

    /** The grid's counters, or null when this node has no data grid. */
    static GridCounters connect() {
        try {
            CacheManager manager = (CacheManager) new InitialContext().lookup("payara/CacheManager");
            if (manager == null || manager.isClosed()) {
                return null;
            }
            Cache<String, Long> cache = manager.getCache(CACHE, String.class, Long.class);
            if (cache == null) {
                MutableConfiguration<String, Long> config = new MutableConfiguration<String, Long>()
                        .setTypes(String.class, Long.class)
                        // a window's sum is needed for its minute and a little after; then it goes by itself
                        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 5)));
                try {
                    cache = manager.createCache(CACHE, config);
                } catch (javax.cache.CacheException exists) {
                    cache = manager.getCache(CACHE, String.class, Long.class); // another node created it first
                }
            }
            cache.get("probe"); // fails here, not on the first request, when the grid is not running
            return new GridCounters(cache);
        } catch (NamingException | RuntimeException e) {
            LOG.fine(() -> "no data grid for shared rate limits: " + e);
            return null;
        }
    }

    /** Adds {@code delta} to the counter and answers the new sum over all nodes. */
    long add(String key, long delta) {
        for (int i = 0; i < MAX_CAS_TRIES; i++) {
            Long current = cache.get(key);
            if (current == null) {
                if (cache.putIfAbsent(key, delta)) {
                    return delta;
                }
            } else if (delta == 0 || cache.replace(key, current, current + delta)) {
                return current + delta;
            }
        }
        throw new IllegalStateException("shared counter " + key + " too contended");
    }
}
