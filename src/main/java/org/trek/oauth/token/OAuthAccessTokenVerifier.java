package org.trek.oauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.oauth.OAuthSettings;
import org.trek.platform.Clock;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.auth.BearerTokenVerifier;
import org.trek.platform.db.UseStamps;

/**
 * Verifies {@code trekoa_} access tokens for /mcp: found by SHA-256 (unique index), not revoked, not expired, issued
 * for this server's /mcp (RFC 8707 audience), user still enabled. The grant id is the token family id.
 */
@ApplicationScoped
public class OAuthAccessTokenVerifier implements BearerTokenVerifier {

    @Inject
    TokenFamilies families;

    @Inject
    UserService users;

    @Inject
    OAuthSettings settings;

    @Inject
    Clock clock;

    /** A family's last use: on its current pair (the screens show the newest stamp of the family). */
    static final UseStamps.Kind LAST_USED = new UseStamps.Kind("oauth_tokens", "last_used_at", "family_id",
            "rotated_at IS NULL");

    @Inject
    UseStamps stamps;

    @Override
    public void recordUse(AccessGrant grant) {
        stamps.stamp(LAST_USED, grant.grantId(), clock.now());
    }

    @Override
    public boolean supports(String token) {
        return token != null && token.startsWith(TokenFamilies.ACCESS_PREFIX);
    }

    @Override
    @Transactional
    public Optional<AccessGrant> verify(String token) {
        if (!supports(token) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<OAuthToken> found = families.findByAccessToken(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OAuthToken row = found.get();
        Instant now = clock.now();
        if (row.getRevokedAt() != null || !row.getAccessExpiresAt().isAfter(now)
                || !settings.resource().equals(row.getAudience())) {
            return Optional.empty();
        }
        Optional<User> user = users.find(row.getUserId());
        if (user.isEmpty() || user.get().isDisabled()) {
            return Optional.empty();
        }
        if (row.getAccessUsedAt() == null) {
            families.markAccessUsed(row, now); // ends the refresh grace of the pair this one succeeded
        }
        return Optional.of(new AccessGrant(row.getUserId(), row.getClientId(), row.getFamilyId(), row.scopeSet(),
                row.getAudience(), row.getAccessExpiresAt(), false, user.get().getUsername()));
    }
}
