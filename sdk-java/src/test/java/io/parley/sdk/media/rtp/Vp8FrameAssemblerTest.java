package io.parley.sdk.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.RtpPacketizer;
import io.parley.wire.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Vp8FrameAssemblerTest {
    record Frame(byte[] data, long timestamp, boolean key) {
    }

    private final List<Frame> out = new ArrayList<>();
    private final Vp8FrameAssembler assembler = new Vp8FrameAssembler(16,
            (b, off, len, ts, key) -> out.add(new Frame(Arrays.copyOfRange(b, off, off + len), ts, key)));
    private final RtpPacketizer packetizer = new RtpPacketizer(MediaKind.VIDEO, 9, 96, 200);

    /** A VP8-shaped frame: P bit clear for a key frame, then bytes that name the frame. */
    private static byte[] frame(int index, int length, boolean key) {
        byte[] f = new byte[length];
        for (int i = 0; i < length; i++) {
            f[i] = (byte) (index * 7 + i);
        }
        f[0] = (byte) (key ? 0x10 : 0x11);
        return f;
    }

    private List<byte[]> packets(byte[] frame, long ts) {
        List<byte[]> list = new ArrayList<>();
        packetizer.packetize(frame, 0, frame.length, ts, (frame[0] & 1) == 0,
                (b, off, len) -> list.add(Arrays.copyOfRange(b, off, off + len)));
        return list;
    }

    private void feed(List<byte[]> packets) throws Exception {
        for (byte[] p : packets) {
            assembler.onPacket(RtpPacket.parse(p, 0, p.length));
        }
    }

    @Test
    void framesSplitOverManyPacketsComeBackWhole() throws Exception {
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] f = frame(i, 100 + i * 97, i % 10 == 0);
            sent.add(f);
            feed(packets(f, 3000L * i));
        }
        assertThat(out).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(out.get(i).data()).isEqualTo(sent.get(i));
            assertThat(out.get(i).timestamp()).isEqualTo(3000L * i);
            assertThat(out.get(i).key()).isEqualTo(i % 10 == 0);
        }
        assertThat(assembler.framesDropped()).isZero();
    }

    @Test
    void packetsReorderedWithinTheWindowStillMakeTheFrame() throws Exception {
        List<byte[]> all = new ArrayList<>();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] f = frame(i, 900, i == 0);
            sent.add(f);
            all.addAll(packets(f, 3000L * i));
        }
        // Shuffle in blocks of 8 packets: every packet arrives at most 7 places from its turn.
        Random random = new Random(1);
        for (int i = 0; i < all.size(); i += 8) {
            Collections.shuffle(all.subList(i, Math.min(all.size(), i + 8)), random);
        }
        feed(all);
        assertThat(out).extracting(Frame::data).containsExactlyElementsOf(sent);
        assertThat(assembler.framesDropped()).isZero();
    }

    @Test
    void aLostPacketDropsItsFrameAndOnlyIt() throws Exception {
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // frames 8-11 only take the window past the second loss
            byte[] f = frame(i, 700, i == 0);
            sent.add(f);
            List<byte[]> p = packets(f, 3000L * i);
            if (i == 3) {
                p.remove(2); // a middle packet of frame 3
            }
            if (i == 5) {
                p.remove(p.size() - 1); // the marked last packet of frame 5
            }
            feed(p);
        }
        assertThat(out.subList(0, 6)).extracting(Frame::timestamp)
                .containsExactly(0L, 3000L, 6000L, 12_000L, 18_000L, 21_000L);
        assertThat(out.get(3).data()).isEqualTo(sent.get(4));
        assertThat(assembler.framesDropped()).isEqualTo(2);
    }

    @Test
    void aLostFirstPacketDropsTheFrame() throws Exception {
        for (int i = 0; i < 12; i++) {
            List<byte[]> p = packets(frame(i, 500, i == 0), 3000L * i);
            if (i == 2) {
                p.remove(0);
            }
            feed(p);
        }
        assertThat(out.subList(0, 5)).extracting(Frame::timestamp).containsExactly(0L, 3000L, 9000L, 12_000L, 15_000L);
        assertThat(assembler.framesDropped()).isEqualTo(1);
    }

    @Test
    void paddingOnlyPacketsBetweenFramesAreNoLoss() throws Exception {
        for (int i = 0; i < 30; i++) {
            List<byte[]> p = packets(frame(i, 300, i == 0), 3000L * i);
            feed(p);
            // The packetizer has moved on one number; a padding packet takes the next, as a
            // sender probing for bandwidth does, and the following frame starts one later.
            byte[] last = p.get(p.size() - 1);
            int seq = ((last[2] & 0xFF) << 8 | (last[3] & 0xFF)) + 1;
            byte[] padding = new byte[12 + 4];
            new io.parley.wire.rtp.RtpHeaderWriter().payloadType(96).sequenceNumber(seq).timestamp(3000L * i)
                    .ssrc(9).writeTo(padding, 0);
            io.parley.wire.rtp.RtpHeaderWriter.addPadding(padding, 0, 12, 4);
            feed(List.of(padding));
            packetizer.packetize(new byte[1], 0, 1, 0, false, (b, off, len) -> { }); // skip that number
        }
        assertThat(out).hasSize(30);
        assertThat(assembler.framesDropped()).isZero();
    }

    @Test
    void latePacketsAndDuplicatesAreIgnored() throws Exception {
        List<byte[]> first = packets(frame(0, 300, true), 0);
        feed(first);
        feed(first.subList(0, 1)); // a retransmission after the frame was handed on
        List<byte[]> second = packets(frame(1, 300, false), 3000);
        feed(List.of(second.get(0), second.get(0)));
        feed(second.subList(1, second.size()));
        assertThat(out).hasSize(2);
        assertThat(assembler.packetsLate()).isEqualTo(1);
    }
}
