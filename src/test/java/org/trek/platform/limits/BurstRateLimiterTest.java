package org.trek.platform.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trek.platform.RateLimiter;

class BurstRateLimiterTest {
    private long now = 1_000_000_000L;

    private BurstRateLimiter limiter() {
        BurstRateLimiter l = new BurstRateLimiter();
        l.clock = () -> now;
        return l;
    }

    @Test
    void aBurstPassesAtOnceAndTheNextWaitsOneInterval() {
        BurstRateLimiter l = limiter();
        for (int i = 0; i < 10; i++) {
            assertTrue(l.take("k", 60, 10).allowed(), "request " + (i + 1) + " of the burst");
        }
        RateLimiter.Decision refused = l.take("k", 60, 10);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds(), "one a second refills");
        now += 1_000;
        assertTrue(l.take("k", 60, 10).allowed());
        assertFalse(l.take("k", 60, 10).allowed());
    }

    @Test
    void theAverageRateHoldsForAClientThatGoesOnHammering() {
        BurstRateLimiter l = limiter();
        int admitted = 0;
        for (int second = 0; second < 120; second++) {
            for (int i = 0; i < 50; i++) {
                admitted += l.take("k", 300, 600).allowed() ? 1 : 0;
            }
            now += 1_000;
        }
        // 600 at once, then 5 a second for the rest of the two minutes
        assertTrue(admitted >= 600 + 119 * 5 && admitted <= 600 + 120 * 5 + 1, "admitted " + admitted);
    }

    @Test
    void refusedRequestsCostNothingAndRetryAfterSaysWhenTheNextFits() {
        BurstRateLimiter l = limiter();
        assertTrue(l.take("k", 6, 1).allowed()); // one per 10 s
        for (int i = 0; i < 100; i++) {
            assertFalse(l.take("k", 6, 1).allowed());
        }
        RateLimiter.Decision d = l.take("k", 6, 1);
        assertEquals(10, d.retryAfterSeconds());
        now += 10_000;
        assertTrue(l.take("k", 6, 1).allowed(), "the refusals did not push the time on");
    }

    @Test
    void keysAreIndependentAndIdleKeysAreForgotten() {
        BurstRateLimiter l = limiter();
        assertTrue(l.take("a", 60, 1).allowed());
        assertFalse(l.take("a", 60, 1).allowed());
        assertTrue(l.take("b", 60, 1).allowed());
        now += 5_000;
        l.sync(); // no grid in a unit test: full buckets are dropped
        assertTrue(l.take("a", 60, 1).allowed());
    }
}
