package org.trek.mcp;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.admin.AddonService;
import org.trek.mcp.registry.ResourceChanged;
import org.trek.platform.Startup;
import org.trek.platform.auth.CredentialRevoked;

/**
 * Reacts to what happens elsewhere, on every node: a revoked grant or deleted token closes its sessions and streams;
 * an addon toggle tells open streams that the lists changed instead of killing sessions; a resource change reaches
 * its subscribers.
 *
 * <p>Every such event is written to the change feed ({@link McpChangeFeed}) inside the transaction that caused it.
 * The node where it happened delivers it to its own streams right after the commit; every other node finds it by
 * polling the feed once a second. A row is read again until it has been seen for {@value #SETTLE_MS} ms, so a row
 * whose transaction commits after a younger one (ids are taken at insert, not at commit) is not skipped.
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

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

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

    // ---------------------------------------------------------------- addon toggles

    void recordAddonToggle(@Observes AddonService.AddonToggled toggled) {
        feed.record(McpChangeFeed.LISTS, toggled.addonId());
    }

    void afterAddonToggle(@Observes(during = TransactionPhase.AFTER_SUCCESS) AddonService.AddonToggled toggled) {
        listsChanged();
    }

    private void listsChanged() {
        registry.forgetAddonStates();
        channels.listChanged("tools");
        channels.listChanged("resources");
        channels.listChanged("prompts");
    }

    // ---------------------------------------------------------------- resource changes

    void recordResourceChange(@Observes ResourceChanged changed) {
        for (ResourceSubscriptions.Change c : changes(changed)) {
            if (c.uri().length() <= McpChangeFeed.MAX_TARGET) {
                feed.record(c.tree() ? McpChangeFeed.TREE : McpChangeFeed.RESOURCE, c.uri());
            }
        }
    }

    void afterResourceChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResourceChanged changed) {
        List<ResourceSubscriptions.Change> list = changes(changed);
        // Off the committing thread: the caller's answer does not wait for the notifications.
        executor.execute(() -> subscriptions.deliver(list));
    }

    private static List<ResourceSubscriptions.Change> changes(ResourceChanged changed) {
        List<ResourceSubscriptions.Change> list = new ArrayList<>();
        changed.uris().forEach(u -> list.add(new ResourceSubscriptions.Change(u, false)));
        changed.trees().forEach(u -> list.add(new ResourceSubscriptions.Change(u, true)));
        return list;
    }

    // ---------------------------------------------------------------- the other nodes' changes

    private volatile ScheduledFuture<?> poller;
    /** Every row at or below this id has been handled (or belongs to a transaction that never committed). */
    private long watermark;
    /** Rows above the watermark already handled, with the local time they were first seen. */
    private final Map<Long, Long> seen = new ConcurrentHashMap<>();
    private long lastPurge;

    void startPolling(@Observes @Priority(200) Startup.DatabaseReady ready) {
        watermark = feed.maxId(); // what happened before this node started is not news to its (new) streams
        poller = scheduler.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopPolling() {
        ScheduledFuture<?> p = poller;
        if (p != null) {
            p.cancel(false);
        }
    }

    synchronized void poll() {
        try {
            long now = System.currentTimeMillis();
            List<McpChange> rows = feed.after(watermark, BATCH);
            List<ResourceSubscriptions.Change> resources = new ArrayList<>();
            Set<String> revoked = new LinkedHashSet<>();
            boolean lists = false;
            for (McpChange row : rows) {
                if (seen.putIfAbsent(row.getId(), now) != null || feed.nodeId().equals(row.getNodeId())) {
                    continue; // handled already, or written here and delivered after its commit
                }
                switch (row.getKind()) {
                    case McpChangeFeed.RESOURCE -> resources.add(new ResourceSubscriptions.Change(row.getTarget(), false));
                    case McpChangeFeed.TREE -> resources.add(new ResourceSubscriptions.Change(row.getTarget(), true));
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

            // Sessions of a revoked grant are gone from the database (their GET streams end with the stream check);
            // subscriptions/listen streams have no session, so they end here.
            revoked.forEach(channels::closeListenStreamsOf);
            if (lists) {
                listsChanged();
            }
            subscriptions.deliver(resources);

            if (now - lastPurge > PURGE_EVERY_MS) {
                lastPurge = now;
                feed.purge(now - KEEP_MS);
            }
        } catch (RuntimeException e) {
            // a failing poll must not cancel the schedule
            LOG.log(Level.WARNING, "MCP change feed poll failed: " + e);
        }
    }
}
