package org.trek.oauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.oauth.OAuthException;
import org.trek.oauth.OAuthSettings;
import org.trek.oauth.ResourceIndicator;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.client.OAuthClient;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.platform.Clock;

/**
 * grant_type=refresh_token (RFC 6749 §6, OAuth 2.1 §4.3) with rotation and reuse detection (RFC 9700 §4.14.2):
 * every refresh issues a new pair and retires the old refresh token. A retired refresh token presented again within
 * the grace window ({@code OAUTH_REFRESH_GRACE_SECONDS}, 30 s) gets the very same successor pair (two concurrent
 * refreshes by one client) while that successor is unused; after the window, or once the successor's access token was
 * used at /mcp or its refresh token was used, it is treated as stolen and the whole family is revoked.
 * The row lock serialises concurrent refreshes of one token. Refreshing never touches MCP sessions.
 *
 * <p>Routine outcomes (a refresh, a duplicate, a refused token) go to the audit log through its batched writer
 * ({@code recordLater}, within a second): a burst of concurrent refreshes must not hold the row lock while waiting for
 * a second pooled connection, which the others, queued on that lock, hold (a pool deadlock seen with 100 at once). A
 * detected replay is written at once.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = OAuthException.class)
public class RefreshTokenGrant {

    @Inject
    TokenFamilies families;

    @Inject
    ClientService clients;

    @Inject
    UserService users;

    @Inject
    AuditService audit;

    @Inject
    OAuthSettings settings;

    @Inject
    Clock clock;

    public IssuedTokens refresh(OAuthClient client, Map<String, List<String>> form, String ip) {
        String refreshToken = ClientCredentials.single(form, "refresh_token");
        String scope = ClientCredentials.single(form, "scope");
        String resource = ClientCredentials.single(form, "resource");
        if (refreshToken == null) {
            throw OAuthException.invalidRequest("refresh_token is required");
        }
        OAuthToken row = refreshToken.startsWith(TokenFamilies.REFRESH_PREFIX) && refreshToken.length() < 100
                ? families.findByRefreshToken(refreshToken).orElse(null) : null;
        if (row == null) {
            throw failure(Actor.anonymous(ip), client, "unknown_token");
        }
        Optional<User> user = users.find(row.getUserId());
        Actor actor = new Actor(row.getUserId(), user.map(User::getUsername).orElse(null), ip);
        if (!row.getClientId().equals(client.getClientId())) {
            throw failure(actor, client, "client_id_mismatch"); // RFC 6749 §6: bound to the client it was issued to
        }
        Instant now = clock.now();
        List<String> scopes = row.grantScopeList();
        if (row.getRevokedAt() == null && row.getRotatedAt() == null) {
            if (!row.getRefreshExpiresAt().isAfter(now)) {
                throw failure(actor, client, "expired");
            }
            if (user.isEmpty() || user.get().isDisabled()) {
                throw failure(actor, client, "user_disabled");
            }
            if (resource != null && !ResourceIndicator.matches(resource, row.getAudience())) {
                throw new OAuthException(400, "invalid_target", "resource does not match the grant"); // RFC 8707 §2
            }
            if (scope != null) {
                // RFC 6749 §6: a refresh may narrow the scope, never widen it beyond the original grant.
                ScopeCatalog.Parsed parsed = ScopeCatalog.parse(scope);
                if (!parsed.unknown().isEmpty() || parsed.known().isEmpty() || !scopes.containsAll(parsed.known())) {
                    audit.record(actor, "oauth.token.refresh_failed", client.getClientId(),
                            Map.of("client_id", client.getClientId(), "reason", "invalid_scope"));
                    throw new OAuthException(400, "invalid_scope", "scope must be a subset of the granted scopes");
                }
                scopes = parsed.known();
            }
            // Claim the rotation with one conditional UPDATE: of concurrent refreshes exactly one wins; the others
            // wait for it to commit and then see its successor (no SELECT ... FOR UPDATE, which deadlocks on InnoDB
            // against the winner's insert).
            if (!families.claimRotation(row, now)) {
                row = families.reload(row);
            }
        }
        if (row.getRevokedAt() != null) {
            throw failure(actor, client, "revoked");
        }
        if (row.getRotatedAt() != null) {
            Optional<IssuedTokens> same = withinGrace(row, refreshToken, now);
            if (same.isPresent()) {
                audit.recordLater(actor, "oauth.token.refresh", client.getClientId(),
                        Map.of("client_id", client.getClientId(), "duplicate_within_grace", true));
                return same.get();
            }
            // RFC 9700 §4.14.2, OAuth 2.1 §4.3.1: a retired refresh token used again, outside the duplicate race,
            // means two parties hold it: revoke the whole family (the access tokens too) and say so.
            families.revokeFamily(row.getFamilyId(), "refresh_reuse");
            audit.record(actor, "oauth.token.replay_detected", client.getClientId(), Map.of("client_id",
                    client.getClientId(), "suspected", "token theft", "family_revoked", true));
            throw OAuthException.invalidGrant("Refresh token is invalid or expired");
        }
        IssuedTokens next = families.issue(client.getClientId(), row.getUserId(), scopes, row.grantScopeList(),
                row.getAudience(), row);
        families.sealSuccessor(row, SuccessorSeal.seal(refreshToken, next.accessToken(), next.refreshToken()));
        clients.touch(client.getClientId());
        audit.recordLater(actor, "oauth.token.refresh", client.getClientId(), Map.of("client_id", client.getClientId()));
        return next;
    }

    /** The successor pair again, if this is a duplicate within the grace window and the successor is untouched. */
    private Optional<IssuedTokens> withinGrace(OAuthToken row, String refreshToken, Instant now) {
        if (settings.refreshGrace().isZero() || row.getRotatedAt().plus(settings.refreshGrace()).isBefore(now)) {
            return Optional.empty();
        }
        Optional<OAuthToken> successor = families.successorOf(row);
        // Only while the successor is untouched: once its access token was used or it was refreshed itself, the
        // client that asked first has moved on, and this is a replay, not a race.
        if (successor.isEmpty() || successor.get().getRevokedAt() != null || successor.get().getRotatedAt() != null
                || successor.get().getAccessUsedAt() != null) {
            return Optional.empty();
        }
        return SuccessorSeal.open(refreshToken, row.getSuccessorSealed()).map(pair -> new IssuedTokens(pair[0], pair[1],
                Math.max(1, successor.get().getAccessExpiresAt().getEpochSecond() - now.getEpochSecond()),
                successor.get().getScopes(), row.getFamilyId()));
    }

    private OAuthException failure(Actor actor, OAuthClient client, String reason) {
        audit.recordLater(actor, "oauth.token.refresh_failed", client.getClientId(),
                Map.of("client_id", client.getClientId(), "reason", reason));
        return OAuthException.invalidGrant("Refresh token is invalid or expired");
    }
}
