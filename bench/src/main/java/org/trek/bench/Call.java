package org.trek.bench;

/**
 * One request a session wants sent: its bytes, the step it belongs to (for per-step latencies) and whether it
 * starts and/or ends a cycle. A single-request workload's calls do both; an initialize → initialized → DELETE
 * cycle starts with the first and ends with the last.
 */
final class Call {
    final String step;
    final byte[] bytes;
    final boolean startsCycle;
    final boolean endsCycle;

    Call(String step, byte[] bytes, boolean startsCycle, boolean endsCycle) {
        this.step = step;
        this.bytes = bytes;
        this.startsCycle = startsCycle;
        this.endsCycle = endsCycle;
    }

    /** A call that is a whole cycle by itself. */
    static Call single(String step, byte[] bytes) {
        return new Call(step, bytes, true, true);
    }
}
