package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * {@code a=group} of RFC 5888 §5, chiefly {@code BUNDLE} (RFC 9143 §7): the media sections, named
 * by their mid, that share one transport.
 */
public record Group(String semantics, List<String> mids) {

    /** The semantics of RFC 9143, which puts every section on one ICE/DTLS transport. */
    public static final String BUNDLE = "BUNDLE";

    public Group {
        mids = List.copyOf(mids);
    }

    static Group parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 1, "group");
        return new Group(Tokens.token(f.get(0), "group semantics"), f.subList(1, f.size()));
    }

    @Override
    public String toString() {
        return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
    }
}
