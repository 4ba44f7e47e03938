package io.parley.transport.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;

/**
 * AES in counter mode as SRTP defines it (RFC 3711 §4.1.1): the keystream is AES of the 128-bit
 * blocks IV, IV + 1, ... and is XORed over the data. The counter blocks are encrypted with one
 * reused AES/ECB cipher into a reused array, so no packet allocates and no cipher is re-initialised
 * per packet (the JDK's AES/CTR needs a fresh IV object and re-init for every IV). Not thread-safe.
 */
final class AesCounterMode {
    private static final int BLOCK = 16;
    // OpenSSL's ECB (through jitsi-srtp's JCE provider, when its native library loads) encrypts the
    // blocks of a packet in parallel: about 0.2 µs for 1,200 bytes here against the JDK's 0.6 µs.
    private static final Provider OPENSSL = JitsiOpenSslProvider.isLoaded() ? new JitsiOpenSslProvider() : null;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** The longest data {@link #apply} accepts: a whole datagram of the port. */
    static final int MAX_LENGTH = 2048;
    // Per thread, not per session: 50 players' sessions would otherwise each keep 4 KiB hot in cache.
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new byte[][] {new byte[MAX_LENGTH], new byte[MAX_LENGTH]});

    private final Cipher ecb;

    AesCounterMode(byte[] key) {
        try {
            ecb = OPENSSL != null ? Cipher.getInstance("AES/ECB/NoPadding", OPENSSL) : Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JCE lacks AES/ECB for SRTP", e);
        }
    }

    /**
     * XORs the keystream that starts at {@code iv} (16 bytes, its last two bytes the block
     * counter, zero) over {@code data[off, off + len)} in place; {@code len} is at most
     * {@link #MAX_LENGTH}.
     */
    void apply(byte[] iv, byte[] data, int off, int len) {
        byte[][] scratch = SCRATCH.get();
        byte[] counters = scratch[0];
        byte[] keystream = scratch[1];
        int blocks = (len + BLOCK - 1) / BLOCK;
        // Block b is the IV plus b: two long stores each. The IV's low 16 bits are zero (RFC 3711
        // §4.1.1) and a datagram has far fewer than 2^16 blocks, so the addition never carries out.
        long high = (long) LONGS.get(iv, 0);
        long low = (long) LONGS.get(iv, 8);
        for (int b = 0, at = 0; b < blocks; b++, at += BLOCK) {
            LONGS.set(counters, at, high);
            LONGS.set(counters, at + 8, low + b);
        }
        try {
            ecb.update(counters, 0, blocks * BLOCK, keystream, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("keystream buffer sized for " + keystream.length + " bytes", e);
        }
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            LONGS.set(data, off + i, (long) LONGS.get(data, off + i) ^ (long) LONGS.get(keystream, i));
        }
        for (; i < len; i++) {
            data[off + i] ^= keystream[i];
        }
    }

    /** Returns {@code len} bytes of keystream from {@code iv}: the PRF of RFC 3711 §4.3.3. */
    byte[] keystream(byte[] iv, int len) {
        byte[] out = new byte[len];
        apply(iv, out, 0, len);
        return out;
    }
}
