package org.trek.platform.auth;

import java.util.Optional;

/**
 * Turns a bearer token into an {@link AccessGrant}. Each token kind (OAuth access tokens "trekoa_", static tokens
 * "trek_") contributes one CDI bean; the MCP layer asks the one whose {@link #supports} says yes.
 * Implementations look tokens up by their SHA-256 hash (indexed) and never log them.
 */
public interface BearerTokenVerifier {

    /** Whether this verifier handles tokens of this form (by prefix). */
    boolean supports(String token);

    /**
     * The grant behind a valid, unexpired, unrevoked token of an enabled user; empty otherwise. The caller may keep
     * the answer for a second (see McpAuthenticator), so it must not record use itself.
     */
    Optional<AccessGrant> verify(String token);

    /** Notes that a grant this verifier gave was used now (on every authenticated request); writes behind. */
    default void recordUse(AccessGrant grant) {
    }
}
