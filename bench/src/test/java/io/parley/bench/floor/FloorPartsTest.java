package io.parley.bench.floor;

import io.parley.bench.os.ProcStat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The floor's small parts: index estimate, histogram, counters line, /proc line, load limits, IV. */
class FloorPartsTest {

    @Test
    void srtp_index_follows_a_wrap_and_a_late_packet_from_before_it() {
        SrtpIndex index = new SrtpIndex();
        assertThat(index.estimate(0xfffe)).isEqualTo(0xfffeL);
        assertThat(index.estimate(0x0001)).isEqualTo(0x1_0001L);  // wrapped: ROC 1
        assertThat(index.estimate(0xffff)).isEqualTo(0xffffL);    // late, from before the wrap: ROC 0
        assertThat(index.estimate(0x0002)).isEqualTo(0x1_0002L);
    }

    @Test
    void histogram_percentiles_and_max() {
        DelayHistogram h = new DelayHistogram();
        for (int us = 1; us <= 100; us++) {
            h.recordNanos(us * 1000L + 200);
        }
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentileMicros(0.50)).isEqualTo(50.5);
        assertThat(h.percentileMicros(0.99)).isEqualTo(99.5);
        assertThat(h.maxMicros()).isEqualTo(100.2);
        h.recordNanos(5_000_000_000L); // beyond the buckets: read as the maximum
        assertThat(h.percentileMicros(1.0)).isEqualTo(5_000_000.0);
        assertThat(new DelayHistogram().percentileMicros(0.5)).isZero();
    }

    @Test
    void counters_line_parses_and_a_broken_one_says_what_is_missing() {
        RelayCounters c = RelayCounters.parse(
                "counters in=10 out=30 malformed=1 send_errors=2 crypto_errors=0 players=3 utime=0.250000 stime=0.500000");
        assertThat(c).isEqualTo(new RelayCounters(10, 30, 1, 2, 0, 0.25, 0.5));
        assertThat(c.cpuSeconds()).isEqualTo(0.75);
        assertThatThrownBy(() -> RelayCounters.parse("STAT in=1 out=2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'malformed'");
        assertThatThrownBy(() -> RelayCounters.parse("STAT in=x out=2 malformed=0 send_errors=0 crypto_errors=0 utime=0 stime=0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
    }

    @Test
    void proc_stat_ticks_skip_a_command_name_with_spaces_and_parentheses() {
        String line = "4242 (re lay) (x)) S 1 4242 4242 0 -1 4194560 120 0 0 0 317 42 0 0 20 0 1 0 99 1000 10 18446744073709551615";
        ProcStat stat = ProcStat.parse(line);
        assertThat(stat.utimeTicks() + stat.stimeTicks()).isEqualTo(317 + 42);
        assertThat(new ProcessCpu(ProcessHandle.current().pid()).cpuNanos()).isPositive();
    }

    @Test
    void load_limits_are_checked() {
        assertThatThrownBy(() -> new FloorLoad(0, 100, 100, Duration.ofSeconds(1))).hasMessageContaining("players");
        assertThatThrownBy(() -> new FloorLoad(1, 0, 100, Duration.ofSeconds(1))).hasMessageContaining("packetsPerSecond");
        assertThatThrownBy(() -> new FloorLoad(1, 100, 15, Duration.ofSeconds(1))).hasMessageContaining("payloadBytes");
        assertThatThrownBy(() -> new FloorLoad(1, 100, 1473, Duration.ofSeconds(1))).hasMessageContaining("payloadBytes");
        assertThatThrownBy(() -> new FloorLoad(1, 100, 100, Duration.ofMillis(499))).hasMessageContaining("duration");
        FloorLoad load = new FloorLoad(50, 1000, 1200, Duration.ofSeconds(10));
        assertThat(load.totalPackets()).isEqualTo(10_000);
        assertThat(load.warmUpPackets()).isEqualTo(2_000);
    }

    @Test
    void iv_is_the_rfc_7714_one() {
        HexFormat hex = HexFormat.of();
        FloorPlayer p = new FloorPlayer(new InetSocketAddress(5000), 0x5501a0b2L, 0,
                hex.parseHex("000102030405060708090a0b0c0d0e0f"), hex.parseHex("517569642070726f2071756f"));
        byte[] iv = new byte[12];
        p.iv(0, 0xf17b, iv);
        assertThat(hex.formatHex(iv)).isEqualTo("51753c6580c2726f20718414"); // RFC 7714 section 16.1.1
        assertThat(p.controlLine()).isEqualTo("player 0.0.0.0 5000 1426170034 0 000102030405060708090a0b0c0d0e0f 517569642070726f2071756f");
    }
}
