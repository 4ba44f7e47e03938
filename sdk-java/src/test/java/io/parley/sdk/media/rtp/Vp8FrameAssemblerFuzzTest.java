package io.parley.sdk.media.rtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtp.RtpPacket;

/**
 * Fuzz target of the VP8 frame assembler: the input is cut into RTP packets (a length byte, then
 * the packet); whatever they say, the assembler throws nothing and every frame it hands on is made
 * of whole payloads and starts with the first packet of a frame. Seeds:
 * {@code Vp8FrameAssemblerFuzzTestInputs/packets/}.
 */
class Vp8FrameAssemblerFuzzTest {

    @FuzzTest
    void packets(byte[] data) {
        long[] frames = {0};
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(4, (b, off, len, ts, key) -> {
            if (off < 0 || len < 0 || off + len > b.length) {
                throw new AssertionError("frame outside its buffer");
            }
            frames[0]++;
        });
        int at = 0;
        while (at < data.length) {
            int length = data[at++] & 0xFF;
            length = Math.min(length, data.length - at);
            try {
                assembler.onPacket(RtpPacket.parse(data, at, length));
            } catch (WireFormatException e) {
                // not RTP: the transport would have dropped it
            }
            at += length;
        }
        if (frames[0] != assembler.framesOut()) {
            throw new AssertionError("frames counted and frames handed on differ");
        }
    }
}
