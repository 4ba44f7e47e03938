package io.parley.sdk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.codec.Vp8PayloadDescriptor;
import io.parley.wire.rtp.RtpPacket;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPacketizerTest {
    private final List<byte[]> packets = new ArrayList<>();
    private final PacketOutput collect = (b, off, len) -> packets.add(Arrays.copyOfRange(b, off, off + len));

    @Test
    void opusFrameIsOneMarkedPacketWithTheFrameAsPayload() throws Exception {
        RtpPacketizer p = new RtpPacketizer(MediaKind.AUDIO, 0x11223344L, 111, 1200);
        byte[] opus = Hex.parse("fc ff fe");
        int seq = p.nextSequenceNumber();
        assertThat(p.lastFrameNanos()).isZero();
        long before = System.nanoTime();

        assertThat(p.packetize(opus, 0, 3, 0x1_0000_0960L, false, collect)).isEqualTo(1);
        assertThat(p.lastFrameNanos()).isGreaterThanOrEqualTo(before);

        byte[] expected = Hex.parse("""
                80                # V=2, no padding, no extension, CC=0
                ef                # M=1, PT=111
                %04x              # sequence number
                00 00 09 60       # timestamp, low 32 bits of the frame's
                11 22 33 44       # SSRC
                fc ff fe          # the Opus packet, unchanged (RFC 7587 §4.2)
                """.formatted(seq));
        assertThat(packets).hasSize(1);
        assertThat(packets.get(0)).isEqualTo(expected);
        assertThat(p.packetsSent()).isEqualTo(1);
        assertThat(p.octetsSent()).isEqualTo(3);
        assertThat(p.lastRtpTimestamp()).isEqualTo(0x960);
        assertThat(p.nextSequenceNumber()).isEqualTo((seq + 1) & 0xFFFF);
    }

    @Test
    void midGoesInAOneByteHeaderExtension() {
        RtpPacketizer p = new RtpPacketizer(MediaKind.AUDIO, 1, 111, 1200).withMid(4, "1");
        int seq = p.nextSequenceNumber();
        p.packetize(new byte[] {(byte) 0xfc}, 0, 1, 960, false, collect);

        byte[] expected = Hex.parse("""
                90 ef %04x 00 00 03 c0 00 00 00 01   # X=1, M=1, PT=111, seq, ts=960, SSRC=1
                be de 00 01                          # RFC 8285 one-byte profile, one word
                40 31 00 00                          # ID=4, L=0: "1", then padding
                fc                                   # the Opus packet
                """.formatted(seq));
        assertThat(packets.get(0)).isEqualTo(expected);
    }

    @Test
    void vp8FrameIsSplitWithDescriptorsStartBitAndMarkerOnTheLast() throws Exception {
        RtpPacketizer p = new RtpPacketizer(MediaKind.VIDEO, 7, 96, 104); // 100 frame bytes per packet
        byte[] frame = new byte[250];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) i;
        }
        frame[0] = 0x10; // P=0: a key frame

        assertThat(p.packetize(frame, 0, frame.length, 3000, true, collect)).isEqualTo(3);

        Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();
        byte[] joined = new byte[0];
        int pictureId = -1;
        for (int i = 0; i < 3; i++) {
            RtpPacket r = RtpPacket.parse(packets.get(i), 0, packets.get(i).length);
            assertThat(r.marker()).isEqualTo(i == 2);
            assertThat(r.timestamp()).isEqualTo(3000);
            assertThat(r.payloadType()).isEqualTo(96);
            d.wrap(r.buffer(), r.payloadOffset(), r.payloadLength());
            assertThat(d.headerLength()).isEqualTo(4);
            assertThat(d.startOfPartition()).isEqualTo(i == 0);
            assertThat(d.partitionIndex()).isZero();
            assertThat(d.longPictureId()).isTrue();
            if (i == 0) {
                pictureId = d.pictureId();
                assertThat(d.isKeyframe()).isTrue();
            }
            assertThat(d.pictureId()).isEqualTo(pictureId);
            byte[] part = Arrays.copyOfRange(r.buffer(), d.payloadOffset(), d.payloadOffset() + d.payloadLength());
            assertThat(part.length).isBetween(83, 84); // 250 in three even shares
            byte[] j = Arrays.copyOf(joined, joined.length + part.length);
            System.arraycopy(part, 0, j, joined.length, part.length);
            joined = j;
        }
        assertThat(joined).isEqualTo(frame);
        int first = RtpPacket.parse(packets.get(0), 0, packets.get(0).length).sequenceNumber();
        for (int i = 1; i < 3; i++) {
            assertThat(RtpPacket.parse(packets.get(i), 0, packets.get(i).length).sequenceNumber())
                    .isEqualTo((first + i) & 0xFFFF);
        }
        assertThat(p.octetsSent()).isEqualTo(250 + 3 * 4);

        packets.clear();
        p.packetize(frame, 0, 10, 6000, false, collect);
        RtpPacket next = RtpPacket.parse(packets.get(0), 0, packets.get(0).length);
        assertThat(d.wrap(next.buffer(), next.payloadOffset(), next.payloadLength()).pictureId())
                .isEqualTo((pictureId + 1) & 0x7FFF);
    }

    @Test
    void sequenceNumbersWrap() throws Exception {
        RtpPacketizer p = new RtpPacketizer(MediaKind.AUDIO, 1, 111, 200);
        byte[] opus = {(byte) 0xfc};
        int last = -1;
        for (int i = 0; i < 70_000; i++) {
            packets.clear();
            p.packetize(opus, 0, 1, i * 960L, false, collect);
            int seq = RtpPacket.parse(packets.get(0), 0, packets.get(0).length).sequenceNumber();
            if (last >= 0) {
                assertThat(seq).isEqualTo((last + 1) & 0xFFFF);
            }
            last = seq;
        }
    }

    @Test
    void misuseIsRefused() {
        RtpPacketizer p = new RtpPacketizer(MediaKind.AUDIO, 1, 111, 200);
        assertThatThrownBy(() -> p.packetize(new byte[0], 0, 0, 0, false, collect))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.packetize(new byte[5000], 0, 5000, 0, false, collect))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Opus packet of 5000 bytes");
        assertThatThrownBy(() -> p.withMid(15, "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacketizer(MediaKind.VIDEO, 1, 128, 1200))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packetizingReusesOneBuffer() {
        RtpPacketizer p = new RtpPacketizer(MediaKind.VIDEO, 1, 96, 1200).withMid(1, "0");
        byte[] frame = new byte[5000];
        byte[][] seen = new byte[1][];
        boolean[] sameBuffer = {true};
        PacketOutput check = (b, off, len) -> {
            if (seen[0] != null && seen[0] != b) {
                sameBuffer[0] = false;
            }
            seen[0] = b;
        };
        for (int i = 0; i < 20_000; i++) { // warm up: let the JIT compile before counting
            p.packetize(frame, 0, frame.length, i * 3000L, false, check);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            p.packetize(frame, 0, frame.length, i * 3000L, false, check);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sameBuffer[0]).isTrue();
        // 50,000 packets: one array per packet would be megabytes; a few bytes are the counter itself.
        assertThat(allocated).isLessThan(50_000);
    }
}
