package org.trek.platform.db;

import jakarta.ejb.AccessTimeout;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Flushes every {@link DeferredWrites} bean once a second (a non-persistent EJB timer on each node, with a container
 * context of its own). {@link DeferredWritesAtStop} flushes once more when the application stops, so at most the last
 * second of deferred writes is lost, and only when the process dies without stopping (kill -9, power loss).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeferredWritesTimer {
    private static final Logger LOG = Logger.getLogger(DeferredWritesTimer.class.getName());

    @Inject
    @Any
    Instance<DeferredWrites> writers;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each writer commits its own batch
    @AccessTimeout(0)
    void beat() {
        flushAll();
    }

    /** Flushes every writer now (also for tests that must see what was written). */
    public void flushAll() {
        if (!running.compareAndSet(false, true)) {
            return; // a slow beat: the next one takes what is left
        }
        try {
            for (DeferredWrites w : writers) {
                try {
                    w.flush();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "deferred writes failed: " + e);
                }
            }
        } finally {
            running.set(false);
        }
    }
}
