package io.parley.transport.srtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Random;

/**
 * Fuzz target of the send side: any bytes handed to {@link SrtpSession#protectRtp} under both
 * profiles must come back as an SRTP length or an {@code ERR_*} code, never a throw, and whatever
 * was protected must unprotect to the same bytes at the peer (jitsi-srtp's receive side against
 * our AES-CM sender). Each input gets fresh sessions, so that a finding replays from its file
 * alone (sessions kept across inputs drift apart wherever the receiver's replay window refuses
 * what the sender's let through). Seeds: {@code SrtpProtectFuzzTestInputs/protectAnything/}.
 */
class SrtpProtectFuzzTest {

    private static SrtpSession[] pair(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new Random(5).nextBytes(material);
        return new SrtpSession[] {
            new SrtpSession(SrtpKeys.fromExporter(profile, material, false)),
            new SrtpSession(SrtpKeys.fromExporter(profile, material, true)),
        };
    }

    @FuzzTest(maxDuration = "60s")
    void protectAnything(byte[] packet) {
        for (SrtpProfile profile : SrtpProfile.values()) {
            SrtpSession[] pair = pair(profile);
            try {
                roundTrip(pair, packet);
            } finally {
                pair[0].close();
                pair[1].close();
            }
        }
    }

    private static void roundTrip(SrtpSession[] pair, byte[] packet) {
        byte[] buf = Arrays.copyOf(packet, packet.length + 16);
        int len = pair[0].protectRtp(buf, 0, packet.length);
        if (len < 0) {
            if (SrtpSession.describe(len).startsWith("unknown")) {
                throw new AssertionError("unknown error code " + len);
            }
            return;
        }
        int plain = pair[1].unprotectRtp(buf, 0, len);
        if (plain != packet.length || !Arrays.equals(buf, 0, plain, packet, 0, plain)) {
            throw new AssertionError(pair[0].profile() + ": protected " + packet.length
                    + " bytes, the peer unprotected " + SrtpSession.describe(plain) + " / " + plain);
        }
    }
}
