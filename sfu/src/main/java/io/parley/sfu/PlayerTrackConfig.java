package io.parley.sfu;

/**
 * What one player negotiated for one track: the SSRC and payload type it receives (RFC 3550 §5.1),
 * how header extension IDs map (RFC 8285), the ID of abs-send-time which the SFU writes at send
 * time (0: not negotiated), and an RTX stream (RFC 4588 §4) for retransmissions (payload type -1:
 * retransmissions resend the original packet).
 */
public record PlayerTrackConfig(long ssrc, int payloadType, ExtensionMap extensions, int absSendTimeId,
                                long rtxSsrc, int rtxPayloadType) {
    public PlayerTrackConfig {
        if (payloadType < 0 || payloadType > 127 || rtxPayloadType < -1 || rtxPayloadType > 127) {
            throw new IllegalArgumentException("payload types must be 0-127: " + payloadType + ", rtx " + rtxPayloadType);
        }
        if (absSendTimeId < 0 || absSendTimeId > 255 || extensions == null) {
            throw new IllegalArgumentException("abs-send-time ID must be 0-255 and extensions given");
        }
    }

    /** A player that receives {@code ssrc} with payload type {@code payloadType}, no extensions and no RTX. */
    public static PlayerTrackConfig of(long ssrc, int payloadType) {
        return new PlayerTrackConfig(ssrc, payloadType, ExtensionMap.NONE, 0, 0, -1);
    }

    public PlayerTrackConfig withExtensions(ExtensionMap map, int absSendTime) {
        return new PlayerTrackConfig(ssrc, payloadType, map, absSendTime, rtxSsrc, rtxPayloadType);
    }

    public PlayerTrackConfig withRtx(long ssrc, int payloadType) {
        return new PlayerTrackConfig(this.ssrc, this.payloadType, extensions, absSendTimeId, ssrc, payloadType);
    }

    public boolean hasRtx() {
        return rtxPayloadType >= 0;
    }
}
