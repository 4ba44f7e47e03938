package io.parley.server.media;

import io.parley.sfu.Leg;
import io.parley.transport.MediaTransport;
import java.util.function.Supplier;

/**
 * The SFU's {@link Leg} over a media transport: SRTP-protects and sends on the calling thread,
 * without blocking; a packet the transport cannot send yet (no keys) is dropped, which the SFU's
 * NACK and keyframe logic recovers from. The transport is looked up per call because a
 * subscriber side creates it on its first offer.
 */
final class TransportLeg implements Leg {
    private final Supplier<MediaTransport> transport;

    TransportLeg(Supplier<MediaTransport> transport) {
        this.transport = transport;
    }

    @Override
    public void sendRtp(byte[] b, int off, int len) {
        transport.get().sendRtp(b, off, len);
    }

    @Override
    public void sendRtcp(byte[] b, int off, int len) {
        transport.get().sendRtcp(b, off, len);
    }
}
