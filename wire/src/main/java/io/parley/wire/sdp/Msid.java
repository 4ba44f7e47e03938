package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * {@code a=msid} of RFC 8830 §2: the MediaStream a track belongs to and, optionally, the track
 * identifier ({@code appdata}).
 *
 * @param appData the track identifier, or {@code null}
 */
public record Msid(String streamId, String appData) {

    static Msid parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 1, "msid");
        if (f.size() > 2) {
            throw new WireFormatException("msid: need \"<stream id> [<track id>]\"");
        }
        return new Msid(f.get(0), f.size() == 2 ? f.get(1) : null);
    }

    @Override
    public String toString() {
        return appData == null ? streamId : streamId + " " + appData;
    }
}
