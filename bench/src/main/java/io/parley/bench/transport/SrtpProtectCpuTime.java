package io.parley.bench.transport;

import io.parley.transport.srtp.SrtpKeys;
import io.parley.transport.srtp.SrtpProfile;
import io.parley.transport.srtp.SrtpSession;
import java.lang.management.ManagementFactory;
import java.util.Random;

/**
 * SRTP protect of a 1,200-byte RTP packet (RFC 3711, RFC 7714) timed by the thread's own CPU time
 * and allocation counter rather than the wall clock: on a machine shared with other builds the
 * wall clock also counts the time the thread waited for a core, its CPU time does not. A plain
 * program beside the JMH {@link SrtpBenchmark}, for comparing two builds of {@code SrtpSession}
 * run one after the other. Prints one line per round after two warm-up rounds.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.parley.bench.transport.SrtpProtectCpuTime PROFILE [ROUNDS]</pre>
 */
public final class SrtpProtectCpuTime {
    private static final int PACKETS_PER_ROUND = 300_000;

    private SrtpProtectCpuTime() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: SrtpProtectCpuTime AEAD_AES_128_GCM|AES128_CM_HMAC_SHA1_80 [ROUNDS]");
            System.exit(2);
        }
        SrtpProfile profile = SrtpProfile.valueOf(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] material = new byte[profile.keyingMaterialLength()];
        new Random(1).nextBytes(material);
        byte[] plain = new byte[1200];
        new Random(2).nextBytes(plain);
        plain[0] = (byte) 0x80;
        plain[1] = 96;
        byte[] buf = new byte[plain.length + 16];
        int seq = 0;
        try (SrtpSession session = new SrtpSession(SrtpKeys.fromExporter(profile, material, true))) {
            for (int round = 0; round < rounds + 2; round++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long bytes = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < PACKETS_PER_ROUND; i++) {
                    System.arraycopy(plain, 0, buf, 0, plain.length);
                    seq++;
                    buf[2] = (byte) (seq >> 8);
                    buf[3] = (byte) seq;
                    if (session.protectRtp(buf, 0, plain.length) < 0) {
                        throw new IllegalStateException("protect failed at packet " + seq);
                    }
                }
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
                if (round >= 2) {
                    System.out.printf("%s protect: %.0f ns of CPU, %.1f B allocated per packet%n",
                            profile, cpu / (double) PACKETS_PER_ROUND, bytes / (double) PACKETS_PER_ROUND);
                }
            }
        }
    }
}
