package io.parley.transport.srtp;

import static io.parley.transport.srtp.RtpPackets.rtp;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Parley's own AES-CM / HMAC-SHA1-80 RTP protection against the published vectors (RFC 3711 B.2,
 * B.3, RFC 2202) and against jitsi-srtp's unprotect, which stays the receive side.
 */
class AesCmRtpSenderTest {
    private static final byte[] MASTER_KEY = Hex.parse("e1f97a0d3e018be0d64fa32c06de4139");
    private static final byte[] MASTER_SALT = Hex.parse("0ec675ad498afeebb6960b3aabe6");

    @Test
    void rfc3711_b2_keystream_of_the_first_blocks() {
        AesCounterMode ctr = new AesCounterMode(Hex.parse("2B7E151628AED2A6ABF7158809CF4F3C"));
        byte[] ks = ctr.keystream(Hex.parse("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), 48);
        assertThat(Hex.of(ks)).isEqualTo(Hex.of(Hex.parse("""
                E03EAD0935C95E80E166B16DD92B4EB4   # counter ...0000
                D23513162B02D0F72A43A2FE4A5F97AB   # counter ...0001
                41E95B3BB0A2E8DD477901E4FCA894C0   # counter ...0002
                """)));
    }

    @Test
    void rfc3711_b3_session_keys() {
        SrtpKeyDerivation kdf = new SrtpKeyDerivation(MASTER_KEY, MASTER_SALT);
        assertThat(Hex.of(kdf.derive(SrtpKeyDerivation.LABEL_RTP_ENCRYPTION, 16)))
                .isEqualTo(Hex.of(Hex.parse("C61E7A93744F39EE10734AFE3FF7A087")));
        assertThat(Hex.of(kdf.derive(SrtpKeyDerivation.LABEL_RTP_SALT, 14)))
                .isEqualTo(Hex.of(Hex.parse("30CBBC08863D8C85D49DB34A9AE1")));
        assertThat(Hex.of(kdf.derive(SrtpKeyDerivation.LABEL_RTP_AUTHENTICATION, 20)))
                .isEqualTo(Hex.of(Hex.parse("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4")));
    }

    @Test
    void rfc2202_hmac_sha1_and_the_jdk_agree() throws Exception {
        HmacSha1 mac = new HmacSha1(Hex.parse("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        byte[] hi = "Hi There".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[20];
        mac.start();
        mac.update(hi, 0, hi.length);
        mac.finish(out, 0, 20);
        assertThat(Hex.of(out)).isEqualTo(Hex.of(Hex.parse("b617318655057264e28bc0b6fb378c8ef146be00")));

        // RFC 2202 test 6: a key longer than the block is hashed first.
        byte[] longKey = new byte[80];
        Arrays.fill(longKey, (byte) 0xaa);
        Random random = new Random(3);
        byte[] data = new byte[1500];
        random.nextBytes(data);
        HmacSha1 ours = new HmacSha1(longKey);
        Mac jdk = Mac.getInstance("HmacSHA1");
        jdk.init(new SecretKeySpec(longKey, "HmacSHA1"));
        for (int n : new int[] {0, 1, 55, 64, 1500}) {
            ours.start();
            ours.update(data, 0, n);
            ours.finish(out, 0, 20);
            jdk.update(data, 0, n);
            assertThat(out).isEqualTo(jdk.doFinal());
        }
    }

    private static SrtpSession[] pair() {
        byte[] material = new byte[SrtpProfile.AES128_CM_HMAC_SHA1_80.keyingMaterialLength()];
        new Random(11).nextBytes(material);
        return new SrtpSession[] {
            new SrtpSession(SrtpKeys.fromExporter(SrtpProfile.AES128_CM_HMAC_SHA1_80, material, true)),
            new SrtpSession(SrtpKeys.fromExporter(SrtpProfile.AES128_CM_HMAC_SHA1_80, material, false)),
        };
    }

    @Test
    void jitsi_srtp_unprotects_what_we_protect_with_csrcs_extensions_and_reordering_over_the_wrap() {
        SrtpSession[] s = pair();
        // In order up to the wrap, then 65535 and 0 swapped, as a forwarded reordering would send them.
        int[] order = {65530, 65531, 65532, 65533, 65534, 0, 65535, 1, 2, 3};
        for (int k = 0; k < order.length; k++) {
            int seq = order[k];
            byte[] p = rtp(seq, 0xCAFEBABE, k % 3, k % 4, 1 + 97 * k);
            int plainLen = p.length - 16;
            byte[] copy = p.clone();
            int len = s[0].protectRtp(p, 0, plainLen);
            assertThat(len).isEqualTo(plainLen + 10);
            assertThat(s[1].unprotectRtp(p, 0, len)).as("seq %d", seq).isEqualTo(plainLen);
            assertThat(Arrays.copyOf(p, plainLen)).isEqualTo(Arrays.copyOf(copy, plainLen));
        }
    }

    @Test
    void an_index_is_protected_once() {
        SrtpSession[] s = pair();
        byte[] p = rtp(100, 7, 0, 0, 50);
        assertThat(s[0].protectRtp(p.clone(), 0, 62)).isEqualTo(72);
        assertThat(s[0].protectRtp(p.clone(), 0, 62)).isEqualTo(SrtpSession.ERR_REPLAY);
        assertThat(s[0].protectRtp(rtp(30, 7, 0, 0, 50), 0, 62)).isEqualTo(SrtpSession.ERR_REPLAY);
        assertThat(s[0].protectRtp(rtp(99, 7, 0, 0, 50), 0, 62)).isEqualTo(72);
        assertThat(s[0].replays()).isEqualTo(2);
    }

    @Test
    void a_header_longer_than_the_packet_is_malformed() {
        SrtpSession[] s = pair();
        byte[] p = rtp(1, 7, 0, 2, 0);
        p[15] = 40;
        assertThat(s[0].protectRtp(p, 0, p.length - 16)).isEqualTo(SrtpSession.ERR_MALFORMED);
        byte[] csrcs = rtp(1, 7, 0, 0, 8);
        csrcs[0] = (byte) 0x8F;
        assertThat(s[0].protectRtp(csrcs, 0, 20)).isEqualTo(SrtpSession.ERR_MALFORMED);
        assertThat(s[0].malformedPackets()).isEqualTo(2);
    }

    @Test
    void a_closed_session_protects_nothing() {
        SrtpSession[] s = pair();
        s[0].close();
        assertThat(s[0].protectRtp(rtp(1, 7, 0, 0, 8), 0, 20)).isEqualTo(SrtpSession.ERR_CLOSED);
    }
}
