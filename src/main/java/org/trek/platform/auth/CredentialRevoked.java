package org.trek.platform.auth;

/**
 * CDI event: a grant or static token was revoked or deleted. The MCP layer closes the sessions bound to it.
 * {@code grantId} matches {@link AccessGrant#grantId()}.
 */
public record CredentialRevoked(String grantId) {
}
