package io.parley.sdk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.wire.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A tone through PcmSource's concentus encoder, our RTP, and PcmSink's concentus decoder. */
@Timeout(30)
class PcmRoundTripTest {
    private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(1);

    @AfterEach
    void stopPacer() {
        pacer.shutdownNow();
    }

    static short[] tone(double hz, int channels, int samplesPerChannel, double amplitude) {
        short[] pcm = new short[samplesPerChannel * channels];
        for (int i = 0; i < samplesPerChannel; i++) {
            short v = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / 48_000));
            for (int c = 0; c < channels; c++) {
                pcm[i * channels + c] = v;
            }
        }
        return pcm;
    }

    /** Goertzel's power of {@code hz} in the first channel of {@code pcm}. */
    static double power(short[] pcm, int channels, double hz) {
        double k = 2 * Math.cos(2 * Math.PI * hz / 48_000);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < pcm.length / channels; i++) {
            double s = pcm[i * channels] + k * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - k * s1 * s2;
    }

    static double rms(short[] pcm, int channels) {
        double sum = 0;
        int n = pcm.length / channels;
        for (int i = 0; i < n; i++) {
            sum += (double) pcm[i * channels] * pcm[i * channels];
        }
        return Math.sqrt(sum / n);
    }

    @ParameterizedTest
    @CsvSource({"440, 1, 1", "1000, 2, 2", "440, 2, 1"})
    void aToneComesOutAtItsFrequency(double hz, int inChannels, int outChannels) throws Exception {
        PcmSource source = new PcmSource(inChannels, 64_000, 100);
        short[] decoded = new short[48_000 * 2 * outChannels];
        int[] got = {0};
        PcmSink sink = new PcmSink((pcm, samples, channels) -> {
            synchronized (decoded) {
                int n = Math.min(samples * channels, decoded.length - got[0]);
                System.arraycopy(pcm, 0, decoded, got[0], n);
                got[0] += n;
            }
        }, outChannels);
        RtpPacketizer packetizer = new RtpPacketizer(MediaKind.AUDIO, 1, 111, 1200);

        short[] oneSecond = tone(hz, inChannels, 48_000, 0.5);
        for (int at = 0; at < 48_000; at += 480) { // pushed in 10 ms pieces, as an app's audio callback would
            source.push(oneSecond, at * inChannels, 480);
        }
        assertThat(source.queued()).isEqualTo(50);
        source.start((kind, data, off, len, ts, key) -> packetizer.packetize(data, off, len, ts, key,
                (b, o, l) -> sink.onRtp(MediaKind.AUDIO, b, o, l, System.nanoTime())), pacer);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (source.packetsSent() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        source.stop();
        assertThat(sink.packetsDecoded()).isEqualTo(50);

        short[] out;
        synchronized (decoded) {
            assertThat(got[0]).isEqualTo(48_000 * outChannels);
            // Past the codec's start-up (its look-ahead and first frames), as a listener would judge it.
            out = Arrays.copyOfRange(decoded, 4800 * outChannels, got[0]);
        }
        double at = power(out, outChannels, hz);
        for (double other : new double[] {hz * 0.8, hz * 1.25, hz * 2, 300, 2000}) {
            assertThat(at).as("power at %s Hz against %s Hz", hz, other).isGreaterThan(100 * power(out, outChannels, other));
        }
        double level = rms(out, outChannels) / rms(oneSecond, inChannels);
        assertThat(level).as("output level over input level").isBetween(0.7, 1.3);
    }

    @Test
    void aLostPacketIsConcealedAndTheTimingKept() throws Exception {
        PcmSource source = new PcmSource(1, 32_000, 10);
        int[] samples = {0};
        PcmSink sink = new PcmSink((pcm, n, channels) -> samples[0] += n, 1);
        List<byte[]> packets = new ArrayList<>();
        RtpPacketizer packetizer = new RtpPacketizer(MediaKind.AUDIO, 1, 111, 1200);
        source.push(tone(440, 1, 4800, 0.3), 0, 4800);
        source.start((kind, data, off, len, ts, key) -> packetizer.packetize(data, off, len, ts, key,
                (b, o, l) -> packets.add(Arrays.copyOfRange(b, o, o + l))), pacer);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (source.packetsSent() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        source.stop();
        synchronized (packets) {
            for (int i = 0; i < 5; i++) {
                if (i != 2) {
                    sink.onRtp(MediaKind.AUDIO, packets.get(i), 0, packets.get(i).length, 0);
                }
            }
            // Padding alone with the next number: no loss, nothing decoded, nothing concealed.
            byte[] padding = new byte[12 + 4];
            int next = RtpPacket.parse(packets.get(4), 0, packets.get(4).length).sequenceNumber() + 1;
            new io.parley.wire.rtp.RtpHeaderWriter().payloadType(111).sequenceNumber(next).writeTo(padding, 0);
            io.parley.wire.rtp.RtpHeaderWriter.addPadding(padding, 0, 12, 4);
            sink.onRtp(MediaKind.AUDIO, padding, 0, padding.length, 0);
            sink.onRtp(MediaKind.AUDIO, packets.get(2), 0, packets.get(2).length, 0); // too late: dropped
        }
        assertThat(sink.packetsDecoded()).isEqualTo(4);
        assertThat(sink.packetsConcealed()).isEqualTo(1);
        assertThat(samples[0]).isEqualTo(5 * 960);
        assertThat(RtpPacket.parse(packets.get(4), 0, packets.get(4).length).timestamp()
                - RtpPacket.parse(packets.get(0), 0, packets.get(0).length).timestamp()).isEqualTo(4 * 960);
    }

    @Test
    void aFullQueueDropsTheOldestAndPushNeverBlocks() {
        PcmSource source = new PcmSource(2, 32_000, 3);
        source.push(tone(440, 2, 960 * 5, 0.3), 0, 960 * 5);
        assertThat(source.queued()).isEqualTo(3);
        assertThat(source.packetsDropped()).isEqualTo(2);
        assertThatThrownBy(() -> source.push(new short[10], 0, 10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new PcmSource(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
