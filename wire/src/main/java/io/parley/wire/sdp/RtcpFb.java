package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * {@code a=rtcp-fb} of RFC 4585 §4.2 (and RFC 5104 for {@code ccm fir}): one feedback message a
 * payload type accepts, e.g. {@code 96 nack pli}, {@code 96 transport-cc}.
 *
 * @param payloadType a payload type number, or {@code *} for all formats of the section
 * @param subtype     the parameter after the type ({@code pli}, {@code fir}), or {@code null}
 */
public record RtcpFb(String payloadType, String type, String subtype) {

    static RtcpFb parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 2, "rtcp-fb");
        if (f.size() > 3) {
            throw new WireFormatException("rtcp-fb: need \"<pt> <type> [<parameter>]\"");
        }
        String pt = f.get(0);
        if (!pt.equals("*")) {
            Tokens.payloadType(pt, "rtcp-fb");
        }
        return new RtcpFb(pt, Tokens.word(f.get(1), "rtcp-fb type"), f.size() == 3 ? f.get(2) : null);
    }

    @Override
    public String toString() {
        return payloadType + " " + type + (subtype == null ? "" : " " + subtype);
    }
}
