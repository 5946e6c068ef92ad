package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import org.trek.platform.Clock;

/** The table mcp_handover (see {@link McpHandover}). Every method runs in a transaction (the poller's thread too). */
@ApplicationScoped
@Transactional
public class McpHandoverStore {
    /** At most this many messages of one session wait at a time; more are dropped (a client answers one by one). */
    static final int MAX_PER_SESSION = 16;

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    /** Stores a message for another node; false when the session already has too many waiting. */
    public boolean put(String sessionHash, String kind, String requestKey, String payload) {
        long waiting = em.createQuery("SELECT COUNT(h) FROM McpHandoverRow h WHERE h.sessionHash = :s", Long.class)
                .setParameter("s", sessionHash).getSingleResult();
        if (waiting >= MAX_PER_SESSION) {
            return false;
        }
        em.persist(new McpHandoverRow(sessionHash, kind, requestKey, payload, clock.millis()));
        return true;
    }

    /** The waiting messages of these sessions, oldest first. */
    public List<McpHandoverRow> forSessions(Collection<String> sessionHashes, int limit) {
        return em.createQuery("SELECT h FROM McpHandoverRow h WHERE h.sessionHash IN :s ORDER BY h.id",
                McpHandoverRow.class).setParameter("s", sessionHashes).setMaxResults(limit).getResultList();
    }

    public void delete(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            em.createQuery("DELETE FROM McpHandoverRow h WHERE h.id IN :ids").setParameter("ids", ids).executeUpdate();
        }
    }

    public int purge(long olderThanMillis) {
        return em.createQuery("DELETE FROM McpHandoverRow h WHERE h.createdAt < :t").setParameter("t", olderThanMillis)
                .executeUpdate();
    }
}
