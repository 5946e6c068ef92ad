package org.trek.bench;

/**
 * What one connection of a workload sends, as a little state machine: setup calls (not measured) until it returns
 * null, then the loop (warm-up and measured window), then teardown calls until null. {@link #check} judges every
 * answer and may read it to decide the next call (a session id, a rotated refresh token, a created place).
 */
interface Session {
    /** The next setup call, or null when the session is ready for the loop. */
    default Call setup() {
        return null;
    }

    /** The next call of the closed loop; never null. */
    Call next();

    /** The next clean-up call after the window, or null when done. */
    default Call teardown() {
        return null;
    }

    /** Null when the answer is what was expected, otherwise a short reason (counted as an error). */
    String check(Call call, Response response);
}
