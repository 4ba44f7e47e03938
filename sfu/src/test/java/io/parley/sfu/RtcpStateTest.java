package io.parley.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.ReceiverReport;
import io.parley.wire.rtcp.ReportBlock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The small state machines behind RTCP termination: the cache ring, upstream NACK retries, keyframe merging, jitter. */
class RtcpStateTest {
    private static final long MS = 1_000_000L;

    @Test
    void theCacheAnswersOnlyForTheExactNumberWithinItsAgeAcrossTheWrap() {
        PacketCache cache = new PacketCache(4, 100 * MS);
        byte[] packet = {1, 2, 3};
        for (int seq = 65_534; seq < 65_540; seq++) {
            cache.put(seq & 0xFFFF, packet, 0, 3, 0);
        }
        assertThat(cache.find(65_535, 0)).as("overwritten by 3").isEqualTo(-1);
        assertThat(cache.find(2, 0)).isNotNegative();
        assertThat(cache.find(2, 101 * MS)).as("too old").isEqualTo(-1);
        assertThat(cache.contains(2)).isTrue();
        int slot = cache.find(3, 0);
        assertThat(Arrays.copyOf(cache.packet(slot), cache.length(slot))).containsExactly(1, 2, 3);
        cache.put(4, new byte[PacketCache.MAX_PACKET + 1], 0, PacketCache.MAX_PACKET + 1, 0);
        assertThat(cache.contains(4)).as("too large to keep").isFalse();
        cache.clear();
        assertThat(cache.find(3, 0)).isEqualTo(-1);
    }

    @Test
    void aMissingNumberIsAskedForAgainEachIntervalUntilItArrivesOrTheRetriesRunOut() {
        UpstreamNacker nacker = new UpstreamNacker(3, 2, 100 * MS);
        nacker.missing(10);
        nacker.missing(11);
        assertThat(nacker.collectDue(0)).isEqualTo(2);
        assertThat(nacker.collectDue(50 * MS)).isZero();
        assertThat(nacker.received(11)).isTrue();
        assertThat(nacker.received(11)).isFalse();
        assertThat(nacker.collectDue(100 * MS)).isEqualTo(1);
        assertThat(nacker.dueArray()[0]).isEqualTo(10);
        assertThat(nacker.collectDue(200 * MS)).as("asked twice: given up").isZero();
        assertThat(nacker.givenUp()).isEqualTo(1);
        for (int seq = 20; seq < 25; seq++) {
            nacker.missing(seq);
        }
        assertThat(nacker.pending()).isEqualTo(3);
        assertThat(nacker.givenUp()).as("the oldest two pushed out").isEqualTo(3);
        assertThat(nacker.collectDue(300 * MS)).isEqualTo(3);
        assertThat(Arrays.copyOf(nacker.dueArray(), 3)).containsExactly(22, 23, 24);
    }

    @Test
    void keyframeRequestsWithinAnIntervalAreMergedIntoOneAtItsEnd() {
        KeyframeRequester requests = new KeyframeRequester(500 * MS);
        assertThat(requests.request(0)).isTrue();
        int firstFir = requests.firSequence();
        assertThat(requests.request(10 * MS)).isFalse();
        assertThat(requests.request(20 * MS)).isFalse();
        assertThat(requests.poll(499 * MS)).isFalse();
        assertThat(requests.poll(500 * MS)).isTrue();
        assertThat(requests.firSequence()).isEqualTo(firstFir + 1);
        assertThat(requests.poll(1500 * MS)).as("nothing pending").isFalse();
        assertThat(requests.request(1500 * MS)).isTrue();
    }

    @Test
    void jitterIsZeroForSteadyArrivalsAndConvergesToTheVariationOfTransitTime() throws WireFormatException {
        ReceptionStatistics steady = new ReceptionStatistics(48_000);
        ReceptionStatistics jittery = new ReceptionStatistics(48_000);
        long origin = Long.MAX_VALUE / 2;
        for (int i = 0; i < 400; i++) {
            steady.update(i, 960L * i, origin + 20 * MS * i);
            // Every other packet arrives 10 ms late: |D| = 480 timestamp units each time.
            jittery.update(i, 960L * i, origin + 20 * MS * i + (i % 2) * 10 * MS);
        }
        assertThat(block(steady).jitter()).isZero();
        assertThat(block(jittery).jitter()).isBetween(470L, 480L);
        assertThat(block(jittery).extendedHighestSequence()).isEqualTo(399);
    }

    private static ReportBlock block(ReceptionStatistics stats) throws WireFormatException {
        byte[] b = new byte[ReportBlock.SIZE + 8];
        ReceiverReport.write(b, 0, 1, 1);
        stats.writeBlock(b, 8, 2, 0, 0, false);
        ReceiverReport rr = new ReceiverReport();
        rr.wrap(b, 0, b.length);
        return rr.reportBlock(0, new ReportBlock());
    }
}
