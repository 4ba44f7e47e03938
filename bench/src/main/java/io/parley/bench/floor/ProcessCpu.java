package io.parley.bench.floor;

import io.parley.bench.os.ProcStat;
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
    private final Path schedstat;
    private final long pid;

    public ProcessCpu(long pid) {
        this.schedstat = Path.of("/proc", Long.toString(pid), "schedstat");
        this.pid = pid;
    }

    /** User plus system CPU time so far, in nanoseconds. */
    public long cpuNanos() {
        try {
            if (Files.isReadable(schedstat)) {
                String s = Files.readString(schedstat).trim();
                return Long.parseLong(s.substring(0, s.indexOf(' ')));
            }
            return ProcStat.read(pid).cpuNanos();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of " + schedstat.getParent(), e);
        }
    }
}
