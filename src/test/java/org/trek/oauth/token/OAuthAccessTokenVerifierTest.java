package org.trek.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trek.account.Role;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.oauth.OAuthSettings;
import org.trek.platform.Clock;
import org.trek.platform.SecureRandoms;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.db.UseStamps;

class OAuthAccessTokenVerifierTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String RESOURCE = "https://trek.example/mcp";

    final List<Object> touched = new ArrayList<>();
    final List<OAuthToken> firstUses = new ArrayList<>();
    OAuthToken row;
    boolean userPresent = true;

    OAuthAccessTokenVerifier verifier() {
        OAuthAccessTokenVerifier v = new OAuthAccessTokenVerifier();
        v.families = new TokenFamilies() {
            @Override
            public Optional<OAuthToken> findByAccessToken(String token) {
                return row != null && SecureRandoms.sha256Hex(token).equals(accessHash) ? Optional.of(row) : Optional.empty();
            }

            @Override
            public void markAccessUsed(OAuthToken used, Instant now) {
                firstUses.add(used);
            }
        };
        v.stamps = new UseStamps() {
            @Override
            public void stamp(Kind kind, Object key, Instant when) {
                touched.add(key);
            }
        };
        v.users = new UserService() {
            @Override
            public Optional<User> find(long id) {
                return userPresent ? Optional.of(new User("u", "u@x.test", "h", Role.USER, NOW)) : Optional.empty();
            }
        };
        v.settings = new OAuthSettings() {
            @Override
            public String resource() {
                return RESOURCE;
            }
        };
        v.clock = new Clock() {
            @Override
            public Instant now() {
                return NOW;
            }
        };
        return v;
    }

    String accessHash;

    String issue(String audience, Instant accessExpires) {
        String token = TokenFamilies.ACCESS_PREFIX + SecureRandoms.token(256);
        accessHash = SecureRandoms.sha256Hex(token);
        row = new OAuthToken("fam-1", null, "client-1", 7L, accessHash, "r", "trips:read places:read", "trips:read places:read",
                audience, NOW.minusSeconds(60), accessExpires, NOW.plusSeconds(86400), null);
        return token;
    }

    @Test
    void validTokenGivesTheGrantBoundToItsFamily() {
        String token = issue(RESOURCE, NOW.plusSeconds(3000));
        AccessGrant g = verifier().verify(token).orElseThrow();
        assertEquals(7L, g.userId());
        assertEquals("client-1", g.clientId());
        assertEquals("fam-1", g.grantId());
        assertEquals(Set.of("trips:read", "places:read"), g.scopes());
        assertEquals(RESOURCE, g.audience());
        assertFalse(g.staticToken());
        assertTrue(g.allows("places:read"));
        assertFalse(g.allows("trips:write"));
        assertTrue(touched.isEmpty(), "verifying is not a use (the answer may be cached)");
        assertEquals(List.of(row), firstUses, "but the pair's first use is noted at once (it ends the refresh grace)");
        verifier().recordUse(g);
        assertEquals(List.of("fam-1"), touched, "a use is stamped on the family, written behind");
    }

    @Test
    void refusals() {
        OAuthAccessTokenVerifier v = verifier();
        assertTrue(v.verify(issue("https://other.example/mcp", NOW.plusSeconds(3000))).isEmpty(), "wrong audience");
        assertTrue(v.verify(issue(RESOURCE, NOW.minusSeconds(1))).isEmpty(), "expired");
        assertTrue(v.verify(TokenFamilies.ACCESS_PREFIX + "unknown").isEmpty(), "unknown");
        assertTrue(v.verify("trek_static").isEmpty(), "other kind");
        assertFalse(v.supports("trek_abc"));
        assertFalse(v.supports("trekrf_abc"), "refresh tokens are not bearer tokens");
        assertTrue(v.supports("trekoa_abc"));
        String token = issue(RESOURCE, NOW.plusSeconds(3000));
        userPresent = false;
        assertTrue(v.verify(token).isEmpty(), "deleted user");
        assertTrue(touched.isEmpty());
    }
}
