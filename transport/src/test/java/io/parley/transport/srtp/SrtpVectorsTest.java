package io.parley.transport.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.Hex;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.SrtpCipherCtr;
import org.jitsi.srtp.crypto.SrtpCipherGcm;
import org.junit.jupiter.api.Test;

/** Published SRTP vectors run through the cipher layers and the {@link SrtpSession} Parley uses. */
class SrtpVectorsTest {

    // RFC 3711 B.3 master key and salt; libsrtp's srtp_driver reference packets use the same pair,
    // so the packet vectors below also prove the B.3 key derivation.
    private static final byte[] MASTER_KEY = Hex.parse("e1f97a0d3e018be0d64fa32c06de4139");
    private static final byte[] MASTER_SALT = Hex.parse("0ec675ad498afeebb6960b3aabe6");

    private static byte[] keystream(byte[] key, String iv, int length) throws Exception {
        SrtpCipherCtr ctr = new SrtpCipherCtr(Aes.createCipher("AES/CTR/NoPadding"));
        ctr.init(key, null);
        ctr.setIV(Hex.parse(iv), Cipher.ENCRYPT_MODE);
        byte[] zeros = new byte[length];
        ctr.process(zeros, 0, length);
        return zeros;
    }

    @Test
    void rfc3711_b2_aes_cm_keystream() throws Exception {
        byte[] ks = keystream(Hex.parse("2B7E151628AED2A6ABF7158809CF4F3C"), "F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000", 65282 * 16);
        assertThat(Hex.of(Arrays.copyOf(ks, 48))).isEqualTo(Hex.of(Hex.parse("""
                E03EAD0935C95E80E166B16DD92B4EB4   # counter ...0000
                D23513162B02D0F72A43A2FE4A5F97AB   # counter ...0001
                41E95B3BB0A2E8DD477901E4FCA894C0   # counter ...0002
                """)));
        assertThat(Hex.of(Arrays.copyOfRange(ks, ks.length - 48, ks.length))).isEqualTo(Hex.of(Hex.parse("""
                EC8CDF7398607CB0F2D21675EA9EA1E4   # counter ...FEFF
                362B7C3C6773516318A077D7FC5073AE   # counter ...FF00
                6A2CC3787889374FBEB4C81B17BA6C44   # counter ...FF01
                """)));
    }

    @Test
    void rfc6188_7_1_aes_256_cm_keystream() throws Exception {
        byte[] key = Hex.parse("57f82fe3613fd170a85ec93c40b1f092 2ec4cb0dc025b58272147cc438944a98");
        byte[] ks = keystream(key, "F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000", 65282 * 16);
        assertThat(Hex.of(Arrays.copyOf(ks, 48))).isEqualTo(Hex.of(Hex.parse("""
                92bdd28a93c3f52511c677d08b5515a4   # counter ...0000
                9da71b2378a854f67050756ded165bac   # counter ...0001
                63c4868b7096d88421b563b8c94c9a31   # counter ...0002
                """)));
        assertThat(Hex.of(Arrays.copyOfRange(ks, ks.length - 48, ks.length))).isEqualTo(Hex.of(Hex.parse("""
                cea518c90fd91ced9cbb18c078a54711   # counter ...FEFF
                3dbc4814f4da5f00a08772b63c6a046d   # counter ...FF00
                6eb246913062a16891433e97dd01a57f   # counter ...FF01
                """)));
    }

    @Test
    void rfc7714_16_1_1_aead_aes_128_gcm_encryption() throws Exception {
        byte[] packet = Hex.parse("""
                8040f17b 8041f8d3 5501a0b2                   # RTP header: seq f17b, ts, SSRC 5501a0b2 (the AAD)
                47616c6c696120657374206f6d6e69732064697669   # "Gallia est omnis divi"
                736120696e207061727465732074726573           # "sa in partes tres"
                """);
        byte[] buf = Arrays.copyOf(packet, packet.length + 16);
        SrtpCipherGcm gcm = new SrtpCipherGcm(Aes.createCipher("AES/GCM/NoPadding"));
        gcm.init(Hex.parse("000102030405060708090a0b0c0d0e0f"), null);
        // RFC 7714 §8.1: IV = (0000 || SSRC || ROC || SEQ) XOR salt "Quid pro quo".
        gcm.setIV(Hex.parse("51753c6580c2726f20718414"), Cipher.ENCRYPT_MODE);
        gcm.processAAD(buf, 0, 12);
        int len = gcm.process(buf, 12, packet.length - 12);
        assertThat(Hex.of(buf, 0, 12 + len)).isEqualTo(Hex.of(Hex.parse("""
                8040f17b8041f8d35501a0b2                   # header, in the clear
                f24de3a3fb34de6cacba861c9d7e4bca           # ciphertext
                be633bd50d294e6f42a5f47a51c7d19b
                36de3adf8833
                899d7f27beb16a9152cf765ee4390cce           # 16-byte tag
                """)));
    }

