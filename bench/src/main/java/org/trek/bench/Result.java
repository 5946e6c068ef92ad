package org.trek.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one workload measured. Rates and CPU refer to the measured window only. */
final class Result {
    final String name;
    final int connections;
    /** Completed cycles (for single-request workloads: requests) in the window. */
    long cycles;
    /** Completed HTTP requests in the window. */
    long requests;
    /** Answer body bytes of the window's requests. */
    long bodyBytes;
    double windowSeconds;
    final Recorder cycleLatency = new Recorder();
    final Map<String, Recorder> stepLatency = new LinkedHashMap<>();
    long windowErrors;
    /** Errors during setup, warm-up, drain and teardown. */
    long otherErrors;
    /** Errors by kind ("step: what", with "(outside the window)" for the others): count and the first answer seen. */
    final Map<String, Long> errorKinds = new LinkedHashMap<>();
    final Map<String, String> errorExamples = new LinkedHashMap<>();
    long reconnects;
    /** Connections the server closed (Connection: close, or an idle kept-alive one), replaced by new ones. */
    long closedByServer;
    double serverCpuMs;
    double rssBeforeMb;
    double rssAfterMb;
    double clientCpuMs;
    /** CPU time of every process on the machine in the window. */
    double machineCpuMs;
    String abortReason;

    Result(String name, int connections) {
        this.name = name;
        this.connections = connections;
    }

    double cyclesPerSecond() {
        return windowSeconds > 0 ? cycles / windowSeconds : 0;
    }

    double requestsPerSecond() {
        return windowSeconds > 0 ? requests / windowSeconds : 0;
    }

    /** Server CPU (user + system) per HTTP request of the window, in ms. */
    double serverCpuPerRequestMs() {
        return requests > 0 ? serverCpuMs / requests : Double.NaN;
    }

    /** The load generator's own CPU use in the window, as a share of one core. */
    double clientCoreShare() {
        return windowSeconds > 0 ? clientCpuMs / 1000.0 / windowSeconds : Double.NaN;
    }

    /** What processes other than the server and the load generator used in the window, as a share of one core. */
    double otherCoreShare() {
        return windowSeconds > 0 ? Math.max(0, machineCpuMs - serverCpuMs - clientCpuMs) / 1000.0 / windowSeconds : Double.NaN;
    }

    void error(boolean inWindow, String kind, String example) {
        if (inWindow) {
            windowErrors++;
        } else {
            otherErrors++;
        }
        String key = (inWindow ? "" : "(outside the window) ") + kind;
        if (errorKinds.size() < 20 || errorKinds.containsKey(key)) {
            errorKinds.merge(key, 1L, Long::sum);
            errorExamples.putIfAbsent(key, example);
        }
    }

    /** One line per kind of error: "3× step: what — first answer". */
    List<String> errorSummary() {
        List<String> out = new ArrayList<>();
        errorKinds.forEach((k, n) -> {
            String example = errorExamples.get(k);
            out.add(n + "× " + k + (example == null || example.isEmpty() ? "" : " — e.g. " + example));
        });
        return out;
    }
}
