package io.parley.sdk.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.wire.rtp.RtpHeaderWriter;
import org.junit.jupiter.api.Test;

class CountingSinkTest {
    private final RtpHeaderWriter header = new RtpHeaderWriter();
    private final CountingSink sink = new CountingSink();

    /** Delivers a packet with a 40-byte payload whose trailer says it was sent {@code delayMicros} before arrival. */
    private void deliver(MediaKind kind, int sequence, long delayMicros) {
        byte[] packet = new byte[12 + 40];
        header.reset().payloadType(96).sequenceNumber(sequence).ssrc(5).writeTo(packet, 0);
        long arrival = 1_000_000_000_000L;
        SyntheticPayload.write(packet, packet.length, sequence, arrival - delayMicros * 1000);
        sink.onRtp(kind, packet, 0, packet.length, arrival);
    }

    @Test
    void countsPacketsBytesAndLossFromGaps() {
        for (int s : new int[] {10, 11, 13, 14, 17}) {
            deliver(MediaKind.VIDEO, s, 100);
        }
        CountingSink.Snapshot v = sink.snapshot(MediaKind.VIDEO);
        assertThat(v.packets()).isEqualTo(5);
        assertThat(v.bytes()).isEqualTo(5 * 40);
        assertThat(v.lost()).isEqualTo(3); // 12, 15, 16
        assertThat(v.late()).isZero();
        assertThat(v.firstPacketNanos()).isEqualTo(1_000_000_000_000L);
        assertThat(sink.snapshot(MediaKind.AUDIO).packets()).isZero();
    }

    @Test
    void reorderedPacketsAreLateNotLost() {
        for (int s : new int[] {100, 102, 101, 104, 103, 99}) {
            deliver(MediaKind.AUDIO, s, 100);
        }
        CountingSink.Snapshot a = sink.snapshot(MediaKind.AUDIO);
        assertThat(a.lost()).isZero();
        assertThat(a.late()).isEqualTo(3);
        assertThat(a.packets()).isEqualTo(6);
    }

    @Test
    void lossIsCountedAcrossTheSequenceWrap() {
        for (int s : new int[] {65533, 65534, 0, 1, 3, 65535}) {
            deliver(MediaKind.VIDEO, s, 100);
        }
        CountingSink.Snapshot v = sink.snapshot(MediaKind.VIDEO);
        assertThat(v.lost()).isEqualTo(1); // only 2
        assertThat(v.late()).isEqualTo(1); // 65535 after 0
        for (int i = 4; i < 70_000; i++) {
            deliver(MediaKind.VIDEO, i & 0xFFFF, 100);
        }
        assertThat(sink.snapshot(MediaKind.VIDEO).lost()).isEqualTo(1);
    }

    @Test
    void delayPercentilesComeFromTheSyntheticTrailer() {
        for (int i = 0; i < 98; i++) {
            deliver(MediaKind.VIDEO, i, 1000 + i); // 1.000 to 1.097 ms
        }
        deliver(MediaKind.VIDEO, 98, 50_000);
        deliver(MediaKind.VIDEO, 99, 200_000);
        CountingSink.Snapshot s = sink.snapshot();
        assertThat(s.delays().count()).isEqualTo(100);
        assertThat(s.p50Micros()).isBetween(1040L, 1070L); // the bucket of 1,049 µs, within 1.6%
        assertThat(s.p99Micros()).isBetween(50_000L, 50_800L);
        assertThat(s.maxMicros()).isEqualTo(200_000);
    }

    @Test
    void snapshotsOfManySinksMerge() {
        deliver(MediaKind.VIDEO, 1, 10);
        deliver(MediaKind.VIDEO, 3, 20);
        CountingSink other = new CountingSink();
        byte[] packet = new byte[12 + 30];
        header.reset().sequenceNumber(9).writeTo(packet, 0);
        other.onRtp(MediaKind.AUDIO, packet, 0, packet.length, 5); // no trailer: counted, no delay
        other.onRtp(MediaKind.AUDIO, new byte[3], 0, 3, 6); // not RTP

        CountingSink.Snapshot all = sink.snapshot().merge(other.snapshot());
        assertThat(all.packets()).isEqualTo(3);
        assertThat(all.bytes()).isEqualTo(40 + 40 + 30);
        assertThat(all.lost()).isEqualTo(1);
        assertThat(all.malformed()).isEqualTo(1);
        assertThat(all.delays().count()).isEqualTo(2);
        assertThat(all.firstPacketNanos()).isEqualTo(5);
        assertThat(all.lossRatio()).isEqualTo(0.25);

        DelayHistogram total = new DelayHistogram();
        sink.mergeInto(total);
        other.mergeInto(total);
        assertThat(total.count()).isEqualTo(2);
        assertThat(total.maxMicros()).isEqualTo(20);
    }
}
