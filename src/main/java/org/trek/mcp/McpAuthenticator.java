package org.trek.mcp;

import org.trek.mcp.protocol.McpError;
import org.trek.mcp.protocol.JsonRpc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import org.trek.platform.SecureRandoms;
import org.trek.platform.auth.CredentialRevoked;
import org.trek.platform.cache.LocalCache;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.platform.AppConfig;
import org.trek.platform.Clock;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.auth.BearerTokenVerifier;

/**
 * Bearer authentication at /mcp (MCP 2025-11-25 basic/authorization; RFC 6750): only "Authorization: Bearer",
 * checked by the verifier bean of the token's kind. OAuth access tokens must carry this endpoint as audience
 * (RFC 8707; MCP authorization "Token Audience Binding and Validation").
 *
 * <p>A verified grant is kept in a node-local cache keyed by the token's SHA-256 for at most {@value #CACHE_MS} ms,
 * so a busy client costs one verification a second instead of one per request. Revocation, a deleted token, a
 * disabled user and withdrawn consent therefore take effect on every node within that time (a revocation on this
 * node at once: it empties the cache). Expiry is checked on every request. Failed verifications are not cached.
 */
@ApplicationScoped
public class McpAuthenticator {
    static final String RESOURCE_METADATA_PLACEHOLDER = "{resource_metadata}";

    @Inject
    @Any
    Instance<BearerTokenVerifier> verifiers;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    static final long CACHE_MS = 1_000;

    private record Verified(AccessGrant grant, BearerTokenVerifier verifier) {
    }

    private final LocalCache<String, Verified> cache = new LocalCache<>(20_000, CACHE_MS);
    private volatile List<BearerTokenVerifier> verifierList;

    private List<BearerTokenVerifier> verifierList() {
        List<BearerTokenVerifier> l = verifierList;
        if (l == null) {
            l = verifiers.stream().toList();
            verifierList = l;
        }
        return l;
    }

    /** A revocation here ends cached grants at once (again after its commit: a reader in between saw the old rows). */
    void revoked(@Observes CredentialRevoked revoked) {
        cache.invalidateAll();
    }

    void revokedCommitted(@Observes(during = TransactionPhase.AFTER_COMPLETION) CredentialRevoked revoked) {
        cache.invalidateAll();
    }

    private volatile String resourceUrl;

    /** APP_URL/mcp: the audience every OAuth access token used here must carry (read once). */
    public String resourceUrl() {
        String url = resourceUrl;
        if (url == null) {
            url = config.appUrl() + "/mcp";
            resourceUrl = url;
        }
        return url;
    }

    public String resourceMetadataUrl() {
        return config.appUrl() + "/.well-known/oauth-protected-resource/mcp";
    }

    /** The grant behind the Authorization header; throws a 401 McpError with the challenge otherwise. */
    public AccessGrant authenticate(String authorization) {
        String token = bearer(authorization);
        if (token == null) {
            // RFC 6750 §3.1: no error code when the request carried no credentials.
            throw unauthorized(null, "Authentication required: send Authorization: Bearer <token>");
        }
        String key = SecureRandoms.sha256Hex(token);
        Verified v = cache.get(key);
        if (v == null) {
            long generation = cache.generation();
            for (BearerTokenVerifier verifier : verifierList()) {
                if (verifier.supports(token)) {
                    v = verifier.verify(token).map(g -> new Verified(g, verifier)).orElse(null);
                    break;
                }
            }
            if (v != null) {
                cache.putIfUnchanged(key, v, generation);
            }
        }
        if (v == null || !usableHere(v.grant())) {
            throw unauthorized("invalid_token", "The access token is invalid, expired or revoked");
        }
        v.verifier().recordUse(v.grant());
        return v.grant();
    }

    private boolean usableHere(AccessGrant g) {
        if (g.expiresAt() != null && !g.expiresAt().isAfter(clock.now())) {
            return false;
        }
        // Static tokens have no audience; every other kind must have been issued for this resource.
        return g.staticToken() || resourceUrl().equals(g.audience());
    }

    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String h = authorization.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = h.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    McpError unauthorized(String error, String message) {
        StringBuilder challenge = new StringBuilder("Bearer ");
        if (error != null) {
            challenge.append("error=\"").append(error).append("\", ");
        }
        challenge.append("resource_metadata=\"").append(resourceMetadataUrl()).append("\", scope=\"")
                .append(ScopeCatalog.join(ScopeCatalog.names())).append('"');
        return new McpError(JsonRpc.SERVER_ERROR, message, null, 401, challenge.toString());
    }

    String challenge(String wwwAuthenticate) {
        return wwwAuthenticate == null ? null
                : wwwAuthenticate.replace(RESOURCE_METADATA_PLACEHOLDER, resourceMetadataUrl());
    }
}
