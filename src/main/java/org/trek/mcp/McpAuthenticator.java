package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.platform.AppConfig;
import org.trek.platform.Clock;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.auth.BearerTokenVerifier;

/**
 * Bearer authentication at /mcp (MCP 2025-11-25 basic/authorization; RFC 6750): only "Authorization: Bearer",
 * checked by the verifier bean of the token's kind. OAuth access tokens must carry this endpoint as audience
 * (RFC 8707; MCP authorization "Token Audience Binding and Validation").
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

    public String resourceUrl() {
        return config.appUrl() + "/mcp";
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
        Optional<AccessGrant> grant = Optional.empty();
        for (BearerTokenVerifier v : verifiers) {
            if (v.supports(token)) {
                grant = v.verify(token);
                break;
            }
        }
        AccessGrant g = grant.filter(this::usableHere).orElse(null);
        if (g == null) {
            throw unauthorized("invalid_token", "The access token is invalid, expired or revoked");
        }
        return g;
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
