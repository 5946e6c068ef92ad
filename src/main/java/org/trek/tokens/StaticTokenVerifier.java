package org.trek.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.trek.account.UserService;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.auth.BearerTokenVerifier;

/**
 * Bearer verifier for static "trek_" tokens: full access, no client, grant "static:&lt;id&gt;". The grant carries the
 * token's expiry, so a grant kept in McpAuthenticator's cache stops working the moment the token expires.
 */
@ApplicationScoped
public class StaticTokenVerifier implements BearerTokenVerifier {

    @Inject
    StaticTokenService tokens;

    @Inject
    UserService users;

    @Override
    public void recordUse(AccessGrant grant) {
        tokens.recordUse(grant.grantId());
    }

    @Override
    public boolean supports(String token) {
        return token != null && token.startsWith(StaticTokenService.PREFIX);
    }

    @Override
    public Optional<AccessGrant> verify(String token) {
        return tokens.verify(token).flatMap(row -> users.find(row.getUserId())
                .filter(u -> !u.isDisabled())
                .map(u -> new AccessGrant(row.getUserId(), null, StaticTokenService.grantId(row.getId()), null,
                        null, row.getExpiresAt(), true, u.getUsername())));
    }
}
