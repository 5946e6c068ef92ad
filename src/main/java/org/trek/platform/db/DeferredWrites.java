package org.trek.platform.db;

/**
 * Writes a feature keeps in memory and writes later in batches, off the request thread: {@link DeferredWritesTimer}
 * calls {@link #flush()} on every such bean once a second, and {@link DeferredWritesAtStop} once more when the
 * application stops.
 */
public interface DeferredWrites {

    /** Writes what is pending; must not throw (a failure is logged and what failed is kept or dropped, as it says). */
    void flush();
}
