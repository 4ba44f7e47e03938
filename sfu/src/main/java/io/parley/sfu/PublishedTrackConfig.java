package io.parley.sfu;

/**
 * One track of a published stream as the publisher negotiated it (RFC 8866 §6 {@code a=rtpmap}):
 * its codec, the payload type the publisher sends it with and, when negotiated, the payload type
 * of its RTX stream (RFC 4588 §8, -1: none). A packet from an SSRC the stream does not know is
 * given to the track with its payload type: that is how a source restart is recognised.
 */
public record PublishedTrackConfig(Codec codec, int payloadType, int rtxPayloadType) {
    public PublishedTrackConfig {
        if (codec == null || payloadType < 0 || payloadType > 127 || rtxPayloadType < -1 || rtxPayloadType > 127
                || rtxPayloadType == payloadType) {
            throw new IllegalArgumentException("track needs a codec and distinct payload types 0-127: " + codec + "/"
                    + payloadType + ", rtx " + rtxPayloadType);
        }
    }

    /** A track without RTX: the publisher resends lost packets on the media SSRC, or not at all. */
    public PublishedTrackConfig(Codec codec, int payloadType) {
        this(codec, payloadType, -1);
    }
}
