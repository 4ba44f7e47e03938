package io.parley.bench.transport;

import io.parley.transport.srtp.SrtpKeys;
import io.parley.transport.srtp.SrtpProfile;
import io.parley.transport.srtp.SrtpSession;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * SRTP (RFC 3711, RFC 7714) on a 1,200-byte RTP packet through {@link SrtpSession}, both DTLS-SRTP
 * profiles. The replay window forbids unprotecting one packet twice, so unprotect is measured as
 * {@code protectThenUnprotect} minus {@code protect}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SrtpBenchmark {
    private static final int PAYLOAD = 1200 - 12;

    @Param({"AEAD_AES_128_GCM", "AES128_CM_HMAC_SHA1_80"})
    public SrtpProfile profile;

    private SrtpSession sender;
    private SrtpSession receiver;
    private final byte[] plain = new byte[12 + PAYLOAD];
    private final byte[] buf = new byte[12 + PAYLOAD + 16];
    private int seq;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new Random(1).nextBytes(material);
        sender = new SrtpSession(SrtpKeys.fromExporter(profile, material, true));
        receiver = new SrtpSession(SrtpKeys.fromExporter(profile, material, false));
        new Random(2).nextBytes(plain);
        plain[0] = (byte) 0x80;
        plain[1] = 96;
        plain[8] = 0x12;
        plain[11] = 0x34;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sender.close();
        receiver.close();
    }

    private int protectNext() {
        System.arraycopy(plain, 0, buf, 0, plain.length);
        int s = seq++;
        buf[2] = (byte) (s >> 8);
        buf[3] = (byte) s;
        return sender.protectRtp(buf, 0, plain.length);
    }

    @Benchmark
    public int protect() {
        return protectNext();
    }

    @Benchmark
    public int protectThenUnprotect() {
        int len = protectNext();
        return receiver.unprotectRtp(buf, 0, len);
    }
}
