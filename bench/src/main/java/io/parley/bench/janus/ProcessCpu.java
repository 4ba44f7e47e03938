package io.parley.bench.janus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of another process from {@code /proc/<pid>/stat} (proc(5)): utime plus stime, fields
 * 14 and 15, in clock ticks of {@code USER_HZ} (100 on Linux). The command name in field 2 may
 * hold spaces and parentheses, so the fields are counted after its last ')'.
 */
public final class ProcessCpu {
    /** USER_HZ: Linux reports /proc times in hundredths of a second on every architecture. */
    static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** The process's user plus system CPU time so far, in nanoseconds. */
    public static long cpuNanos(long pid) throws IOException {
        return parseCpuNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    static long parseCpuNanos(String stat) throws IOException {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IOException("not a /proc/<pid>/stat line: no ')' after the command name");
        }
        String[] f = stat.substring(close + 1).trim().split(" +");
        // After ')' the fields start at 3 (state): utime is field 14, stime field 15.
        if (f.length < 13) {
            throw new IOException("/proc/<pid>/stat has " + (f.length + 2) + " fields, utime and stime need 15");
        }
        try {
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (NumberFormatException e) {
            throw new IOException("/proc/<pid>/stat utime or stime is not a number: " + f[11] + " " + f[12]);
        }
    }
}
