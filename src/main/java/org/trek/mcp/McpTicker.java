package org.trek.mcp;

import jakarta.ejb.AccessTimeout;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The once-a-second heartbeat of this node's MCP upkeep: the change feed poll (resource updates, list changes,
 * revocations and handed-over answers from other nodes) and, every 5 s, the stream upkeep (keep-alives, lifetimes,
 * sessions closed elsewhere). An EJB timer runs each beat with a proper container context, which a repeating task
 * on the managed scheduled executor did not keep. Non-persistent: every node has its own.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class McpTicker {
    private static final Logger LOG = Logger.getLogger(McpTicker.class.getName());

    @Inject
    McpEvents events;

    @Inject
    LiveChannels channels;

    /** A slow beat (a slow database) makes the next ones skip instead of piling up. */
    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step has its own short transactions
    @AccessTimeout(0)
    void beat() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            events.pollIfStarted();
            channels.tickIfDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MCP upkeep failed: " + e);
        } finally {
            running.set(false);
        }
    }
}
