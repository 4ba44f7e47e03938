package io.parley.transport.srtp;

import static io.parley.transport.srtp.RtpPackets.rtp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both profiles between two sessions keyed as DTLS-SRTP keys them (RFC 5764 §4.2). */
class SrtpRoundTripTest {

    private static SrtpSession[] pair(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new Random(7).nextBytes(material);
        return new SrtpSession[] {
            new SrtpSession(SrtpKeys.fromExporter(profile, material, true)),
            new SrtpSession(SrtpKeys.fromExporter(profile, material, false)),
        };
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtp_crosses_the_rollover_of_the_sequence_number(SrtpProfile profile) {
        SrtpSession[] s = pair(profile);
        // 65530 .. 65545: the ROC must advance to 1 at the wrap (RFC 3711 §3.3.1).
        for (int i = 65530; i < 65546; i++) {
            byte[] p = rtp(i & 0xFFFF, 0x1234, 1200);
            byte[] copy = p.clone();
            int len = s[0].protectRtp(p, 0, 12 + 1200);
            assertThat(len).isEqualTo(12 + 1200 + profile.tagLength());
            assertThat(s[1].unprotectRtp(p, 0, len)).isEqualTo(12 + 1200);
            assertThat(Arrays.copyOf(p, 1212)).isEqualTo(Arrays.copyOf(copy, 1212));
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcp_goes_both_ways(SrtpProfile profile) {
        SrtpSession[] s = pair(profile);
        for (int dir = 0; dir < 2; dir++) {
            byte[] p = new byte[64];
            p[0] = (byte) 0x81;
            p[1] = (byte) 201;
            p[3] = 7;
            p[7] = 9;
            byte[] copy = p.clone();
            int len = s[dir].protectRtcp(p, 0, 32);
            assertThat(len).isEqualTo(32 + profile.tagLength() + 4);
            assertThat(s[1 - dir].unprotectRtcp(p, 0, len)).isEqualTo(32);
            assertThat(Arrays.copyOf(p, 32)).isEqualTo(Arrays.copyOf(copy, 32));
        }
    }

    @Test
    void the_wrong_keys_fail_authentication() {
        SrtpSession[] a = pair(SrtpProfile.AEAD_AES_128_GCM);
        byte[] other = new byte[SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()];
        SrtpSession stranger = new SrtpSession(SrtpKeys.fromExporter(SrtpProfile.AEAD_AES_128_GCM, other, false));
        byte[] p = rtp(1, 5, 100);
        int len = a[0].protectRtp(p, 0, 112);
        assertThat(stranger.unprotectRtp(p, 0, len)).isEqualTo(SrtpSession.ERR_AUTH);
    }

    @Test
    void more_ssrcs_than_the_limit_are_refused() {
        SrtpSession[] s = pair(SrtpProfile.AES128_CM_HMAC_SHA1_80);
        for (int ssrc = 0; ssrc < SrtpSession.MAX_SSRCS; ssrc++) {
            assertThat(s[0].protectRtp(rtp(1, ssrc, 10), 0, 22)).isPositive();
        }
        assertThat(s[0].protectRtp(rtp(1, 99999, 10), 0, 22)).isEqualTo(SrtpSession.ERR_TOO_MANY_SSRCS);
    }
}
