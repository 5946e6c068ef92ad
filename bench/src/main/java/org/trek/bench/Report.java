package org.trek.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one markdown table of a run: a row per workload with the original's figures (issue #10) beside ours, the
 * targets and whether each row met them; then the run's peak RSS and start time; then notes.
 */
final class Report {

    /**
     * A target of a row: a label and a test of the row's result (and the run's /health row); the test answers null
     * when it cannot tell (the /health row was not run).
     */
    record Target(String label, Function<Row, Boolean> met) {
    }

    /** One workload of the table. */
    static final class Row {
        final String workload;
        final String wire;
        final String original;
        final boolean cycles;
        final List<Target> targets = new ArrayList<>();
        Result result;
        Row health;

        Row(String workload, String wire, String original, boolean cycles) {
            this.workload = workload;
            this.wire = wire;
            this.original = original;
            this.cycles = cycles;
        }

        Row target(String label, Function<Row, Boolean> met) {
            targets.add(new Target(label, met));
            return this;
        }

        Row minRate(double perSecond) {
            return target("≥" + thousands(perSecond) + (cycles ? " cycles/s" : " req/s"), r -> r.result.cyclesPerSecond() >= perSecond);
        }

        Row maxP50(double ms) {
            return target("p50 ≤" + trim(ms) + " ms", r -> r.result.cycleLatency.percentileMs(50) <= ms);
        }

        Row maxP99(double ms) {
            return target("p99 ≤" + trim(ms) + " ms", r -> r.result.cycleLatency.percentileMs(99) <= ms);
        }

        Row maxCpu(double ms) {
            return target("≤" + trim(ms) + " ms CPU/call", r -> r.result.serverCpuPerRequestMs() <= ms);
        }

        Row healthShare(double share) {
            return target("≥" + Math.round(share * 100) + " % of /health", r -> r.health == null || r.health.result == null ? null
                    : r.result.cyclesPerSecond() >= share * r.health.result.cyclesPerSecond());
        }
    }

    private Report() {
    }

    static String render(List<Row> rows, List<String> header, double idleRssMb, double peakRssMb, double peakTargetMb,
                         double startSeconds, List<String> notes) {
        StringBuilder out = new StringBuilder();
        for (String h : header) {
            out.append(h).append('\n');
        }
        out.append('\n');
        out.append("| workload | wire | conns | req/s | p50 ms | p99 ms | errors | server CPU ms/req | server RSS MB before → after"
                + " | original (issue #10) | target | met? |\n");
        out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|---|\n");
        for (Row row : rows) {
            Result r = row.result;
            if (r == null) {
                continue;
            }
            List<String> missed = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (Target t : row.targets) {
                Boolean ok;
                try {
                    ok = t.met().apply(row);
                } catch (RuntimeException e) {
                    ok = false;
                }
                labels.add(t.label() + (ok == null ? " (not measured)" : ""));
                if (Boolean.FALSE.equals(ok)) {
                    missed.add(t.label());
                }
            }
            labels.add("0 errors");
            if (r.windowErrors + r.otherErrors > 0 || r.abortReason != null) {
                missed.add("0 errors");
            }
            String rate = thousands(r.cyclesPerSecond()) + (row.cycles ? " cycles/s" : "");
            String errors = String.valueOf(r.windowErrors) + (r.otherErrors > 0 ? " (+" + r.otherErrors + " outside the window)" : "")
                    + (r.abortReason != null ? " — aborted: " + r.abortReason : "");
            out.append("| ").append(row.workload)
                    .append(" | ").append(row.wire)
                    .append(" | ").append(r.connections)
                    .append(" | ").append(rate)
                    .append(" | ").append(ms(r.cycleLatency.percentileMs(50)))
                    .append(" | ").append(ms(r.cycleLatency.percentileMs(99)))
                    .append(" | ").append(errors)
                    .append(" | ").append(ms(r.serverCpuPerRequestMs()))
                    .append(" | ").append(Math.round(r.rssBeforeMb)).append(" → ").append(Math.round(r.rssAfterMb))
                    .append(" | ").append(row.original)
                    .append(" | ").append(String.join(", ", labels))
                    .append(" | ").append(missed.isEmpty() ? "met" : "**missed** (" + String.join(", ", missed) + ")")
                    .append(" |\n");
        }
        boolean peakMet = peakRssMb <= peakTargetMb;
        out.append("| server peak RSS (VmHWM) over the whole run | | | | | | | | idle ").append(Math.round(idleRssMb))
                .append(" → peak ").append(Math.round(peakRssMb)).append(" | 162 MB → 1.39 GB | ≤").append(Math.round(peakTargetMb))
                .append(" MB | ").append(peakMet ? "met" : "**missed**").append(" |\n");
        out.append("| start → first 200 on GET /health: **").append(String.format(Locale.ROOT, "%.1f s", startSeconds))
                .append("** | | | | | | | | | ≈3 s | — | — |\n");
        out.append('\n');
        for (String n : notes) {
            out.append("- ").append(n).append('\n');
        }
        return out.toString();
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String thousands(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
