package io.parley.server.media;

import io.parley.transport.MediaTransport;
import java.net.InetSocketAddress;

/**
 * The lines every SDP Parley writes shares: the session header of an ICE-lite agent (RFC 8445
 * §5.1.1) and, per m-section, the transport of the one bundled connection (RFC 8843): our ufrag,
 * password and fingerprint, {@code a=setup}, rtcp-mux, and the media port as the only candidate.
 */
final class TransportLines {
    private TransportLines() {
    }

    static void session(StringBuilder b, long sessionId, long version, java.util.List<String> bundle) {
        b.append("v=0\r\n")
                .append("o=- ").append(sessionId).append(' ').append(version).append(" IN IP4 127.0.0.1\r\n")
                .append("s=-\r\n")
                .append("t=0 0\r\n")
                .append("a=ice-lite\r\n");
        if (!bundle.isEmpty()) {
            b.append("a=group:BUNDLE ").append(String.join(" ", bundle)).append("\r\n");
        }
        b.append("a=msid-semantic: WMS *\r\n");
    }

    /** The m-line with {@code formats}, then c=, mid and the transport attributes. */
    static void media(StringBuilder b, String kind, int port, String formats, String mid, MediaTransport t,
                      InetSocketAddress candidate, String setup) {
        String host = candidate.getAddress().getHostAddress();
        b.append("m=").append(kind).append(' ').append(port).append(" UDP/TLS/RTP/SAVPF ").append(formats).append("\r\n")
                .append("c=IN IP4 ").append(host).append("\r\n")
                .append("a=mid:").append(mid).append("\r\n")
                .append("a=ice-ufrag:").append(t.localIce().ufrag()).append("\r\n")
                .append("a=ice-pwd:").append(t.localIce().pwd()).append("\r\n")
                .append("a=fingerprint:").append(t.localFingerprint().toSdp()).append("\r\n")
                .append("a=setup:").append(setup).append("\r\n")
                .append("a=rtcp-mux\r\n")
                .append("a=rtcp-rsize\r\n")
                .append("a=candidate:1 1 udp 2130706431 ").append(host).append(' ').append(candidate.getPort())
                .append(" typ host\r\n")
                .append("a=end-of-candidates\r\n");
    }
}
