package io.parley.server.media;

import io.parley.sfu.Codec;
import io.parley.sfu.PublishedTrackConfig;

/**
 * One track a publisher offered and Parley accepted: its m-section, codec and payload types, the
 * SSRCs it sends from ({@code a=ssrc}, RFC 5576 §4.1; the RTX one from {@code a=ssrc-group:FID},
 * §4.2; 0 when absent), and whether it takes only FIR as a keyframe request.
 */
record PublishedTrackOffer(String mid, Codec codec, int payloadType, int rtxPayloadType, long ssrc, long rtxSsrc,
                           boolean firOnly) {
    PublishedTrackConfig config() {
        return new PublishedTrackConfig(codec, payloadType, rtxPayloadType);
    }
}
