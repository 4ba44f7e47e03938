package io.parley.sdk.media;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtp.RtpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a played stream's Opus audio (RFC 7587, with concentus, pure Java) into 16-bit PCM at
 * 48 kHz for the application. A gap of up to {@value #MAX_CONCEALED} lost packets is filled by
 * Opus's packet loss concealment (RFC 6716 §4.4), so the audio keeps its timing; a longer gap is
 * skipped, and packets older than the last decoded are dropped. A packet that does not decode is
 * counted and skipped; the next one decodes.
 */
public final class PcmSink implements MediaSink {
    /** The longest run of lost packets concealed; past it the gap is skipped. */
    public static final int MAX_CONCEALED = 5;
    private static final Logger log = LoggerFactory.getLogger(PcmSink.class);
    private static final int MAX_SAMPLES = 5760; // 120 ms at 48 kHz, the longest Opus packet

    private final PcmListener listener;
    private final int channels;
    private final OpusDecoder decoder;
    private final short[] pcm;
    private final RtpPacket view = new RtpPacket();
    private boolean started;
    private int lastSequence;
    private int lastSamples = 960;
    private long packetsDecoded;
    private long packetsConcealed;
    private long packetsBad;

    /** A sink that decodes to stereo. */
    public PcmSink(PcmListener listener) {
        this(listener, 2);
    }

    /** A sink that decodes to {@code channels} (1 or 2); Opus mixes or spreads as needed. */
    public PcmSink(PcmListener listener, int channels) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("PCM channels must be 1 or 2: " + channels);
        }
        this.listener = listener;
        this.channels = channels;
        this.pcm = new short[MAX_SAMPLES * channels];
        try {
            this.decoder = new OpusDecoder(48_000, channels);
        } catch (OpusException e) {
            throw new IllegalStateException("concentus refused a 48 kHz decoder", e);
        }
    }

    @Override
    public synchronized void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos) {
        if (kind != MediaKind.AUDIO) {
            return;
        }
        try {
            view.wrap(packet, offset, length);
        } catch (WireFormatException e) {
            packetsBad++;
            return;
        }
        int sequence = view.sequenceNumber();
        if (started) {
            int gap = (short) (sequence - lastSequence); // signed distance modulo 2^16
            if (gap <= 0) {
                return; // late or repeated
            }
            if (gap > 1 && gap - 1 <= MAX_CONCEALED) {
                for (int i = 1; i < gap; i++) {
                    conceal();
                }
            }
        }
        started = true;
        lastSequence = sequence;
        if (view.payloadLength() == 0) {
            return; // padding alone (RFC 3550 §5.1): its number is no loss, its silence nothing to decode
        }
        try {
            int samples = decoder.decode(packet, view.payloadOffset(), view.payloadLength(), pcm, 0, MAX_SAMPLES, false);
            lastSamples = samples;
            packetsDecoded++;
            listener.onPcm(pcm, samples, channels);
        } catch (OpusException | RuntimeException e) {
            if (packetsBad++ == 0) {
                log.warn("an Opus packet did not decode, skipped: {}", e.toString());
            }
        }
    }

    private void conceal() {
        try {
            int samples = decoder.decode(null, 0, 0, pcm, 0, lastSamples, false);
            packetsConcealed++;
            listener.onPcm(pcm, samples, channels);
        } catch (OpusException | RuntimeException e) {
            packetsBad++;
        }
    }

    /** Packets decoded. */
    public synchronized long packetsDecoded() {
        return packetsDecoded;
    }

    /** Lost packets filled in by concealment. */
    public synchronized long packetsConcealed() {
        return packetsConcealed;
    }

    /** Packets that did not parse or decode. */
    public synchronized long packetsBad() {
        return packetsBad;
    }
}
