package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * {@code a=msid-semantic} of draft-ietf-mmusic-msid-05 §4, still written by Chromium at session
 * level ({@code a=msid-semantic: WMS <stream ids>}); note the blank after the colon, which this
 * record writes back.
 */
public record MsidSemantic(String semantic, List<String> streamIds) {

    public MsidSemantic {
        streamIds = List.copyOf(streamIds);
    }

    static MsidSemantic parse(String value) throws WireFormatException {
        String text = value.startsWith(" ") ? value.substring(1) : value;
        List<String> f = Tokens.fields(text, 1, "msid-semantic");
        return new MsidSemantic(Tokens.token(f.get(0), "msid-semantic"), f.subList(1, f.size()));
    }

    @Override
    public String toString() {
        return " " + semantic + (streamIds.isEmpty() ? "" : " " + String.join(" ", streamIds));
    }
}
