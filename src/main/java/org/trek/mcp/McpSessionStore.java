package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trek.platform.AppConfig;
import org.trek.platform.Clock;
import org.trek.platform.SecureRandoms;
import org.trek.platform.auth.AccessGrant;

/**
 * Legacy sessions in the shared database, so any node can serve any request of a session. The id handed to the
 * client is 256 random bits; only its hash is stored. Sessions expire after an hour without use.
 */
@ApplicationScoped
@Transactional
public class McpSessionStore {
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(1);
    /** last_seen_at is refreshed at most this often, so a busy session is not a write per request. */
    private static final Duration TOUCH_RESOLUTION = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    /** A new session's plain id (for the Mcp-Session-Id header) and its key. */
    public record Opened(String sessionId, String key) {
    }

    /** Thrown when the user already has the maximum number of live sessions. */
    public static class SessionLimitException extends RuntimeException {
        SessionLimitException() {
            super("Session limit reached. Close an existing session before opening a new one.", null, false, false);
        }
    }

    public int maxPerUser() {
        int max = config.getInt("MCP_MAX_SESSION_PER_USER", 20);
        return max > 0 ? max : 20;
    }

    public static String key(String sessionId) {
        return SecureRandoms.sha256Hex(sessionId);
    }

    public Opened open(AccessGrant grant, String protocolVersion, String clientCapabilities) {
        Instant now = clock.now();
        Instant cutoff = now.minus(IDLE_TIMEOUT);
        em.createQuery("DELETE FROM McpSessionRecord s WHERE s.lastSeenAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
        long live = em.createQuery("SELECT COUNT(s) FROM McpSessionRecord s WHERE s.userId = :u", Long.class)
                .setParameter("u", grant.userId()).getSingleResult();
        if (live >= maxPerUser()) {
            throw new SessionLimitException();
        }
        // Visible ASCII only (2025-11-25 transports: session id characters 0x21-0x7E); base64url qualifies.
        String sessionId = SecureRandoms.token(256);
        String key = key(sessionId);
        String caps = clientCapabilities != null && clientCapabilities.length() <= 2000 ? clientCapabilities : "{}";
        em.persist(new McpSessionRecord(key, grant.userId(), grant.clientId(), grant.grantId(), protocolVersion, caps, now));
        return new Opened(sessionId, key);
    }

    /** The live session for this id, refreshing its last use; empty when unknown or idle for over an hour. */
    public Optional<McpSessionRecord> find(String sessionId) {
        String key = key(sessionId);
        McpSessionRecord s = em.find(McpSessionRecord.class, key);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.now();
        if (s.getLastSeenAt().isBefore(now.minus(IDLE_TIMEOUT))) {
            em.remove(s);
            return Optional.empty();
        }
        if (s.getLastSeenAt().isBefore(now.minus(TOUCH_RESOLUTION))) {
            em.createQuery("UPDATE McpSessionRecord s SET s.lastSeenAt = :now WHERE s.sessionHash = :k")
                    .setParameter("now", now).setParameter("k", key).executeUpdate();
        }
        return Optional.of(s);
    }

    /**
     * Which of these sessions still exist and are not idle-expired (for streams held on this node). In a transaction:
     * the stream check runs on a scheduled thread, which must not hold a non-transactional EntityManager.
     */
    public java.util.Set<String> live(java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(em.createQuery("SELECT s.sessionHash FROM McpSessionRecord s "
                        + "WHERE s.sessionHash IN :keys AND s.lastSeenAt >= :cutoff", String.class)
                .setParameter("keys", keys).setParameter("cutoff", clock.now().minus(IDLE_TIMEOUT)).getResultList());
    }

    public void setLogLevel(String key, String level) {
        em.createQuery("UPDATE McpSessionRecord s SET s.logLevel = :l WHERE s.sessionHash = :k")
                .setParameter("l", level).setParameter("k", key).executeUpdate();
    }

    public boolean close(String key) {
        return em.createQuery("DELETE FROM McpSessionRecord s WHERE s.sessionHash = :k")
                .setParameter("k", key).executeUpdate() > 0;
    }

    /** Closes every session bound to a grant; returns their keys so live streams can be ended too. */
    public List<String> closeGrant(String grantId) {
        List<String> keys = em.createQuery("SELECT s.sessionHash FROM McpSessionRecord s WHERE s.grantId = :g",
                String.class).setParameter("g", grantId).getResultList();
        if (!keys.isEmpty()) {
            em.createQuery("DELETE FROM McpSessionRecord s WHERE s.grantId = :g").setParameter("g", grantId)
                    .executeUpdate();
        }
        return keys;
    }
}
