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
}
