package io.parley.wire.rtcp;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of the compound parser and every packet view behind it: decode, re-encode, decode
 * again and compare (see {@link RtcpRoundTrip}). In a normal {@code mvn test} it replays the seeds
 * in {@code RtcpCompoundFuzzTestInputs/roundTrip}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class RtcpCompoundFuzzTest {
    @FuzzTest
    void roundTrip(byte[] datagram) {
        RtcpRoundTrip.check(datagram);
    }
}
