package io.parley.sfu;

/**
 * One track of a published stream as the publisher negotiated it (RFC 8866 §6 {@code a=rtpmap}):
 * its codec and the payload type the publisher sends it with. A packet from an SSRC the stream does
 * not know is given to the track with its payload type: that is how a source restart is recognised.
 */
public record PublishedTrackConfig(Codec codec, int payloadType) {
    public PublishedTrackConfig {
        if (codec == null || payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("track needs a codec and a payload type 0-127: " + codec + "/" + payloadType);
        }
    }
}
