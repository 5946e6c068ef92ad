package org.trek.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trek.account.Role;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.platform.auth.AccessGrant;

/**
 * The grant of a static token carries the token's expiry: McpAuthenticator keeps grants for a second and checks
 * {@link AccessGrant#expiresAt()} on every request, so a cached grant stops working the moment its token expires.
 */
class StaticTokenVerifierTest {

    private static StaticTokenVerifier verifierFor(StaticToken row) {
        StaticTokenVerifier verifier = new StaticTokenVerifier();
        verifier.tokens = new StaticTokenService() {
            @Override
            public Optional<StaticToken> verify(String token) {
                return Optional.of(row);
            }
        };
        verifier.users = new UserService() {
            @Override
            public Optional<User> find(long id) {
                return Optional.of(new User("owner", "owner@example.com", "x", Role.USER, Instant.EPOCH));
            }
        };
        return verifier;
    }

    private static StaticToken row(Instant created, Instant expires) {
        return new StaticToken(7, "laptop", "hash", "trek_abcdef…", created, expires) {
            @Override
            public Long getId() {
                return 42L; // as if persisted
            }
        };
    }

    @Test
    void theGrantExpiresWithTheToken() {
        Instant expires = Instant.parse("2027-01-02T09:30:00Z");
        StaticToken row = row(Instant.parse("2026-10-04T09:30:00Z"), expires);
        AccessGrant grant = verifierFor(row).verify("trek_x").orElseThrow();
        assertEquals(expires, grant.expiresAt());
        assertTrue(grant.staticToken());
        assertEquals("static:42", grant.grantId());
        assertNull(grant.audience());
    }

    @Test
    void aTokenWithoutExpiryGivesAGrantWithoutExpiry() {
        StaticToken row = row(Instant.EPOCH, null);
        assertNull(verifierFor(row).verify("trek_x").orElseThrow().expiresAt());
    }
}
