package org.trek.oauth.token;

import java.sql.SQLTransactionRollbackException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.trek.oauth.OAuthException;

/**
 * Runs a token grant (its own transaction) again when the database chose it as a deadlock victim. Concurrent
 * refreshes of one token serialize on its row, but InnoDB's gap locks on the parent index can still pick a victim,
 * and its advice is to restart the transaction. After the last attempt the client gets a retryable OAuth error
 * (RFC 6749 §5.2 format, 503 temporarily_unavailable), never an HTML error page.
 */
final class Retry {
    private static final Logger LOG = Logger.getLogger(Retry.class.getName());
    static final int ATTEMPTS = 3;

    private Retry() {
    }

    static <T> T onDeadlock(Supplier<T> grant) {
        for (int attempt = 1; ; attempt++) {
            try {
                return grant.get();
            } catch (RuntimeException e) {
                if (!isDeadlock(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    LOG.warning("token grant lost " + ATTEMPTS + " deadlocks in a row");
                    throw new OAuthException(503, "temporarily_unavailable", "The server is busy; try again.", 1);
                }
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * A deadlock victim or lock wait timeout anywhere in the cause chain (SQLState class 40, MySQL/MariaDB 1213/1205,
     * H2's lock timeout 50200).
     */
    static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof java.sql.SQLException s && (s.getErrorCode() == 1213 || s.getErrorCode() == 1205
                    || s.getErrorCode() == 50200
                    || s.getSQLState() != null && s.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }
}
