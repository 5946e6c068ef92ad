package org.trek.oauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.oauth.OAuthException;
import org.trek.oauth.ResourceIndicator;
import org.trek.oauth.authorize.AuthorizationCode;
import org.trek.oauth.authorize.AuthorizationCodes;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.client.OAuthClient;
import org.trek.platform.Clock;

/**
 * grant_type=authorization_code (RFC 6749 §4.1.3, OAuth 2.1 §4.1.3, RFC 7636 §4.6, RFC 8707 §2.2). The client is
 * already authenticated. The code must be known, unexpired, unused, issued to this client, with the same
 * redirect_uri, the same resource (if sent) and a verifier matching its challenge. A code presented twice revokes
 * every token issued from it (OAuth 2.1 §4.1.2).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = OAuthException.class)
public class AuthorizationCodeGrant {

    @Inject
    AuthorizationCodes codes;

    @Inject
    TokenFamilies families;

    @Inject
    ClientService clients;

    @Inject
    UserService users;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    public IssuedTokens exchange(OAuthClient client, Map<String, List<String>> form, String ip) {
        String code = ClientCredentials.single(form, "code");
        String redirectUri = ClientCredentials.single(form, "redirect_uri");
        String verifier = ClientCredentials.single(form, "code_verifier");
        String resource = ClientCredentials.single(form, "resource");
        if (code == null) {
            throw OAuthException.invalidRequest("code is required");
        }
        if (verifier == null) {
            throw OAuthException.invalidRequest("code_verifier is required (PKCE)");
        }
        AuthorizationCode row = codes.lock(code).orElse(null);
        if (row == null) {
            throw fail(null, client, "code_invalid_or_expired", ip);
        }
        User user = users.find(row.getUserId()).orElse(null);
        Actor actor = new Actor(row.getUserId(), user == null ? null : user.getUsername(), ip);
        if (row.getUsedAt() != null) {
            // Replay: someone holds a code that was already redeemed. Revoke what it produced.
            families.revokeFamily(row.getFamilyId(), "code_replay");
            audit.record(actor, "oauth.token.code_replay", client.getClientId(), Map.of("client_id", client.getClientId()));
            throw fail(actor, client, "code_reused", ip);
        }
        if (!row.getClientId().equals(client.getClientId())) {
            throw fail(actor, client, "client_id_mismatch", ip); // not consumed: the rightful client may still redeem it
        }
        if (!row.getExpiresAt().isAfter(clock.now())) {
            row.consume(clock.now(), null);
            throw fail(actor, client, "code_invalid_or_expired", ip);
        }
        // OAuth 2.1 §4.1.3 drops redirect_uri from the token request (PKCE, mandatory here, binds the code); §10.2:
        // an OAuth 2.0 client may still send it, and then it MUST be identical to the authorization request's.
        if (redirectUri != null && !row.getRedirectUri().equals(redirectUri)) {
            row.consume(clock.now(), null);
            throw fail(actor, client, "redirect_uri_mismatch", ip);
        }
        if (resource != null && !ResourceIndicator.matches(resource, row.getResource())) {
            row.consume(clock.now(), null);
            auditFailure(actor, client, "resource_mismatch");
            throw new OAuthException(400, "invalid_target", "resource does not match the authorization request");
        }
        if (!PkceVerifier.verify(verifier, row.getCodeChallenge())) {
            row.consume(clock.now(), null);
            throw fail(actor, client, "pkce_failed", ip);
        }
        if (user == null || user.isDisabled()) {
            row.consume(clock.now(), null);
            throw fail(actor, client, "user_disabled", ip);
        }
        IssuedTokens tokens = families.issue(client.getClientId(), row.getUserId(), row.scopeList(), row.scopeList(),
                row.getResource(), null);
        row.consume(clock.now(), tokens.familyId());
        clients.touch(client.getClientId());
        Map<String, Object> details = new HashMap<>();
        details.put("client_id", client.getClientId());
        details.put("scopes", row.scopeList());
        details.put("audience", row.getResource());
        audit.record(actor, "oauth.token.issue", client.getClientId(), details);
        return tokens;
    }

    private OAuthException fail(Actor actor, OAuthClient client, String reason, String ip) {
        auditFailure(actor == null ? Actor.anonymous(ip) : actor, client, reason);
        return OAuthException.invalidGrant("Authorization grant is invalid.");
    }

    private void auditFailure(Actor actor, OAuthClient client, String reason) {
        audit.record(actor, "oauth.token.grant_failed", client.getClientId(),
                Map.of("client_id", client.getClientId(), "reason", reason));
    }


}
