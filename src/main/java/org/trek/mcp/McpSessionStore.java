package org.trek.mcp;

import org.trek.mcp.protocol.McpError;
import org.trek.mcp.protocol.JsonRpc;
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
import org.trek.platform.cache.LocalCache;
import org.trek.platform.db.UseStamps;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Legacy sessions in the shared database, so any node can serve any request of a session. The id handed to the
 * client is 256 random bits; only its hash is stored. Sessions expire after an hour without use.
 *
 * <p>A request reads its session from a node-local cache that keeps each session for at most {@value #CACHE_MS} ms
 * (then reads the row again): a session closed or changed on another node is seen here within that time, at once on
 * this node. Each use is stamped in memory and written behind ({@link UseStamps}), so a request writes nothing.
 */
@ApplicationScoped
@Transactional
public class McpSessionStore {
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(1);
    static final long CACHE_MS = 1_000;
    static final UseStamps.Kind LAST_SEEN = new UseStamps.Kind("mcp_sessions", "last_seen_at", "session_hash", null);

    @Inject
    UseStamps stamps;

    private final LocalCache<String, McpSession> cache = new LocalCache<>(20_000, CACHE_MS);

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
        // Idle sessions do not count (they are purged every minute, see purgeIdle).
        long live = em.createQuery("SELECT COUNT(s) FROM McpSessionRecord s WHERE s.userId = :u AND s.lastSeenAt >= :cutoff",
                        Long.class)
                .setParameter("u", grant.userId()).setParameter("cutoff", cutoff).getSingleResult();
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

    /** The live session for this id, noting its use; empty when unknown or idle for over an hour. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<McpSession> find(String sessionId) {
        String key = key(sessionId);
        McpSession s = cache.get(key);
        if (s == null) {
            long generation = cache.generation();
            McpSessionRecord row = em.find(McpSessionRecord.class, key);
            if (row == null || row.getLastSeenAt().isBefore(clock.now().minus(IDLE_TIMEOUT))) {
                return Optional.empty(); // the purge removes an idle row
            }
            s = new McpSession(key, row.getUserId(), row.getClientId(), row.getGrantId(), row.getProtocolVersion(),
                    row.getLogLevel(), capabilities(row.getClientCapabilities()));
            cache.putIfUnchanged(key, s, generation);
        }
        stamps.stamp(LAST_SEEN, key, clock.now());
        return Optional.of(s);
    }

    private static JsonObject capabilities(String json) {
        try {
            return json != null && JsonRpc.parse(json) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        } catch (McpError | JsonRpc.IdentifiedError e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** Removes sessions idle for longer than the timeout; run every minute by the MCP upkeep. */
    public int purgeIdle() {
        return em.createQuery("DELETE FROM McpSessionRecord s WHERE s.lastSeenAt < :cutoff")
                .setParameter("cutoff", clock.now().minus(IDLE_TIMEOUT)).executeUpdate();
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
        cache.remove(key);
        em.createQuery("UPDATE McpSessionRecord s SET s.logLevel = :l WHERE s.sessionHash = :k")
                .setParameter("l", level).setParameter("k", key).executeUpdate();
        cache.remove(key); // a reader between the two lines cached the old level
    }

    public boolean close(String key) {
        cache.remove(key);
        boolean closed = em.createQuery("DELETE FROM McpSessionRecord s WHERE s.sessionHash = :k")
                .setParameter("k", key).executeUpdate() > 0;
        cache.remove(key);
        return closed;
    }

    /** Closes every session bound to a grant; returns their keys so live streams can be ended too. */
    public List<String> closeGrant(String grantId) {
        List<String> keys = em.createQuery("SELECT s.sessionHash FROM McpSessionRecord s WHERE s.grantId = :g",
                String.class).setParameter("g", grantId).getResultList();
        if (!keys.isEmpty()) {
            em.createQuery("DELETE FROM McpSessionRecord s WHERE s.grantId = :g").setParameter("g", grantId)
                    .executeUpdate();
        }
        cache.removeIf((k, s) -> s.grantId().equals(grantId));
        return keys;
    }
}
