package org.trek.platform.auth;

import java.time.Instant;
import java.util.Set;

/**
 * What a bearer token presented at /mcp stands for: whose it is, through which client, which grant it belongs to,
 * and what it may do.
 *
 * @param userId     the user the token acts for
 * @param clientId   the OAuth client id, or null for a static trek_ token
 * @param grantId    a stable id of the grant (OAuth token family, or "static:" + token id): MCP sessions are bound to it
 * @param scopes     granted scopes, or null for full access (static tokens)
 * @param audience   the resource the token was issued for (RFC 8707), or null for static tokens
 * @param expiresAt  when the access token stops working, or null for static tokens
 * @param staticToken whether this is a deprecated static trek_ token
 * @param username   the user's name when the token was verified (the verifiers read the user anyway), for the audit
 *                   log: records of tool calls and refusals name the user without a database read; may be null
 */
public record AccessGrant(long userId, String clientId, String grantId, Set<String> scopes, String audience,
                          Instant expiresAt, boolean staticToken, String username) {

    /** What the audit log calls the client of a static token (it has no OAuth client). */
    public static final String STATIC_TOKEN_CLIENT = "static token";

    public AccessGrant(long userId, String clientId, String grantId, Set<String> scopes, String audience,
                       Instant expiresAt, boolean staticToken) {
        this(userId, clientId, grantId, scopes, audience, expiresAt, staticToken, null);
    }

    /** The client as the audit log records it: the OAuth client id, or {@value #STATIC_TOKEN_CLIENT}. */
    public String auditClient() {
        return clientId == null ? STATIC_TOKEN_CLIENT : clientId;
    }

    /** Whether this grant allows {@code scope}, with the implication rules of {@link ScopeCatalog}. */
    public boolean allows(String scope) {
        return ScopeCatalog.allows(scopes, scope);
    }

    public boolean fullAccess() {
        return scopes == null;
    }
}
