package io.parley.wire.rtcp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.wire.Bytes;

/**
 * Fuzz target of the transport-cc chunk and delta decoding: the input is the FCI, placed behind a
 * well-formed header (FMT 15, PT 205, SSRCs 1 and 2, the right length) so that the fuzzer spends
 * its time on chunks and deltas rather than on the length field. Seeds in
 * {@code RtcpTransportFeedbackFuzzTestInputs/roundTrip}.
 */
class RtcpTransportFeedbackFuzzTest {
    @FuzzTest
    void roundTrip(byte[] fci) {
        int fciLength = Math.min(fci.length, 60_000);
        int length = 12 + Bytes.pad4(fciLength);
        byte[] packet = new byte[length];
        RtcpHeader.write(packet, 0, TransportFeedback.FMT, RtcpHeader.PT_RTPFB, length);
        Bytes.put32(packet, 4, 1);
        Bytes.put32(packet, 8, 2);
        System.arraycopy(fci, 0, packet, 12, fciLength);
        RtcpRoundTrip.check(packet);
    }
}
