package io.parley.bench.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** CPU time read from /proc/<pid>/stat, the way the benchmarks account Parley's, Janus's and the floor's work. */
class ProcStatTest {
    @Test
    void utime_and_stime_are_counted_after_a_command_name_with_spaces_and_parentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (janus (x) y) S 1 4242 4242 0 -1 4194560 1200 0 3 0 250 75 0 0 20 0 31 0 900 1000000 5000";
        assertThat(ProcStat.parse(stat).cpuNanos()).isEqualTo(325L * 10_000_000L);
    }

    @Test
    void our_own_process_has_used_some_cpu() {
        long pid = ProcessHandle.current().pid();
        long before = ProcStat.read(pid).cpuNanos();
        long spin = 0;
        long until = System.nanoTime() + 50_000_000;
        while (System.nanoTime() < until) {
            spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
        }
        assertThat(spin).isNotNegative();
        assertThat(ProcStat.read(pid).cpuNanos()).isGreaterThanOrEqualTo(before).isPositive();
    }

    @Test
    void a_line_that_is_not_proc_stat_is_refused() {
        assertThatThrownBy(() -> ProcStat.parse("garbage")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no command in parentheses");
        assertThatThrownBy(() -> ProcStat.parse("1 (x) S 1 2")).hasMessageContaining("fields");
        assertThatThrownBy(() -> ProcStat.parse("1 (x) S 1 2 3 4 5 6 7 8 9 10 u s 0"))
                .hasMessageContaining("not numbers");
    }
    @Test
    void the_command_is_the_text_between_the_first_and_last_parenthesis() {
        assertThat(ProcStat.command("4242 (janus (x) y) S 1 4242")).isEqualTo("janus (x) y");
        assertThat(ProcStat.command("77 (C2 CompilerThre) S 1")).isEqualTo("C2 CompilerThre");
        assertThatThrownBy(() -> ProcStat.command("garbage")).hasMessageContaining("no command in parentheses");
    }

    @Test
    void the_threads_of_a_process_that_is_gone_are_a_saying_error() {
        assertThatThrownBy(() -> ProcStat.threadsCpuNanos(Long.MAX_VALUE, name -> true))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("has the process ended?");
    }

    @Test
    void the_cpu_of_named_threads_is_theirs_alone() throws Exception {
        long pid = ProcessHandle.current().pid();
        java.util.concurrent.CountDownLatch spun = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread burner = new Thread(() -> {
            long spin = 0;
            long cpuStart = ProcStat.threadsCpuNanos(pid, "procstat-burn"::equals);
            // Until the kernel's tick accounting has seen this thread run: at least 3 ticks of 10 ms.
            while (ProcStat.threadsCpuNanos(pid, "procstat-burn"::equals) - cpuStart < 30_000_000L) {
                spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
            }
            spun.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "procstat-burn");
        burner.start();
        try {
            assertThat(spun.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long burnt = ProcStat.threadsCpuNanos(pid, "procstat-burn"::equals);
            assertThat(burnt).isGreaterThanOrEqualTo(30_000_000L);
            assertThat(ProcStat.threadsCpuNanos(pid, name -> false)).isZero();
            assertThat(ProcStat.threadsCpuNanos(pid, name -> true)).isGreaterThanOrEqualTo(burnt);
        } finally {
            done.countDown();
            burner.join();
        }
    }
}