    private static SrtpSession cmSession() {
        return new SrtpSession(new SrtpKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT, MASTER_KEY, MASTER_SALT));
    }

    private static final String RTP_PLAIN = """
            800f1234 decafbad cafebabe          # V=2 PT=15 seq=1234 ts ssrc=cafebabe
            abababababababababababababababab    # payload
            """;
    private static final String RTP_PROTECTED = """
            800f1234 decafbad cafebabe          # header, in the clear
            4e55dc4ce79978d88ca4d215949d2402    # AES-CM ciphertext
            b78d6acc99ea179b8dbb                # HMAC-SHA1-80 tag
            """;

    @Test
    void libsrtp_reference_rtp_packet_protects_and_unprotects() {
        try (SrtpSession s = cmSession()) {
            byte[] plain = Hex.parse(RTP_PLAIN);
            byte[] buf = Arrays.copyOf(plain, 64);
            int len = s.protectRtp(buf, 0, plain.length);
            assertThat(Hex.of(buf, 0, len)).isEqualTo(Hex.of(Hex.parse(RTP_PROTECTED)));

            byte[] wire = Hex.parse(RTP_PROTECTED);
            assertThat(s.unprotectRtp(wire, 0, wire.length)).isEqualTo(plain.length);
            assertThat(Hex.of(wire, 0, plain.length)).isEqualTo(Hex.of(plain));
        }
    }

    @Test
    void libsrtp_reference_rtcp_packet_protects_and_unprotects() {
        String plainHex = """
                81c8000b cafebabe                   # SR header, sender SSRC cafebabe
                abababababababababababababababab    # body
                """;
        String protectedHex = """
                81c8000b cafebabe                   # header, in the clear
                7128035be487b9bdbef89041f977a5a8    # ciphertext
                80000001                            # E=1, SRTCP index 1
                993e08cd54d6c1230798                # HMAC-SHA1-80 tag
                """;
        try (SrtpSession s = cmSession()) {
            byte[] plain = Hex.parse(plainHex);
            // jitsi-srtp numbers its first SRTCP packet 0, libsrtp 1 (both allowed, RFC 3711 §3.4);
            // the second packet carries index 1 and must match libsrtp's byte for byte.
            assertThat(s.protectRtcp(Arrays.copyOf(plain, 64), 0, plain.length)).isPositive();
            byte[] buf = Arrays.copyOf(plain, 64);
            int len = s.protectRtcp(buf, 0, plain.length);
            assertThat(Hex.of(buf, 0, len)).isEqualTo(Hex.of(Hex.parse(protectedHex)));

            byte[] wire = Hex.parse(protectedHex);
            assertThat(s.unprotectRtcp(wire, 0, wire.length)).isEqualTo(plain.length);
            assertThat(Hex.of(wire, 0, plain.length)).isEqualTo(Hex.of(plain));
        }
    }

    @Test
    void a_replayed_packet_is_refused_and_counted() {
        try (SrtpSession s = cmSession()) {
            byte[] first = Hex.parse(RTP_PROTECTED);
            byte[] again = Hex.parse(RTP_PROTECTED);
            assertThat(s.unprotectRtp(first, 0, first.length)).isPositive();
            assertThat(s.unprotectRtp(again, 0, again.length)).isEqualTo(SrtpSession.ERR_REPLAY);
            assertThat(s.replays()).isEqualTo(1);
        }
    }

    @Test
    void a_flipped_bit_fails_authentication_and_is_counted() {
        try (SrtpSession s = cmSession()) {
            byte[] wire = Hex.parse(RTP_PROTECTED);
            wire[14] ^= 1;
            assertThat(s.unprotectRtp(wire, 0, wire.length)).isEqualTo(SrtpSession.ERR_AUTH);
            assertThat(s.authFailures()).isEqualTo(1);
            assertThat(SrtpSession.describe(SrtpSession.ERR_AUTH)).isEqualTo("authentication tag did not verify");
        }
    }

    @Test
    void truncated_and_non_rtp_input_is_malformed_not_thrown() {
        try (SrtpSession s = cmSession()) {
            assertThat(s.unprotectRtp(new byte[8], 0, 8)).isEqualTo(SrtpSession.ERR_MALFORMED);
            byte[] v1 = Hex.parse(RTP_PROTECTED);
            v1[0] = 0x40;
            assertThat(s.unprotectRtp(v1, 0, v1.length)).isEqualTo(SrtpSession.ERR_MALFORMED);
            assertThat(s.unprotectRtcp(new byte[12], 0, 12)).isEqualTo(SrtpSession.ERR_MALFORMED);
            assertThat(s.malformedPackets()).isEqualTo(3);
        }
    }

    @Test
    void no_room_for_the_tag_is_reported() {
        try (SrtpSession s = cmSession()) {
            byte[] plain = Hex.parse(RTP_PLAIN);
            assertThat(s.protectRtp(plain, 0, plain.length)).isEqualTo(SrtpSession.ERR_NO_ROOM);
        }
    }
}
