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
import java.util.Comparator;
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

    /**
     * A new session's plain id (for the Mcp-Session-Id header) and its key, and the keys of the sessions closed to
     * make room for it (the user's least recently used ones, when the user was at the limit).
     */
    public record Opened(String sessionId, String key, List<String> evicted) {
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
        List<String> evicted = makeRoom(grant.userId(), now);
        // Visible ASCII only (2025-11-25 transports: session id characters 0x21-0x7E); base64url qualifies.
        String sessionId = SecureRandoms.token(256);
        String key = key(sessionId);
        String caps = clientCapabilities != null && clientCapabilities.length() <= 2000 ? clientCapabilities : "{}";
        em.persist(new McpSessionRecord(key, grant.userId(), grant.clientId(), grant.grantId(), protocolVersion, caps, now));
        return new Opened(sessionId, key, evicted);
    }

    /**
     * At {@code MCP_MAX_SESSION_PER_USER} live sessions, closes the user's least recently used ones so that the new
     * one fits (TREK 3.4 does the same): a client that restarted without sending DELETE must not lock its user out
     * for the idle hour. The closed session's next request gets 404, and the client initializes again, as the
     * transports foresee (2025-11-25 basic/transports, "Session Management"). Idle sessions do not count (they are
     * purged every minute, see purgeIdle). Recency is the newer of the stored stamp and this node's pending one.
     */
    private List<String> makeRoom(long userId, Instant now) {
        List<Object[]> live = em.createQuery("SELECT s.sessionHash, s.lastSeenAt, s.createdAt FROM McpSessionRecord s "
                        + "WHERE s.userId = :u AND s.lastSeenAt >= :cutoff", Object[].class)
                .setParameter("u", userId).setParameter("cutoff", now.minus(IDLE_TIMEOUT)).getResultList();
        int excess = live.size() - maxPerUser() + 1;
        if (excess <= 0) {
            return List.of();
        }
        List<String> oldest = live.stream()
                .sorted(Comparator.comparingLong((Object[] row) -> lastUse(row)).thenComparing(row -> (Instant) row[2]))
                .limit(excess).map(row -> (String) row[0]).toList();
        oldest.forEach(cache::remove);
        em.createQuery("DELETE FROM McpSessionRecord s WHERE s.sessionHash IN :keys").setParameter("keys", oldest)
                .executeUpdate();
        oldest.forEach(cache::remove);
        return oldest;
    }

    private long lastUse(Object[] row) {
        long stored = ((Instant) row[1]).toEpochMilli();
        Long pending = stamps.pending(LAST_SEEN, row[0]);
        return pending == null ? stored : Math.max(stored, pending);
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
