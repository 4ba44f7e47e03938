package io.parley.bench.floor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor's players: one UDP socket each, all on one selector thread, so the receive side stays
 * cheap beside the relay. Each packet's send time and number are read by decrypting only the
 * payload's first 16 bytes: GCM is counter mode, and the first payload block is AES(IV || 00000002)
 * XOR the plaintext (NIST SP 800-38D section 7.1, a 96-bit IV); the tag is left to a
 * {@link PlayerPacketListener}. Delay and loss count the packets numbered in the measured window.
 */
final class FloorReceiver implements AutoCloseable {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int RECEIVE_BUFFER_BYTES = 1 << 20;

    private final Selector selector;
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final DelayHistogram delays = new DelayHistogram();
    private final ByteBuffer buf = ByteBuffer.allocate(2048);
    private final byte[] counterBlock = new byte[16];
    private final byte[] keyStream = new byte[16];
    private Thread thread;
    private volatile boolean running;
    private volatile long measuredReceived;
    private volatile RuntimeException failure;
    private long windowFrom;
    private long windowTo;
    private PlayerPacketListener listener;

    /** One player's socket and its receive state. */
    private static final class Track {
        final FloorPlayer player;
        final Cipher blockCipher;
        final SrtpIndex index = new SrtpIndex();

        Track(FloorPlayer player) throws GeneralSecurityException {
            this.player = player;
            this.blockCipher = Cipher.getInstance("AES/ECB/NoPadding");
            blockCipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(player.key(), "AES"));
        }
    }

    private FloorReceiver(Selector selector) {
        this.selector = selector;
    }

    /** Binds {@code players} sockets on 127.0.0.1. */
    static FloorReceiver open(int players) {
        FloorReceiver r;
        try {
            r = new FloorReceiver(Selector.open());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        try {
            for (int i = 0; i < players; i++) {
                DatagramChannel ch = DatagramChannel.open();
                r.channels.add(ch);
                ch.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
                ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ch.configureBlocking(false);
            }
            return r;
        } catch (IOException e) {
            r.close();
            throw new UncheckedIOException("cannot bind " + players + " player sockets", e);
        }
    }

    /** The players' addresses, in order. */
    List<InetSocketAddress> addresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (DatagramChannel ch : channels) {
            try {
                out.add((InetSocketAddress) ch.getLocalAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * Starts receiving from {@code relay} for {@code players} (in the order of {@link #addresses()}),
     * measuring the packets numbered {@code windowFrom} (inclusive) to {@code windowTo} (exclusive).
     */
    void start(List<FloorPlayer> players, InetSocketAddress relay, long windowFrom, long windowTo, PlayerPacketListener listener) {
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.listener = listener;
        try {
            for (int i = 0; i < channels.size(); i++) {
                Track t = new Track(players.get(i));
                DatagramChannel ch = channels.get(i);
                ch.connect(relay); // read() then takes only the relay's datagrams, without a sender address per packet
                ch.register(selector, SelectionKey.OP_READ, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect the player sockets to the relay", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is missing from this JDK", e);
        }
        running = true;
        thread = new Thread(this::loop, "floor-players");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    drain((DatagramChannel) key.channel(), (Track) key.attachment());
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            failure = new IllegalStateException("the floor's receive side failed", e);
        }
    }

    private void drain(DatagramChannel ch, Track t) throws IOException, GeneralSecurityException {
        while (true) {
            buf.clear();
            int len = ch.read(buf);
            if (len <= 0) {
                return;
            }
            long arrival = System.nanoTime();
            onPacket(t, buf.array(), len, arrival);
        }
    }

    private void onPacket(Track t, byte[] p, int len, long arrival) throws GeneralSecurityException {
        int hlen = rtpHeaderLength(p, len);
        if (hlen < 0 || len < hlen + 16 + 16 || readUint32(p, 8) != t.player.ssrc()) {
            return; // not the relay's packet for this player: it counts as lost
        }
        int sequence = ((p[2] & 0xff) << 8) | (p[3] & 0xff);
        long index = t.index.estimate(sequence);
        t.player.iv(index >>> 16, sequence, counterBlock);
        counterBlock[12] = 0;
        counterBlock[13] = 0;
        counterBlock[14] = 0;
        counterBlock[15] = 2;
        t.blockCipher.update(counterBlock, 0, 16, keyStream, 0);
        long sentAt = (long) LONG.get(p, hlen) ^ (long) LONG.get(keyStream, 0);
        long number = (long) LONG.get(p, hlen + 8) ^ (long) LONG.get(keyStream, 8);
        if (number >= windowFrom && number < windowTo) {
            delays.recordNanos(arrival - sentAt);
            measuredReceived = measuredReceived + 1; // one writer: this thread
        }
        if (listener != null) {
            listener.onPacket(t.player, p, len);
        }
    }

    /** RFC 3550 section 5.1: fixed header, CSRCs and extension; -1 when it is not that. */
    static int rtpHeaderLength(byte[] p, int len) {
        if (len < 12 || (p[0] & 0xc0) != 0x80) {
            return -1;
        }
        int h = 12 + 4 * (p[0] & 0x0f);
        if ((p[0] & 0x10) != 0) {
            if (len < h + 4) {
                return -1;
            }
            h += 4 + 4 * (((p[h + 2] & 0xff) << 8) | (p[h + 3] & 0xff));
        }
        return h <= len ? h : -1;
    }

    private static long readUint32(byte[] p, int at) {
        return ((p[at] & 0xffL) << 24) | ((p[at + 1] & 0xffL) << 16) | ((p[at + 2] & 0xffL) << 8) | (p[at + 3] & 0xffL);
    }

    /** Packets numbered in the window received so far, by all players; readable from any thread. */
    long measuredReceived() {
        return measuredReceived;
    }

    /**
     * Stops the receive thread and returns its delays; from then on the counts are stable.
     *
     * @throws IllegalStateException when the receive side failed
     */
    DelayHistogram stop() {
        running = false;
        if (thread != null) {
            selector.wakeup();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                throw new IllegalStateException("the floor's receive thread did not stop");
            }
        }
        if (failure != null) {
            throw failure;
        }
        return delays;
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        for (DatagramChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing: nothing left to tell
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
