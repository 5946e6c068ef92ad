package org.trek.mcp;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.registry.ResourceChanged;
import org.trek.platform.auth.CredentialRevoked;

/**
 * Reacts to what happens elsewhere, on every node: a revoked grant or deleted token closes its sessions and streams;
 * an addon toggle tells open streams that the lists changed instead of killing sessions; a resource change reaches
 * its subscribers.
 *
 * <p>Every such event is written to the change feed ({@link McpChangeFeed}) inside the transaction that caused it, so
 * a row exists exactly when the change committed. Every node, the one where it happened included, learns of it by
 * polling the feed once a second once it serves /mcp: one path, whichever node the subscriber is on. A row is
 * read again until it has been seen for {@value #SETTLE_MS} ms, so a row whose transaction commits after a younger
 * one (ids are taken at insert, not at commit) is not skipped. The same poll takes the legacy messages other nodes
 * handed over to this node's running calls ({@link McpHandover}).
 */
@ApplicationScoped
public class McpEvents {
    private static final Logger LOG = Logger.getLogger(McpEvents.class.getName());
    static final long POLL_MS = 1_000;
    static final long SETTLE_MS = 10_000;
    private static final long KEEP_MS = 10 * 60_000;
    private static final long PURGE_EVERY_MS = 60_000;
    private static final int BATCH = 2_000;

    @Inject
    McpSessionStore sessions;

    @Inject
    LiveChannels channels;

    @Inject
    McpChangeFeed feed;

    @Inject
    ResourceSubscriptions subscriptions;

    @Inject
    McpRegistry registry;

    @Inject
    McpHandover handover;

    // ---------------------------------------------------------------- revoked grants and deleted tokens

    void onRevoked(@Observes CredentialRevoked revoked) {
        var keys = sessions.closeGrant(revoked.grantId());
        feed.record(McpChangeFeed.REVOKED, revoked.grantId());
        keys.forEach(channels::closeSession);
        channels.closeListenStreamsOf(revoked.grantId());
        if (!keys.isEmpty()) {
            LOG.info(() -> "Closed " + keys.size() + " MCP session(s) of a revoked grant");
        }
    }

    // ---------------------------------------------------------------- addon toggles and resource changes

    void recordAddonToggle(@Observes AddonService.AddonToggled toggled) {
        feed.record(McpChangeFeed.LISTS, toggled.addonId());
    }

    private void listsChanged() {
        registry.forgetAddonStates();
        channels.listChanged("tools");
        channels.listChanged("resources");
        channels.listChanged("prompts");
    }

    void recordResourceChange(@Observes ResourceChanged changed) {
        changed.uris().forEach(u -> recordResource(McpChangeFeed.RESOURCE, u, changed.users()));
        changed.trees().forEach(u -> recordResource(McpChangeFeed.TREE, u, changed.users()));
    }

    private void recordResource(String kind, String uri, Set<Long> users) {
        if (uri.length() <= McpChangeFeed.MAX_TARGET) {
            if (users.isEmpty()) {
                feed.record(kind, uri);
            } else {
                users.forEach(user -> feed.record(kind, uri, user)); // a row per user: a trip has few members
            }
        } else {
            LOG.warning(() -> "resource change not announced: URI longer than " + McpChangeFeed.MAX_TARGET);
        }
    }

    // ---------------------------------------------------------------- polling the feed

    /** Set by the first authenticated /mcp request; from then on {@link McpTicker} polls every second. */
    private volatile boolean polling;
    /** Every row at or below this id has been handled (or belongs to a transaction that never committed). */
    long watermark;
    /** Rows above the watermark already handled, with the local time they were first seen. */
    private final Map<Long, Long> seen = new ConcurrentHashMap<>();
    private long lastPurge;

    /**
     * Starts polling the feed, once, from the first authenticated /mcp request on this node. Before that the node has
     * no streams, so what happened earlier is not news to it. Every change reaches the feed through an MCP tool call
     * or a screen, so some node serving MCP polls and purges it. (The polling itself runs on an EJB timer,
     * {@link McpTicker}: a task on the managed scheduled executor, started from a request, lost its invocation
     * context after each run and logged a SEVERE error every second.)
     */
    public void ensurePolling() {
        if (!polling) {
            synchronized (this) {
                if (!polling) {
                    watermark = feed.maxId();
                    polling = true;
                }
            }
        }
    }

    /** Called every second by {@link McpTicker}; does nothing until this node has served MCP. */
    void pollIfStarted() {
        if (polling) {
            poll();
        }
    }

    /** The local clock the settling is measured with (a field so that a unit test can move it). */
    java.util.function.LongSupplier time = System::currentTimeMillis;

    synchronized void poll() {
        try {
            long now = time.getAsLong();
            List<McpChange> rows = feed.after(watermark, BATCH);
            List<ResourceSubscriptions.Change> resources = new ArrayList<>();
            Set<String> revoked = new LinkedHashSet<>();
            boolean lists = false;
            for (McpChange row : rows) {
                if (seen.putIfAbsent(row.getId(), now) != null) {
                    continue; // handled already
                }
                switch (row.getKind()) {
                    case McpChangeFeed.RESOURCE -> resources.add(new ResourceSubscriptions.Change(row.getTarget(), false, row.getUserId()));
                    case McpChangeFeed.TREE -> resources.add(new ResourceSubscriptions.Change(row.getTarget(), true, row.getUserId()));
                    case McpChangeFeed.LISTS -> lists = true;
                    case McpChangeFeed.REVOKED -> revoked.add(row.getTarget());
                    default -> LOG.fine(() -> "unknown change kind " + row.getKind());
                }
            }
            long settled = watermark;
            for (McpChange row : rows) {
                Long first = seen.get(row.getId());
                if (first == null || now - first < SETTLE_MS) {
                    break;
                }
                settled = row.getId();
            }
            long w = settled;
            watermark = w;
            seen.keySet().removeIf(id -> id <= w);

            // Sessions of a revoked grant are gone from the database (their GET streams end with the stream check
            // within 5 s); subscriptions/listen streams have no session, so they end here.
            revoked.forEach(channels::closeListenStreamsOf);
            if (lists) {
                listsChanged();
            }
            subscriptions.deliver(resources);

            if (now - lastPurge > PURGE_EVERY_MS) {
                lastPurge = now;
                feed.purge(now - KEEP_MS);
                sessions.purgeIdle();
            }
        } catch (RuntimeException e) {
            // a failing poll must not keep the handover and the stream upkeep of this beat from running
            LOG.log(Level.WARNING, "MCP change feed poll failed: " + e);
        }
        // Sampling answers and cancellations posted to another node (catches its own failures).
        handover.poll();
    }
}
