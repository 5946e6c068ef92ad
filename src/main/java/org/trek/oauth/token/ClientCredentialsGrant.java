package org.trek.oauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

/**
 * grant_type=client_credentials (RFC 6749 §4.4; the MCP OAuth client-credentials extension) for machine clients: a
 * confidential client its owner created in Settings and marked "machine client" gets an access token acting for that
 * owner, with the client's allowed scopes (or a subset it asks for), for at most an hour, without a refresh token
 * (§4.4.3). Marking the client was the owner's consent; deleting the client or rotating its secret ends it.
 * The client has already authenticated with its secret (ClientAuthenticator) when this runs.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = OAuthException.class)
public class ClientCredentialsGrant {

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

    public IssuedTokens issue(OAuthClient client, Map<String, List<String>> form, String ip) {
        Actor anonymous = Actor.anonymous(ip);
        // RFC 6749 §4.4.2: only confidential clients; here only those their owner made machine clients.
        if (client.isPublicClient() || !client.isMachineClient() || client.getOwnerId() == null) {
            throw failure(anonymous, client, "not_a_machine_client", new OAuthException(400, "unauthorized_client",
                    "This client may not use client_credentials (mark a confidential client as a machine client in Settings)"));
        }
        Optional<User> owner = users.find(client.getOwnerId());
        Actor actor = new Actor(client.getOwnerId(), owner.map(User::getUsername).orElse(null), ip);
        if (owner.isEmpty() || owner.get().isDisabled()) {
            throw failure(actor, client, "owner_disabled", new OAuthException(400, "unauthorized_client",
                    "The client's owner cannot sign in"));
        }
        String resource = ClientCredentials.single(form, "resource");
        if (resource != null && !ResourceIndicator.matches(resource, settings.resource())) {
            throw failure(actor, client, "resource_mismatch", new OAuthException(400, "invalid_target",
                    "resource must be " + settings.resource())); // RFC 8707 §2
        }
        List<String> allowed = client.getScopeList();
        List<String> scopes = allowed;
        String scope = ClientCredentials.single(form, "scope");
        if (scope != null) {
            ScopeCatalog.Parsed parsed = ScopeCatalog.parse(scope);
            if (!parsed.unknown().isEmpty() || parsed.known().isEmpty() || !allowed.containsAll(parsed.known())) {
                throw failure(actor, client, "invalid_scope", new OAuthException(400, "invalid_scope",
                        "scope must be a subset of the client's allowed scopes"));
            }
            scopes = parsed.known();
        }
        IssuedTokens tokens = families.issueMachine(client.getClientId(), client.getOwnerId(), scopes, settings.resource());
        clients.touch(client.getClientId());
        audit.record(actor, "oauth.token.issue", client.getClientId(), Map.of("client_id", client.getClientId(),
                "grant_type", "client_credentials", "scope", tokens.scope(), "audience", settings.resource()));
        return tokens;
    }

    private OAuthException failure(Actor actor, OAuthClient client, String reason, OAuthException e) {
        audit.record(actor, "oauth.token.grant_failed", client.getClientId(), Map.of("client_id", client.getClientId(),
                "grant_type", "client_credentials", "reason", reason));
        return e;
    }
}
