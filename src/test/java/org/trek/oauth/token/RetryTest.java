package org.trek.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trek.oauth.OAuthException;

class RetryTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("transaction failed", new RuntimeException("persistence", cause));
    }

    @Test
    void recognisesDeadlocksAndLockTimeoutsAnywhereInTheChain() {
        assertTrue(Retry.isDeadlock(wrapped(new SQLTransactionRollbackException("Deadlock found", "40001", 1213))));
        assertTrue(Retry.isDeadlock(wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        assertFalse(Retry.isDeadlock(wrapped(new SQLException("Duplicate entry", "23000", 1062))));
        assertFalse(Retry.isDeadlock(new IllegalArgumentException("bad")));
    }

    @Test
    void aDeadlockVictimIsRunAgain() {
        AtomicInteger calls = new AtomicInteger();
        String result = Retry.onDeadlock(() -> {
            if (calls.incrementAndGet() < 3) {
                throw wrapped(new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
            }
            return "tokens";
        });
        assertEquals("tokens", result);
        assertEquals(3, calls.get());
    }

    @Test
    void afterTheLastAttemptTheClientGetsARetryableOAuthError() {
        AtomicInteger calls = new AtomicInteger();
        OAuthException e = assertThrows(OAuthException.class, () -> Retry.onDeadlock(() -> {
            calls.incrementAndGet();
            throw wrapped(new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
        }));
        assertEquals(Retry.ATTEMPTS, calls.get());
        assertEquals(503, e.status());
        assertEquals("temporarily_unavailable", e.error());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(OAuthException.class, () -> Retry.onDeadlock(() -> {
            calls.incrementAndGet();
            throw OAuthException.invalidGrant("no");
        }));
        assertEquals(1, calls.get());
    }
}
