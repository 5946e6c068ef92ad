package org.trek.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {
    private static final Instant CREATED = Instant.parse("2026-10-04T09:30:00Z");

    @Test
    void theFormsChoicesAndTheDefault() {
        assertEquals(TokenExpiry.DAYS_30, TokenExpiry.parse("30"));
        assertEquals(TokenExpiry.DAYS_60, TokenExpiry.parse("60"));
        assertEquals(TokenExpiry.DAYS_90, TokenExpiry.parse(" 90 "));
        assertEquals(TokenExpiry.NONE, TokenExpiry.parse("none"));
        assertEquals(TokenExpiry.DAYS_90, TokenExpiry.DEFAULT, "a full-access token ends by itself unless asked not to");
        assertEquals(TokenExpiry.DEFAULT, TokenExpiry.parse(null));
        assertEquals(TokenExpiry.DEFAULT, TokenExpiry.parse(""));
        for (String bad : new String[] {"7", "365", "0", "-30", "never", "30d", "NONE"}) {
            assertNull(TokenExpiry.parse(bad), bad);
        }
    }

    @Test
    void expiryIsCreationPlusWholeDaysOrNever() {
        assertEquals(Instant.parse("2026-11-03T09:30:00Z"), TokenExpiry.DAYS_30.expiresAt(CREATED));
        assertEquals(Instant.parse("2026-12-03T09:30:00Z"), TokenExpiry.DAYS_60.expiresAt(CREATED));
        assertEquals(Instant.parse("2027-01-02T09:30:00Z"), TokenExpiry.DAYS_90.expiresAt(CREATED));
        assertNull(TokenExpiry.NONE.expiresAt(CREATED));
    }

    @Test
    void aTokenIsExpiredFromItsExpiryInstantOn() {
        Instant at = TokenExpiry.DAYS_30.expiresAt(CREATED);
        assertFalse(TokenExpiry.expired(at, at.minusMillis(1)));
        assertTrue(TokenExpiry.expired(at, at));
        assertTrue(TokenExpiry.expired(at, at.plusSeconds(1)));
        assertFalse(TokenExpiry.expired(null, Instant.MAX), "no expiry: never expired");
    }

    @Test
    void theListSaysNeverExpiredOrTheDate() {
        Instant at = TokenExpiry.DAYS_90.expiresAt(CREATED);
        assertEquals("expires 2027-01-02", TokenExpiry.describe(at, CREATED));
        assertEquals("expired", TokenExpiry.describe(at, at));
        assertEquals("never", TokenExpiry.describe(null, CREATED));
        assertEquals("2027-01-02T09:30:00Z", TokenExpiry.audited(at));
        assertEquals("never", TokenExpiry.audited(null));
    }
}
