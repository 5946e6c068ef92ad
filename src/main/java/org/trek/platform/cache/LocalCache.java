package org.trek.platform.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;

/**
 * A node-local cache of things read from the database on the request path (bearer grants, legacy sessions), bounded
 * in size and in age, with invalidation that cannot lose a race against a concurrent reload.
 *
 * <p>A reader takes {@link #generation()} before it reads the database and stores what it read with
 * {@link #putIfUnchanged}: when an invalidation happened meanwhile (the generation moved on), the value it read may be
 * the old one and is not stored. So after {@link #invalidateAll()} or {@link #remove} returns, no value read before it
 * can come back.
 */
public final class LocalCache<K, V> {
    private record Entry<V>(V value, long storedAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int maxEntries;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;

    public LocalCache(int maxEntries, long maxAgeMillis) {
        this(maxEntries, maxAgeMillis, System::nanoTime);
    }

    /** With its own clock, for tests. */
    public LocalCache(int maxEntries, long maxAgeMillis, LongSupplier nanoTime) {
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAgeMillis * 1_000_000L;
        this.nanoTime = nanoTime;
    }

    /** The value stored for this key, or null when there is none or it is older than the maximum age. */
    public V get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (nanoTime.getAsLong() - e.storedAt() > maxAgeNanos) {
            entries.remove(key, e);
            return null;
        }
        return e.value();
    }

    /** Take this before reading what you will store. */
    public long generation() {
        return generation.get();
    }

    /** Stores the value unless an invalidation happened since {@code generation} was taken. */
    public void putIfUnchanged(K key, V value, long generation) {
        if (entries.size() >= maxEntries) {
            evict();
        }
        Entry<V> e = new Entry<>(value, nanoTime.getAsLong());
        entries.put(key, e);
        if (this.generation.get() != generation) {
            entries.remove(key, e); // an invalidation raced with the read: the value may be stale
        }
    }

    /** Replaces a value that is still cached (keeps its age); nothing when it is gone. */
    public void replace(K key, V value) {
        entries.computeIfPresent(key, (k, e) -> new Entry<>(value, e.storedAt()));
    }

    public void remove(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    /** Drops every entry whose key and value match. */
    public void removeIf(BiPredicate<K, V> match) {
        generation.incrementAndGet();
        entries.entrySet().removeIf(e -> match.test(e.getKey(), e.getValue().value()));
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    /** Over the bound: drop what is expired, and if that is not enough, everything (a rare, cheap reload). */
    private void evict() {
        long now = nanoTime.getAsLong();
        entries.values().removeIf(e -> now - e.storedAt() > maxAgeNanos);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }
}
