package io.parley.sdk;

import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSink;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A sink for these tests: counts packets per kind and their payload types, and knows whether it was closed. */
final class TestSink implements MediaSink {
    final AtomicInteger audioPackets = new AtomicInteger();
    final AtomicInteger videoPackets = new AtomicInteger();
    final AtomicInteger afterClose = new AtomicInteger();
    final AtomicLong lastPayloadType = new AtomicLong(-1);
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos) {
        if (closed.getCount() == 0) {
            afterClose.incrementAndGet();
        }
        if ((packet[offset] & 0xC0) != 0x80 || length < 12) {
            throw new AssertionError("not an RTP packet");
        }
        lastPayloadType.set(packet[offset + 1] & 0x7F);
        (kind == MediaKind.AUDIO ? audioPackets : videoPackets).incrementAndGet();
    }

    @Override
    public void close() {
        closed.countDown();
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }
}
