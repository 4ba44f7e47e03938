package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=candidate} of RFC 8839 §5.1: one ICE candidate (foundation, component, transport,
 * priority, address, port, {@code typ}, the related address of a reflexive or relayed candidate)
 * and its extensions in order, such as RFC 6544's {@code tcptype} or Chromium's
 * {@code generation}, {@code ufrag}, {@code network-id} and {@code network-cost}.
 *
 * @param relatedAddress {@code raddr}, or {@code null}
 * @param relatedPort    {@code rport}, or -1
 * @param extensions     name/value pairs after the standard fields
 */
public record Candidate(String foundation, int component, String transport, long priority, String address, int port,
                        String type, String relatedAddress, int relatedPort, List<Parameter> extensions) {

    public Candidate {
        extensions = List.copyOf(extensions);
    }

    /** The attribute value, without {@code a=candidate:}. */
    static Candidate parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 8, "candidate");
        String foundation = iceChars(f.get(0), 32, "candidate foundation");
        int component = Tokens.integer(f.get(1), 1, 256, "candidate component");
        String transport = Tokens.token(f.get(2), "candidate transport");
        long priority = Tokens.number(f.get(3), 0, 0xFFFF_FFFFL, "candidate priority");
        String address = Tokens.word(f.get(4), "candidate address");
        int port = Tokens.integer(f.get(5), 0, 65535, "candidate port");
        if (!f.get(6).equals("typ")) {
            throw new WireFormatException("candidate: expected \"typ\", found \"" + f.get(6) + "\"");
        }
        String type = Tokens.token(f.get(7), "candidate type");
        int i = 8;
        String raddr = null;
        int rport = -1;
        if (i + 1 < f.size() && f.get(i).equals("raddr")) {
            raddr = Tokens.word(f.get(i + 1), "candidate raddr");
            i += 2;
        }
        if (i + 1 < f.size() && f.get(i).equals("rport")) {
            rport = Tokens.integer(f.get(i + 1), 0, 65535, "candidate rport");
            i += 2;
        }
        if ((f.size() - i) % 2 != 0) {
            throw new WireFormatException("candidate: extension \"" + f.get(f.size() - 1) + "\" has no value");
        }
        List<Parameter> extensions = new ArrayList<>();
        for (; i < f.size(); i += 2) {
            String name = Tokens.token(f.get(i), "candidate extension name");
            if (name.equals("raddr") || name.equals("rport")) {
                throw new WireFormatException("candidate: " + name + " out of place");
            }
            extensions.add(new Parameter(name, f.get(i + 1)));
        }
        return new Candidate(foundation, component, transport, priority, address, port, type, raddr, rport, extensions);
    }

    /**
     * Parses a trickled candidate as signaling carries it (RFC 8840 §4.1): the
     * {@code candidate:...} string of an {@code RTCIceCandidate}, with or without {@code a=}.
     */
    public static Candidate parseTrickled(String text) throws WireFormatException {
        String s = text.startsWith("a=") ? text.substring(2) : text;
        if (!s.startsWith("candidate:")) {
            throw new WireFormatException("candidate: must start with \"candidate:\"");
        }
        return parse(s.substring("candidate:".length()));
    }

    /** RFC 8839 §5.1 {@code ice-char = ALPHA / DIGIT / "+" / "/"}, also the alphabet of ufrag and pwd. */
    static String iceChars(String text, int maxLength, String what) throws WireFormatException {
        if (text.isEmpty() || text.length() > maxLength) {
            throw new WireFormatException(what + ": length " + text.length() + " outside 1.." + maxLength);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/';
            if (!ok) {
                throw new WireFormatException(what + ": '" + c + "' is not an ice-char");
            }
        }
        return text;
    }

    /** The value of extension {@code name} (e.g. {@code ufrag}), or {@code null}. */
    public String extension(String name) {
        return Parameter.find(extensions, name);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(address).append(' ').append(port).append(" typ ").append(type);
        if (relatedAddress != null) {
            sb.append(" raddr ").append(relatedAddress);
        }
        if (relatedPort >= 0) {
            sb.append(" rport ").append(relatedPort);
        }
        for (Parameter e : extensions) {
            sb.append(' ').append(e.key()).append(' ').append(e.value());
        }
        return sb.toString();
    }
}
