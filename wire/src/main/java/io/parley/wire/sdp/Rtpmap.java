package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * {@code a=rtpmap} of RFC 8866 §6.6: binds an RTP payload type to an encoding name, clock rate
 * and, for audio, a channel count ({@code 111 opus/48000/2}, {@code 96 VP8/90000}).
 *
 * @param channels the encoding parameters (channels for audio), or 0 when none were written
 */
public record Rtpmap(int payloadType, String encoding, long clockRate, int channels) {

    static Rtpmap parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 2, "rtpmap");
        if (f.size() != 2) {
            throw new WireFormatException("rtpmap: need \"<pt> <encoding>/<clock rate>\"");
        }
        String[] parts = f.get(1).split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new WireFormatException("rtpmap: need <encoding>/<clock rate>[/<channels>], have \"" + f.get(1) + "\"");
        }
        return new Rtpmap(Tokens.payloadType(f.get(0), "rtpmap"), Tokens.token(parts[0], "rtpmap encoding"),
                Tokens.number(parts[1], 1, 0xFFFF_FFFFL, "rtpmap clock rate"),
                parts.length == 3 ? Tokens.integer(parts[2], 1, 255, "rtpmap channels") : 0);
    }

    @Override
    public String toString() {
        return payloadType + " " + encoding + "/" + clockRate + (channels > 0 ? "/" + channels : "");
    }
}
