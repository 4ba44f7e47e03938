package io.parley.bench.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * A process's CPU time and resident memory from Linux's {@code /proc/PID/stat} and
 * {@code /proc/PID/status} (proc(5)): utime and stime are fields 14 and 15, in clock ticks. The
 * command name (field 2) is in parentheses and may itself hold spaces and parentheses, so the
 * fields are counted from the last closing parenthesis.
 *
 * @param utimeTicks user-mode CPU time, in clock ticks
 * @param stimeTicks kernel-mode CPU time, in clock ticks
 */
public record ProcStat(long utimeTicks, long stimeTicks) {
    /** Linux's USER_HZ: what sysconf(_SC_CLK_TCK) answers on every architecture Parley runs on. */
    public static final long CLOCK_TICKS_PER_SECOND = 100;

    /** Parses one line of {@code /proc/PID/stat}. */
    public static ProcStat parse(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line (no command in parentheses): " + abbreviate(line));
        }
        String[] f = line.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state), so field N is f[N - 3].
        if (f.length < 13) {
            throw new IllegalArgumentException("a /proc/PID/stat line with " + (f.length + 2) + " fields, expected at least 15: "
                    + abbreviate(line));
        }
        try {
            return new ProcStat(Long.parseLong(f[11]), Long.parseLong(f[12]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("utime/stime are not numbers in /proc/PID/stat line: " + abbreviate(line), e);
        }
    }

    /** The current figures of process {@code pid}. */
    public static ProcStat read(long pid) {
        return parse(readProc(pid, "stat"));
    }

    /** The command name (field 2) of a {@code /proc/PID/stat} or {@code /proc/PID/task/TID/stat} line: a thread's name. */
    public static String command(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/PID/stat line (no command in parentheses): " + abbreviate(line));
        }
        return line.substring(open + 1, close);
    }

    /**
     * The CPU time, in nanoseconds, of the threads of {@code pid} whose name (proc(5)'s comm, at
     * most 15 characters) {@code name} accepts, from {@code /proc/PID/task/TID/stat}. A thread that
     * ended takes its time with it, so over an interval this is a lower bound when such threads come
     * and go. A thread that ends while being read is skipped.
     */
    public static long threadsCpuNanos(long pid, Predicate<String> name) {
        long nanos = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String line;
                try {
                    line = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                if (name.test(command(line))) {
                    nanos += parse(line).cpuNanos();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/" + pid + "/task (has the process ended?)", e);
        }
        return nanos;
    }

    /** User plus kernel CPU time in nanoseconds. */
    public long cpuNanos() {
        return (utimeTicks + stimeTicks) * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    }

    /** Resident set size of {@code pid} in bytes, from the {@code VmRSS:} line of {@code /proc/PID/status}. */
    public static long rssBytes(long pid) {
        return parseRss(readProc(pid, "status"));
    }

    /** The {@code VmRSS:} figure (kB) of a {@code /proc/PID/status} text, in bytes. */
    public static long parseRss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] f = line.substring(6).trim().split("\\s+");
                if (f.length == 2 && f[1].equals("kB")) {
                    return Long.parseLong(f[0]) * 1024;
                }
                throw new IllegalArgumentException("unexpected VmRSS line: " + line);
            }
        }
        throw new IllegalArgumentException("no VmRSS line in /proc/PID/status (a kernel thread, or not Linux?)");
    }

    private static String readProc(long pid, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file + " (has the process ended?)", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
