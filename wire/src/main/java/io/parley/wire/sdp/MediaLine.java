package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * The {@code m=} line of RFC 8866 §5.14 that opens a media section: media type, port (with an
 * optional count), transport protocol and formats. In WebRTC the formats are RTP payload types,
 * or {@code webrtc-datachannel} for SCTP (RFC 8841); port 0 rejects or stops the section.
 *
 * @param portCount the number of ports after a slash, or 0 when none was written
 */
public record MediaLine(String media, int port, int portCount, String proto, List<String> formats) {

    public MediaLine {
        formats = List.copyOf(formats);
    }

    static MediaLine parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 4, "m=");
        String port = f.get(1);
        int slash = port.indexOf('/');
        int count = 0;
        if (slash >= 0) {
            count = Tokens.integer(port.substring(slash + 1), 1, 65535, "m= port count");
            port = port.substring(0, slash);
        }
        return new MediaLine(Tokens.token(f.get(0), "m= media"), Tokens.integer(port, 0, 65535, "m= port"), count,
                Tokens.word(f.get(2), "m= proto"), f.subList(3, f.size()));
    }

    /** The same line with another port, e.g. 0 to reject the section in an answer. */
    public MediaLine withPort(int newPort) {
        return new MediaLine(media, newPort, portCount, proto, formats);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(media).append(' ').append(port);
        if (portCount > 0) {
            sb.append('/').append(portCount);
        }
        sb.append(' ').append(proto);
        for (String format : formats) {
            sb.append(' ').append(format);
        }
        return sb.toString();
    }
}
