package io.parley.transport;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only SDP answer for the echo endpoint (RFC 8829 §5.3 in miniature): every media section of
 * the offer comes back sendrecv with the same codecs and header extensions, so what the browser
 * sends can be returned to it unchanged; the transport lines are the server's (ICE-lite, passive).
 */
final class EchoAnswer {
    private static final String[] KEPT = {
        "a=mid:", "a=extmap:", "a=rtpmap:", "a=fmtp:", "a=rtcp-fb:", "a=rtcp-mux", "a=rtcp-rsize",
    };

    private EchoAnswer() {
    }

    static String build(String offer, MediaTransport t, InetSocketAddress candidate) {
        List<List<String>> sections = new ArrayList<>();
        for (String raw : offer.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                sections.add(new ArrayList<>());
            }
            if (!sections.isEmpty() && !line.isEmpty()) {
                sections.get(sections.size() - 1).add(line);
            }
        }
        List<String> mids = new ArrayList<>();
        StringBuilder media = new StringBuilder();
        for (List<String> section : sections) {
            String[] m = section.get(0).split(" ", 4);
            media.append(m[0]).append(' ').append(candidate.getPort()).append(' ').append(m[2]).append(' ').append(m[3]).append("\r\n");
            media.append("c=IN IP4 ").append(candidate.getAddress().getHostAddress()).append("\r\n");
            String mid = null;
            for (String line : section) {
                for (String k : KEPT) {
                    if (line.startsWith(k)) {
                        media.append(line).append("\r\n");
                    }
                }
                if (line.startsWith("a=mid:")) {
                    mid = line.substring(6);
                }
            }
            mids.add(mid);
            media.append("a=ice-ufrag:").append(t.localIce().ufrag()).append("\r\n")
                    .append("a=ice-pwd:").append(t.localIce().pwd()).append("\r\n")
                    .append("a=fingerprint:").append(t.localFingerprint().toSdp()).append("\r\n")
                    .append("a=setup:passive\r\n")
                    .append("a=sendrecv\r\n")
                    .append("a=msid:echo echo-").append(mid).append("\r\n")
                    .append("a=candidate:1 1 udp 2130706431 ").append(candidate.getAddress().getHostAddress())
                    .append(' ').append(candidate.getPort()).append(" typ host\r\n")
                    .append("a=end-of-candidates\r\n");
        }
        return "v=0\r\n"
                + "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "t=0 0\r\n"
                + "a=ice-lite\r\n"
                + "a=group:BUNDLE " + String.join(" ", mids) + "\r\n"
                + "a=msid-semantic: WMS echo\r\n"
                + media;
    }

    /** The value of the first session- or media-level line starting with {@code prefix}. */
    static String value(String sdp, String prefix) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new IllegalArgumentException("the offer has no " + prefix + " line");
    }
}
