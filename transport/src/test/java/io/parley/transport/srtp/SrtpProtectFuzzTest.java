package io.parley.transport.srtp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Random;

/**
 * Fuzz target of the send side: any bytes handed to {@link SrtpSession#protectRtp} under both
 * profiles must come back as an SRTP length or an {@code ERR_*} code, never a throw, and whatever
 * was protected must unprotect to the same bytes at the peer (jitsi-srtp's receive side against
 * our AES-CM sender). Seeds: {@code SrtpProtectFuzzTestInputs/protectAnything/}.
 */
class SrtpProtectFuzzTest {
    private final SrtpSession[] gcm = pair(SrtpProfile.AEAD_AES_128_GCM);
    private final SrtpSession[] cm = pair(SrtpProfile.AES128_CM_HMAC_SHA1_80);

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
        for (SrtpSession[] pair : new SrtpSession[][] {gcm, cm}) {
            byte[] buf = Arrays.copyOf(packet, packet.length + 16);
            int len = pair[0].protectRtp(buf, 0, packet.length);
            if (len < 0) {
                if (SrtpSession.describe(len).startsWith("unknown")) {
                    throw new AssertionError("unknown error code " + len);
                }
                continue;
            }
            int plain = pair[1].unprotectRtp(buf, 0, len);
            // The receiver's replay window may refuse a repeated index; anything else must round-trip.
            if (plain != SrtpSession.ERR_REPLAY
                    && (plain != packet.length || !Arrays.equals(buf, 0, plain, packet, 0, plain))) {
                throw new AssertionError(pair[0].profile() + ": protected " + packet.length
                        + " bytes, the peer unprotected " + SrtpSession.describe(plain) + " / " + plain);
            }
        }
    }
}
