package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.trek.platform.Clock;
import org.trek.platform.db.Sql;

/**
 * The table mcp_changes: what happened on one node that open streams on the other nodes must hear about (a resource
 * change, an addon toggle, a revoked grant). A row is written in the transaction of the change itself, so it exists
 * exactly when the change committed. Every node (the writer included) reads it by polling ({@link McpEvents}); the
 * node id only tells, when reading the table, where a change came from.
 */
@ApplicationScoped
@Transactional
public class McpChangeFeed {
    /** A resource whose own content changed (target = URI). */
    static final String RESOURCE = "resource";
    /** A resource and everything under it changed (target = URI). */
    static final String TREE = "tree";
    /** The tool/resource/prompt lists changed (an addon toggle; target unused). */
    static final String LISTS = "lists";
    /** A grant was revoked or a static token deleted (target = grant id): streams of it end. */
    static final String REVOKED = "revoked";
    static final int MAX_TARGET = 512;

    /** This node, for this run. */
    private final String nodeId = UUID.randomUUID().toString();

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    public String nodeId() {
        return nodeId;
    }

    /** Joins the caller's transaction (the change's own), or runs in its own. */
    public void record(String kind, String target) {
        record(kind, target, null);
    }

    /** As {@link #record(String, String)}, for one user only ({@code userId} null: for everyone). */
    public void record(String kind, String target, Long userId) {
        // A plain INSERT in the caller's transaction: nothing needs the row's id back, and EclipseLink's identity
        // read-back after batched inserts met duplicate keys on H2 2.2.224 when many trips changed at once.
        sql.update("INSERT INTO mcp_changes (node_id, change_kind, target, user_id, created_at) VALUES (?, ?, ?, ?, ?)",
                nodeId, kind, target, userId, clock.millis());
    }

    @Inject
    Sql sql;

    /** Rows after {@code id}, oldest first. (In a transaction: the poller's thread must not hold a non-transactional EntityManager.) */
    public List<McpChange> after(long id, int limit) {
        return em.createQuery("SELECT c FROM McpChange c WHERE c.id > :id ORDER BY c.id", McpChange.class)
                .setParameter("id", id).setMaxResults(limit).getResultList();
    }

    public long maxId() {
        Long max = em.createQuery("SELECT MAX(c.id) FROM McpChange c", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** The feed only bridges the time until every node has polled: rows older than this are dropped. */
    public int purge(long olderThanMillis) {
        return em.createQuery("DELETE FROM McpChange c WHERE c.createdAt < :t").setParameter("t", olderThanMillis)
                .executeUpdate();
    }
}
