package org.trek.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and memory of a process from Linux's /proc (the server's PID, or this JVM's "self"). */
final class Proc {
    private final String pid;
    private final int clockTicks;

    Proc(String pid, int clockTicks) {
        this.pid = pid;
        this.clockTicks = clockTicks;
    }

    boolean alive() {
        return Files.exists(Path.of("/proc", pid, "stat"));
    }

    /** utime + stime in milliseconds (fields 14 and 15 of /proc/PID/stat, in clock ticks). */
    double cpuMs() {
        String stat = read("stat");
        // the command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        long ticks = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
        return ticks * 1000.0 / clockTicks;
    }

    /**
     * CPU time all processes of the machine spent busy (user, nice, system, irq, softirq, steal from the first line
     * of /proc/stat), in milliseconds: with the server's and our own, it shows what else ran during a window.
     */
    double machineBusyMs() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split(" +");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += i < f.length ? Long.parseLong(f[i]) : 0;
            }
            return busy * 1000.0 / clockTicks;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** VmRSS in MB. */
    double rssMb() {
        return statusKb("VmRSS:") / 1024.0;
    }

    /** VmHWM (the peak resident set size so far) in MB. */
    double peakRssMb() {
        return statusKb("VmHWM:") / 1024.0;
    }

    private long statusKb(String key) {
        for (String line : read("status").split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException(key + " not in /proc/" + pid + "/status");
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", pid, file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/" + file + " (has the process ended?)", e);
        }
    }
}
