package io.parley.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The C relay against RFC 7714's own vector, its rollover counter across a sequence wrap, and bad
 * input: each is counted, dropped, and harms nothing after it.
 */
@Timeout(120)
class RelayProtectVectorTest {
    private static final HexFormat HEX = HexFormat.of();
    /** RFC 7714 section 16.1.1: key, and the salt "Quid pro quo". */
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] SALT = HEX.parseHex("517569642070726f2071756f");
    private static final long RFC_SSRC = 0x5501a0b2L;

    private DatagramSocket player;
    private DatagramSocket publisher;
    private FloorProcess relay;

    @BeforeEach
    void open() throws Exception {
        player = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        player.setSoTimeout(2000);
        publisher = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void close() {
        if (relay != null) {
            relay.close();
        }
        player.close();
        publisher.close();
    }

    private void startRelay(long ssrc, int sequenceOffset) {
        FloorPlayer p = new FloorPlayer((InetSocketAddress) player.getLocalSocketAddress(), ssrc, sequenceOffset, KEY, SALT);
        relay = FloorProcess.start(FloorBuild.relayBinary(), List.of(p), Duration.ofSeconds(60));
    }

    private void publish(String hex) throws Exception {
        byte[] b = HEX.parseHex(hex.replaceAll("\\s|#[^\\n]*", ""));
        publisher.send(new DatagramPacket(b, b.length, relay.address()));
    }

    private byte[] receive() throws Exception {
        DatagramPacket d = new DatagramPacket(new byte[2048], 2048);
        player.receive(d);
        return Arrays.copyOf(d.getData(), d.getLength());
    }

    private static final String RFC_PLAIN = """
            8040f17b 8041f8d3 5501a0b2                   # RTP header: seq f17b, ts, SSRC 5501a0b2 (the AAD)
            47616c6c696120657374206f6d6e69732064697669   # "Gallia est omnis divi"
            736120696e207061727465732074726573           # "sa in partes tres"
            """;

    @Test
    void protects_as_rfc_7714_section_16_1_1() throws Exception {
        startRelay(RFC_SSRC, 0); // the player keeps the RFC's SSRC and sequence, so the output is the RFC's
        publish(RFC_PLAIN);
        assertThat(HEX.formatHex(receive())).isEqualTo((""
                + "8040f17b8041f8d35501a0b2"           // header, in the clear
                + "f24de3a3fb34de6cacba861c9d7e4bca"   // ciphertext
                + "be633bd50d294e6f42a5f47a51c7d19b"
                + "36de3adf8833"
                + "899d7f27beb16a9152cf765ee4390cce")); // 16-byte tag
        RelayCounters c = relay.stop();
        assertThat(c.in()).isEqualTo(1);
        assertThat(c.out()).isEqualTo(1);
        assertThat(c.cpuSeconds()).isPositive();
    }

    @Test
    void the_rollover_counter_counts_the_players_sequence_wrap() throws Exception {
        startRelay(0x01020304L, 3); // published fffe becomes 0001 with ROC 1 for this player
        publish("8060fffd 00000010 cafebabe 0102030405060708");
        publish("8060fffe 00000020 cafebabe 1112131415161718");
        byte[] before = receive();
        byte[] after = receive();
        assertThat(ByteBuffer.wrap(before, 2, 2).getShort() & 0xffff).isEqualTo(0x0000);
        assertThat(ByteBuffer.wrap(after, 2, 2).getShort() & 0xffff).isEqualTo(0x0001);
        assertThat(ByteBuffer.wrap(after, 8, 4).getInt()).isEqualTo(0x01020304);
        assertThat(HEX.formatHex(SrtpGcmCheck.unprotect(KEY, SALT, 1, before, before.length))).isEqualTo("0102030405060708");
        assertThat(HEX.formatHex(SrtpGcmCheck.unprotect(KEY, SALT, 1, after, after.length))).isEqualTo("1112131415161718");
        assertThatThrownBy(() -> SrtpGcmCheck.unprotect(KEY, SALT, 0, after, after.length))
                .isInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void bad_datagrams_are_counted_and_dropped_and_the_stream_goes_on() throws Exception {
        startRelay(RFC_SSRC, 0);
        publish("68656c6c6f");                         // "hello": not RTP (first byte outside 128..191)
        publish("8040f17b 8041f8d3");                  // RTP cut inside the fixed header
        publish("9040f17b 8041f8d3 5501a0b2 bede0009"); // extension longer than the packet
        publish("a040f17b 8041f8d3 5501a0b2 00000004"); // padding: refused
        publish("4040f17b 8041f8d3 5501a0b2 00");      // version 1
        publish(RFC_PLAIN);
        byte[] out = receive();
        assertThat(out).hasSize(12 + 38 + 16);
        assertThat(SrtpGcmCheck.unprotect(KEY, SALT, 0, out, out.length)).hasSize(38);
        player.setSoTimeout(200);
        assertThatThrownBy(this::receive).isInstanceOf(SocketTimeoutException.class); // nothing else was forwarded
        RelayCounters c = relay.stat();
        assertThat(c.malformed()).isEqualTo(5);
        assertThat(c.in()).isEqualTo(1);
        assertThat(c.out()).isEqualTo(1);
    }
    @Test
    void random_datagrams_are_each_dropped_or_forwarded_and_the_relay_lives_on() throws Exception {
        startRelay(RFC_SSRC, 0);
        List<byte[]> forwarded = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        player.setSoTimeout(50);
        Thread drain = new Thread(() -> {
            while (!player.isClosed()) {
                try {
                    forwarded.add(receive());
                } catch (SocketTimeoutException e) {
                    // keep listening until the test closes the socket
                } catch (Exception e) {
                    return;
                }
            }
        }, "player-drain");
        drain.setDaemon(true);
        drain.start();

        java.util.Random random = new java.util.Random(7714);
        int sent = 2000;
        for (int i = 0; i < sent; i++) {
            byte[] d = new byte[random.nextInt(300)];
            random.nextBytes(d);
            if (d.length > 0 && random.nextBoolean()) {
                d[0] = (byte) (0x80 | (d[0] & 0x1f)); // version 2, no padding: half of them look like RTP
            }
            publisher.send(new DatagramPacket(d, d.length, relay.address()));
            if (i % 100 == 0) {
                Thread.sleep(1);
            }
        }
        publish(RFC_PLAIN);
        sent++;

        RelayCounters c = relay.stat();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (c.in() + c.malformed() < sent && System.nanoTime() < deadline) {
            Thread.sleep(10);
            c = relay.stat();
        }
        assertThat(c.in() + c.malformed()).as("every datagram is counted once").isEqualTo(sent);
        assertThat(c.in()).isPositive();
        assertThat(c.malformed()).isPositive();
        assertThat(c.out()).isEqualTo(c.in());
        assertThat(c.sendErrors() + c.cryptoErrors()).isZero();
        while (forwarded.size() < c.out() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(forwarded).hasSize((int) c.out());
        byte[] last = forwarded.get(forwarded.size() - 1);
        assertThat(HEX.formatHex(last, 0, 12)).isEqualTo("8040f17b8041f8d35501a0b2");
        // random sequence numbers moved the relay's rollover counter; one small ROC verifies
        int verified = 0;
        for (long roc = 0; roc < 4096; roc++) {
            try {
                SrtpGcmCheck.unprotect(KEY, SALT, roc, last, last.length);
                verified++;
            } catch (javax.crypto.AEADBadTagException e) {
                // not this ROC
            }
        }
        assertThat(verified).isEqualTo(1);
    }
}
