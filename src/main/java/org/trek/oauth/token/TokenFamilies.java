package org.trek.oauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trek.oauth.OAuthException;
import org.trek.oauth.OAuthSettings;
import org.trek.platform.Clock;
import org.trek.platform.db.InChunks;
import org.trek.platform.SecureRandoms;
import org.trek.platform.auth.CredentialRevoked;

/**
 * Token families: issuing pairs ({@code trekoa_} access, {@code trekrf_} refresh, 256 random bits each, stored as
 * SHA-256), finding them by hash, and revoking whole families. Every revocation fires {@link CredentialRevoked}
 * with the family id, which is the grant id MCP sessions are bound to.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = OAuthException.class)
public class TokenFamilies {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(TokenFamilies.class.getName());
    public static final String ACCESS_PREFIX = "trekoa_";
    public static final String REFRESH_PREFIX = "trekrf_";

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OAuthSettings settings;

    @Inject
    Event<CredentialRevoked> revoked;

    /** A new pair: a new family when parent is null, else the successor of parent in parent's family. */
    public IssuedTokens issue(String clientId, long userId, Collection<String> scopes, Collection<String> grantScopes,
                       String audience, OAuthToken parent) {
        Instant now = clock.now();
        String access = ACCESS_PREFIX + SecureRandoms.token(256);
        String refresh = REFRESH_PREFIX + SecureRandoms.token(256);
        String familyId = parent == null ? SecureRandoms.token(192) : parent.getFamilyId();
        Instant familyExpires = parent != null ? parent.getFamilyExpiresAt()
                : settings.refreshAbsoluteLifetime().isZero() ? null : now.plus(settings.refreshAbsoluteLifetime());
        Instant refreshExpires = now.plus(settings.refreshTokenLifetime());
        if (familyExpires != null && familyExpires.isBefore(refreshExpires)) {
            refreshExpires = familyExpires;
        }
        Instant accessExpires = now.plus(settings.accessTokenLifetime());
        if (accessExpires.isAfter(refreshExpires)) {
            accessExpires = refreshExpires;
        }
        String scope = String.join(" ", scopes);
        OAuthToken row = new OAuthToken(familyId, parent == null ? null : parent.getId(), clientId, userId,
                SecureRandoms.sha256Hex(access), SecureRandoms.sha256Hex(refresh), scope, String.join(" ", grantScopes),
                audience, now, accessExpires, refreshExpires, familyExpires);
        em.persist(row);
        return new IssuedTokens(access, refresh, Math.max(1, accessExpires.getEpochSecond() - now.getEpochSecond()),
                scope, familyId);
    }

    /**
     * An access token for a machine client (client_credentials): at most an hour, no refresh token (the row's refresh
     * hash is of a value nobody holds, expiring with the access token). Every token of one client and owner belongs to
     * one family, so its MCP sessions survive a new token and Connected apps shows the client once.
     */
    public IssuedTokens issueMachine(String clientId, long userId, Collection<String> scopes, String audience) {
        Instant now = clock.now();
        String access = ACCESS_PREFIX + SecureRandoms.token(256);
        String familyId = "machine-" + SecureRandoms.sha256Hex(clientId + "\n" + userId).substring(0, 48);
        java.time.Duration life = settings.accessTokenLifetime().compareTo(MACHINE_TOKEN_LIFETIME) < 0
                ? settings.accessTokenLifetime() : MACHINE_TOKEN_LIFETIME;
        Instant expires = now.plus(life);
        String scope = String.join(" ", scopes);
        em.persist(new OAuthToken(familyId, null, clientId, userId, SecureRandoms.sha256Hex(access),
                SecureRandoms.sha256Hex(REFRESH_PREFIX + SecureRandoms.token(256)), scope, scope, audience, now, expires,
                expires, null));
        return new IssuedTokens(access, null, Math.max(1, life.getSeconds()), scope, familyId);
    }

    /** Machine clients' tokens live an hour at most (TREK 3.4's CLI agents; no refresh token to renew them). */
    static final java.time.Duration MACHINE_TOKEN_LIFETIME = java.time.Duration.ofHours(1);

    /** The row holding this refresh token (a plain read; rotation is claimed with {@link #claimRotation}). */
    public Optional<OAuthToken> findByRefreshToken(String refreshToken) {
        return em.createQuery("SELECT t FROM OAuthToken t WHERE t.refreshHash = :h", OAuthToken.class)
                .setParameter("h", SecureRandoms.sha256Hex(refreshToken)).getResultStream().findFirst();
    }

    /**
     * Marks the row rotated if nobody did yet, in one conditional UPDATE by primary key: true for exactly one of
     * several concurrent callers. The others block until the winner commits and then get false.
     */
    public boolean claimRotation(OAuthToken row, Instant now) {
        return em.createQuery("UPDATE OAuthToken t SET t.rotatedAt = :now WHERE t.id = :id AND t.rotatedAt IS NULL AND t.revokedAt IS NULL")
                .setParameter("now", now).setParameter("id", row.getId()).executeUpdate() == 1;
    }

    /**
     * Notes the first use of this pair's access token (one conditional UPDATE by primary key, once per pair: later
     * uses find it set). Written at once, not behind, so a refresh replayed a moment later on any node sees it.
     */
    public void markAccessUsed(OAuthToken row, Instant now) {
        em.createQuery("UPDATE OAuthToken t SET t.accessUsedAt = :now WHERE t.id = :id AND t.accessUsedAt IS NULL")
                .setParameter("now", now).setParameter("id", row.getId()).executeUpdate();
    }

    /** The row as committed now (a locking read, so it is not the transaction's older snapshot). */
    public OAuthToken reload(OAuthToken row) {
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
        return row;
    }

    /** Stores the sealed successor pair on a row this transaction rotated. */
    public void sealSuccessor(OAuthToken row, String sealed) {
        em.createQuery("UPDATE OAuthToken t SET t.successorSealed = :s WHERE t.id = :id")
                .setParameter("s", sealed).setParameter("id", row.getId()).executeUpdate();
    }

    /** The pair that replaced this one (a locking read: it may have been committed after this transaction began). */
    public Optional<OAuthToken> successorOf(OAuthToken row) {
        return em.createQuery("SELECT t FROM OAuthToken t WHERE t.parentId = :p ORDER BY t.id", OAuthToken.class)
                .setParameter("p", row.getId()).setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultStream().findFirst(); // no setMaxResults: EclipseLink puts LIMIT after FOR UPDATE, which H2 refuses
    }

    /** The row of an access or refresh token, whichever this is. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthToken> findByAnyToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String hash = SecureRandoms.sha256Hex(token);
        String field = token.startsWith(REFRESH_PREFIX) ? "refreshHash" : "accessHash";
        return em.createQuery("SELECT t FROM OAuthToken t WHERE t." + field + " = :h", OAuthToken.class)
                .setParameter("h", hash).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthToken> findByAccessToken(String token) {
        return em.createQuery("SELECT t FROM OAuthToken t WHERE t.accessHash = :h", OAuthToken.class)
                .setParameter("h", SecureRandoms.sha256Hex(token)).getResultStream().findFirst();
    }

    /** Revokes every pair of the family; fires CredentialRevoked when something was live. */
    public boolean revokeFamily(String familyId, String reason) {
        if (familyId == null) {
            return false;
        }
        int n = em.createQuery("UPDATE OAuthToken t SET t.revokedAt = :now, t.revokeReason = :r, t.successorSealed = NULL "
                        + "WHERE t.familyId = :f AND t.revokedAt IS NULL")
                .setParameter("now", clock.now()).setParameter("r", reason).setParameter("f", familyId).executeUpdate();
        if (n > 0) {
            try {
                revoked.fire(new CredentialRevoked(familyId));
            } catch (RuntimeException e) {
                // A failing observer (closing MCP sessions) must not undo the revocation itself.
                LOG.warning(() -> "CredentialRevoked observer failed: " + e);
            }
        }
        return n > 0;
    }

    /** One row of a family (any), to tell whose grant it is and for which client. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthToken> anyOfFamily(String familyId) {
        return em.createQuery("SELECT t FROM OAuthToken t WHERE t.familyId = :f ORDER BY t.id", OAuthToken.class)
                .setParameter("f", familyId).setMaxResults(1).getResultStream().findFirst();
    }

    /** Revokes every live family of a client (secret rotated, client deleted). */
    public void revokeClient(String clientId, String reason) {
        liveFamilies("t.clientId = :c", q -> q.setParameter("c", clientId)).forEach(f -> revokeFamily(f, reason));
    }

    /** Revokes the user's live families with one client (consent withdrawn); answers how many there were. */
    public int revokeUserClient(long userId, String clientId, String reason) {
        List<String> families = liveFamilies("t.clientId = :c AND t.userId = :u",
                q -> q.setParameter("c", clientId).setParameter("u", userId));
        families.forEach(f -> revokeFamily(f, reason));
        return families.size();
    }

    /** Revokes every live family of the user (user disabled); answers how many there were. */
    public int revokeUser(long userId, String reason) {
        List<String> families = liveFamilies("t.userId = :u", q -> q.setParameter("u", userId));
        families.forEach(f -> revokeFamily(f, reason));
        return families.size();
    }

    private List<String> liveFamilies(String where, java.util.function.Consumer<jakarta.persistence.TypedQuery<String>> params) {
        var q = em.createQuery("SELECT DISTINCT t.familyId FROM OAuthToken t WHERE t.revokedAt IS NULL AND " + where, String.class);
        params.accept(q);
        return q.getResultList();
    }

    /** Live grants (one per family: its newest pair) for the connected-apps and admin screens. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OAuthToken> liveGrants(Long userId) {
        String jpql = "SELECT t FROM OAuthToken t WHERE t.revokedAt IS NULL AND t.rotatedAt IS NULL AND t.refreshExpiresAt > :now"
                + (userId == null ? "" : " AND t.userId = :u") + " ORDER BY t.createdAt DESC";
        var q = em.createQuery(jpql, OAuthToken.class).setParameter("now", clock.now());
        if (userId != null) {
            q.setParameter("u", userId);
        }
        return q.getResultList();
    }

    /**
     * Last use of any access token of each family (rows record it at most once a minute), in one grouped query per
     * {@value InChunks#SIZE} families instead of one query per family.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Instant> lastUsed(Collection<String> familyIds) {
        Map<String, Instant> out = new HashMap<>();
        for (List<String> chunk : InChunks.of(familyIds)) {
            em.createQuery("SELECT t.familyId, MAX(t.lastUsedAt) FROM OAuthToken t WHERE t.familyId IN :f GROUP BY t.familyId",
                            Object[].class)
                    .setParameter("f", chunk).getResultList()
                    .forEach(row -> {
                        if (row[1] != null) {
                            out.put((String) row[0], (Instant) row[1]);
                        }
                    });
        }
        return out;
    }
}
