package org.trek.bench;

import java.util.Arrays;

/**
 * Latencies of one kind of request in the measured window, kept as raw nanoseconds (a growing array, bounded by
 * the window's request cap) and sorted once at the end, so percentiles are exact (nearest rank).
 */
final class Recorder {
    private long[] values = new long[4096];
    private int count;
    private boolean sorted;

    void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = nanos;
        sorted = false;
    }

    int count() {
        return count;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds, nearest-rank; NaN when empty. */
    double percentileMs(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(values, 0, count);
            sorted = true;
        }
        int rank = (int) Math.ceil(p / 100.0 * count);
        return values[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    double meanMs() {
        if (count == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count / 1e6;
    }
}
