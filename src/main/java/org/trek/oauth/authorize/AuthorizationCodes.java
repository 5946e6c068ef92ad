package org.trek.oauth.authorize;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.trek.oauth.OAuthException;
import org.trek.oauth.OAuthSettings;
import org.trek.platform.Clock;
import org.trek.platform.SecureRandoms;

/**
 * Authorization codes in the shared database, so any node can redeem them: 256 random bits, stored as SHA-256,
 * valid {@code OAUTH_CODE_SECONDS} (60 s), single use (OAuth 2.1 §4.1.2).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = OAuthException.class)
public class AuthorizationCodes {

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OAuthSettings settings;

    /** Stores a new code and returns its raw value (the only time it exists outside the client). */
    public String issue(String clientId, long userId, String redirectUri, Collection<String> scopes, String resource,
                        String codeChallenge) {
        String code = SecureRandoms.token(256);
        Instant now = clock.now();
        em.persist(new AuthorizationCode(SecureRandoms.sha256Hex(code), clientId, userId, redirectUri,
                String.join(" ", scopes), resource, codeChallenge, now, now.plus(settings.codeLifetime())));
        return code;
    }

    /** The code's row, locked until the transaction ends so two redemptions cannot both succeed. */
    public Optional<AuthorizationCode> lock(String code) {
        if (code == null || code.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("SELECT c FROM AuthorizationCode c WHERE c.codeHash = :h", AuthorizationCode.class)
                .setParameter("h", SecureRandoms.sha256Hex(code))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }
}
