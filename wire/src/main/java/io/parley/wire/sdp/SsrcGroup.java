package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ssrc-group} of RFC 5576 §4.2: SSRCs that belong together under a semantics, such as
 * {@code FID} for a stream and its retransmission stream (RFC 4588) or {@code SIM} for simulcast.
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {

    public SsrcGroup {
        ssrcs = List.copyOf(ssrcs);
    }

    static SsrcGroup parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 1, "ssrc-group");
        List<Long> ids = new ArrayList<>();
        for (String s : f.subList(1, f.size())) {
            ids.add(Tokens.number(s, 0, 0xFFFF_FFFFL, "ssrc-group ssrc"));
        }
        return new SsrcGroup(Tokens.token(f.get(0), "ssrc-group semantics"), ids);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(semantics);
        for (Long id : ssrcs) {
            sb.append(' ').append(id);
        }
        return sb.toString();
    }
}
