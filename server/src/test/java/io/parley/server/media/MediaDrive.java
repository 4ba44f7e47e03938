package io.parley.server.media;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Drives a live stream's SFU directly, as if its publisher's transport had delivered RTP (tests without a browser). */
public final class MediaDrive {
    private MediaDrive() {
    }

    /** Hands stream {@code streamId} {@code count} one-packet VP8 keyframes on its video track; false if it is not live. */
    public static boolean videoKeyframes(MediaService media, long appId, String streamId, int count) throws Exception {
        LiveStream stream = media.stream(appId, streamId);
        if (stream == null) {
            return false;
        }
        PublishedTrackOffer video = stream.tracks.stream().filter(t -> t.codec().isVideo()).findFirst().orElseThrow();
        CompletableFuture<Void> done = new CompletableFuture<>();
        stream.run(() -> {
            for (int i = 0; i < count; i++) {
                byte[] p = rtp(video.payloadType(), 1000 + i, 90_000L * i / 30, video.ssrc());
                stream.sfu.receiveRtp(p, 0, p.length);
            }
            done.complete(null);
        });
        done.get(5, TimeUnit.SECONDS);
        return true;
    }

    private static byte[] rtp(int pt, int seq, long ts, long ssrc) {
        byte[] vp8 = {0x10, 0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a, 0x40, 0x01, (byte) 0xf0, 0x00};
        byte[] b = new byte[12 + vp8.length];
        b[0] = (byte) 0x80;
        b[1] = (byte) (0x80 | pt);
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        for (int i = 0; i < 4; i++) {
            b[4 + i] = (byte) (ts >> (24 - 8 * i));
            b[8 + i] = (byte) (ssrc >> (24 - 8 * i));
        }
        System.arraycopy(vp8, 0, b, 12, vp8.length);
        return b;
    }
}
