package org.trek.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.platform.Clock;
import org.trek.platform.SecureRandoms;
import org.trek.platform.auth.CredentialRevoked;
import org.trek.platform.db.UseStamps;

/**
 * Create, list, verify and delete static API tokens. A token is "trek_" + 256 random bits (URL-safe base64); only
 * its SHA-256 hash is stored, so the plain value exists once, in the answer to {@link #create}.
 */
@ApplicationScoped
@Transactional
public class StaticTokenService {
    public static final String PREFIX = "trek_";
    public static final int MAX_PER_USER = 10;
    public static final int MAX_NAME_LENGTH = 100;
    static final UseStamps.Kind LAST_USED = new UseStamps.Kind("mcp_tokens", "last_used_at", "id", null);

    /** The plain token (shown once) and the stored row. */
    public record Created(String token, StaticToken row) {
    }

    /** Why a token could not be created, and the form field that caused it ("name", "expiry" or "limit"). */
    public static class TokenLimitException extends RuntimeException {
        private final String field;

        public TokenLimitException(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditService audit;

    @Inject
    Event<CredentialRevoked> revoked;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaticToken> list(long userId) {
        return em.createQuery("SELECT t FROM StaticToken t WHERE t.userId = :u ORDER BY t.createdAt DESC, t.id DESC",
                StaticToken.class).setParameter("u", userId).getResultList();
    }

    /** Creates a token with the default expiry ({@link TokenExpiry#DEFAULT}). */
    public Created create(Actor actor, long userId, String name) {
        return create(actor, userId, name, TokenExpiry.DEFAULT.value());
    }

    /**
     * Creates a token; {@code expiry} is the form's choice ("30", "60", "90", "none"; blank: the default). Expired
     * tokens still count towards the limit until deleted: the list shows them as expired.
     */
    public Created create(Actor actor, long userId, String name, String expiry) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH) {
            throw new TokenLimitException("name", "Give the token a name of 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        TokenExpiry lifetime = TokenExpiry.parse(expiry);
        if (lifetime == null) {
            throw new TokenLimitException("expiry", "Choose an expiry of 30, 60 or 90 days, or no expiry.");
        }
        long count = em.createQuery("SELECT COUNT(t) FROM StaticToken t WHERE t.userId = :u", Long.class)
                .setParameter("u", userId).getSingleResult();
        if (count >= MAX_PER_USER) {
            throw new TokenLimitException("limit", "You already have " + MAX_PER_USER
                    + " tokens. Delete one first (expired ones count too).");
        }
        String token = PREFIX + SecureRandoms.token(256);
        Instant now = clock.now();
        StaticToken row = new StaticToken(userId, cleanName, SecureRandoms.sha256Hex(token),
                token.substring(0, PREFIX.length() + 6) + "…", now, lifetime.expiresAt(now));
        em.persist(row);
        em.flush();
        audit.record(actor, "token.create", "static:" + row.getId(),
                Map.of("name", cleanName, "expires_at", TokenExpiry.audited(row.getExpiresAt())));
        return new Created(token, row);
    }

    /** Deletes one of the user's tokens; false when it does not exist or is someone else's. */
    public boolean delete(Actor actor, long userId, long tokenId) {
        StaticToken row = em.find(StaticToken.class, tokenId);
        if (row == null || row.getUserId() != userId) {
            return false;
        }
        em.remove(row);
        em.flush();
        audit.record(actor, "token.delete", "static:" + tokenId,
                Map.of("name", row.getName(), "expires_at", TokenExpiry.audited(row.getExpiresAt())));
        revoked.fire(new CredentialRevoked(grantId(tokenId)));
        return true;
    }

    /**
     * The user is disabled: every static token of theirs is deleted (their MCP sessions end with them), so none works
     * again when the user is enabled again. Answers how many there were. Audited by the disabling.
     */
    public int deleteAllOf(long userId) {
        List<StaticToken> rows = list(userId);
        for (StaticToken row : rows) {
            em.remove(row);
        }
        em.flush();
        rows.forEach(row -> revoked.fire(new CredentialRevoked(grantId(row.getId()))));
        return rows.size();
    }

    /** Every static token of the instance, newest first (Admin → MCP access). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaticToken> listAll() {
        return em.createQuery("SELECT t FROM StaticToken t ORDER BY t.createdAt DESC, t.id DESC", StaticToken.class)
                .getResultList();
    }

    /** An admin deletes anyone's token (audited, sessions closed); false when it does not exist. */
    public boolean adminDelete(Actor actor, long tokenId) {
        StaticToken row = em.find(StaticToken.class, tokenId);
        if (row == null) {
            return false;
        }
        em.remove(row);
        em.flush();
        audit.record(actor, "admin.token.delete", "static:" + tokenId,
                Map.of("name", row.getName(), "owner_id", row.getUserId(), "owner", ownerName(row.getUserId())));
        revoked.fire(new CredentialRevoked(grantId(tokenId)));
        return true;
    }

    private String ownerName(long userId) {
        org.trek.account.User u = em.find(org.trek.account.User.class, userId);
        return u == null ? "" : u.getUsername();
    }

    @Inject
    UseStamps stamps;

    /** Notes a use of the token behind this grant id ("static:&lt;id&gt;"); written behind. */
    public void recordUse(String grantId) {
        if (grantId.startsWith("static:")) {
            stamps.stamp(LAST_USED, Long.parseLong(grantId.substring(7)), clock.now());
        }
    }

    /**
     * Looks a presented token up by its hash (indexed); an expired one is refused like an unknown one. The caller may
     * keep the answer for a second, so the verifier hands the expiry on in the grant, and /mcp checks it on every
     * request (McpAuthenticator).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaticToken> verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String hash = SecureRandoms.sha256Hex(token);
        List<StaticToken> rows = em.createQuery("SELECT t FROM StaticToken t WHERE t.tokenHash = :h", StaticToken.class)
                .setParameter("h", hash).getResultList();
        if (rows.isEmpty() || !SecureRandoms.constantTimeEquals(rows.get(0).getTokenHash(), hash)
                || TokenExpiry.expired(rows.get(0).getExpiresAt(), clock.now())) {
            return Optional.empty();
        }
        return Optional.of(rows.get(0));
    }

    public static String grantId(long tokenId) {
        return "static:" + tokenId;
    }
}
