package io.parley.bench.floor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of another process from the kernel's own accounting in {@code /proc/<pid>}, for a
 * single-threaded process such as the floor relay.
 *
 * <p>{@code /proc/<pid>/schedstat}'s first field is the time the task ran, in nanoseconds: the
 * {@code sum_exec_runtime} that the kernel scales utime + stime of {@code /proc/<pid>/stat} to, there
 * rounded to clock ticks (10 ms). A short, light run is below one tick, so the nanosecond figure is
 * read when the kernel has it and {@code /proc/<pid>/stat} (fields 14 and 15, proc(5)) otherwise.
 */
public final class ProcessCpu {
    /** USER_HZ: Linux reports {@code /proc} times in hundredths of a second on every architecture we run. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Path schedstat;
    private final Path stat;

    public ProcessCpu(long pid) {
        this.schedstat = Path.of("/proc", Long.toString(pid), "schedstat");
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
    }

    /** User plus system CPU time so far, in nanoseconds. */
    public long cpuNanos() {
        try {
            if (Files.isReadable(schedstat)) {
                String s = Files.readString(schedstat).trim();
                return Long.parseLong(s.substring(0, s.indexOf(' ')));
            }
            return statTicks(Files.readString(stat)) * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of " + stat.getParent(), e);
        }
    }

    /** utime + stime from a {@code /proc/<pid>/stat} line; the command name may hold spaces and parentheses. */
    static long statTicks(String statLine) {
        String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state), so utime (field 14) is f[11] and stime (field 15) is f[12].
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
