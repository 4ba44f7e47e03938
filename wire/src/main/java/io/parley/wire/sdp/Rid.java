package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * {@code a=rid} of RFC 8851 §4: one RTP stream identifier of a media section with its direction
 * and restrictions ({@code f send}, {@code h recv max-width=640;max-height=360}, or with a
 * {@code pt=} list of allowed payload types).
 */
public record Rid(String id, Direction direction, List<Parameter> restrictions) {

    public Rid {
        if (direction != Direction.SENDONLY && direction != Direction.RECVONLY) {
            throw new IllegalArgumentException("rid direction is send or recv, not " + direction);
        }
        restrictions = List.copyOf(restrictions);
    }

    static Rid parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 2, "rid");
        if (f.size() > 3) {
            throw new WireFormatException("rid: need \"<id> send|recv [<restrictions>]\"");
        }
        Direction dir = switch (f.get(1)) {
            case "send" -> Direction.SENDONLY;
            case "recv" -> Direction.RECVONLY;
            default -> throw new WireFormatException("rid: direction \"" + f.get(1) + "\" is not send or recv");
        };
        List<Parameter> restrictions = f.size() == 3 ? Parameter.parseList(f.get(2), "rid") : List.of();
        return new Rid(ridId(f.get(0)), dir, restrictions);
    }

    /** RFC 8851 §10: {@code rid-id = 1*(alpha-numeric / "-" / "_")}. */
    static String ridId(String text) throws WireFormatException {
        if (text.isEmpty() || text.length() > 255) {
            throw new WireFormatException("rid id: length " + text.length() + " outside 1..255");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!ok) {
                throw new WireFormatException("rid id: bad character in \"" + text + "\"");
            }
        }
        return text;
    }

    /** The value of restriction {@code key} (e.g. {@code max-width}), or {@code null}. */
    public String restriction(String key) {
        return Parameter.find(restrictions, key);
    }

    @Override
    public String toString() {
        String dir = direction == Direction.SENDONLY ? "send" : "recv";
        return id + " " + dir + (restrictions.isEmpty() ? "" : " " + Parameter.formatList(restrictions));
    }
}
