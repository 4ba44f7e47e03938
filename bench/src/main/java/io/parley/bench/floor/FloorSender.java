package io.parley.bench.floor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes the floor's one RTP stream (RFC 3550, PT 96) at the load's rate from one UDP socket,
 * paced on a 1 ms tick: each tick sends every packet that is due, so a late tick catches up.
 * The payload starts with the send time ({@code System.nanoTime()}) and the 64-bit packet number,
 * both big-endian; the players read them to measure delay and loss on the same clock.
 */
final class FloorSender {
    static final int PAYLOAD_TYPE = 96;
    static final long SSRC = 0x0f10_0123L;
    private static final long TICK_NANOS = 1_000_000L;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final InetSocketAddress relay;
    private final FloorLoad load;
    private final Runnable atWindowStart;

    /**
     * @param atWindowStart runs on the sending thread just before the first measured packet
     *     ({@link FloorLoad#warmUpPackets()}) is sent
     */
    FloorSender(InetSocketAddress relay, FloorLoad load, Runnable atWindowStart) {
        this.relay = relay;
        this.load = load;
        this.atWindowStart = atWindowStart;
    }

    /** Sends the whole stream on the calling thread; returns when the last packet is sent. */
    void run() {
        long total = load.totalPackets();
        long warmUp = load.warmUpPackets();
        long rate = load.packetsPerSecond();
        byte[] packet = new byte[12 + load.payloadBytes()];
        ByteBuffer buf = ByteBuffer.wrap(packet);
        packet[0] = (byte) 0x80;
        packet[1] = (byte) PAYLOAD_TYPE;
        putInt(packet, 8, SSRC);
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            channel.connect(relay);
            long start = System.nanoTime();
            long n = 0;
            while (n < total) {
                long elapsed = System.nanoTime() - start;
                long due = Math.min(total, elapsed / 1000 * rate / 1_000_000 + 1);
                for (; n < due; n++) {
                    if (n == warmUp) {
                        atWindowStart.run();
                    }
                    packet[2] = (byte) (n >>> 8);
                    packet[3] = (byte) n;
                    putInt(packet, 4, n * 960); // an RTP clock; the relay does not read it
                    LONG.set(packet, 20, n);
                    LONG.set(packet, 12, System.nanoTime());
                    buf.clear();
                    channel.write(buf);
                }
                if (Thread.interrupted()) {
                    throw new IllegalStateException("the floor's sender was interrupted after " + n + " packets");
                }
                long nextTick = start + (elapsed / TICK_NANOS + 1) * TICK_NANOS;
                LockSupport.parkNanos(nextTick - System.nanoTime());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the floor's sender failed", e);
        }
    }

    private static void putInt(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
