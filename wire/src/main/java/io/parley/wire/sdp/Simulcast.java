package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=simulcast} of RFC 8853 §5.1: the simulcast streams a section sends and receives. Each
 * direction is a list of streams separated by {@code ;}; each stream is a list of alternative rids
 * separated by {@code ,}; a {@code ~} before a rid marks it paused
 * ({@code send q;h;f}, {@code recv 1,~2;3}).
 *
 * @param send the send list, empty when the attribute has none
 * @param recv the receive list, empty when the attribute has none
 */
public record Simulcast(List<List<Stream>> send, List<List<Stream>> recv) {

    /** One rid inside a simulcast stream, with the paused mark of RFC 8853 §5.1. */
    public record Stream(String rid, boolean paused) {
        @Override
        public String toString() {
            return paused ? "~" + rid : rid;
        }
    }

    public Simulcast {
        send = copy(send);
        recv = copy(recv);
    }

    private static List<List<Stream>> copy(List<List<Stream>> list) {
        List<List<Stream>> out = new ArrayList<>();
        for (List<Stream> alternatives : list) {
            out.add(List.copyOf(alternatives));
        }
        return List.copyOf(out);
    }

    /** One stream per rid, none paused: what a publisher sending {@code rids} in order declares. */
    public static List<List<Stream>> streams(String... rids) {
        List<List<Stream>> out = new ArrayList<>();
        for (String rid : rids) {
            out.add(List.of(new Stream(rid, false)));
        }
        return out;
    }

    static Simulcast parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 2, "simulcast");
        if (f.size() != 2 && f.size() != 4) {
            throw new WireFormatException("simulcast: need \"send|recv <list> [recv|send <list>]\"");
        }
        List<List<Stream>> send = null;
        List<List<Stream>> recv = null;
        for (int i = 0; i < f.size(); i += 2) {
            List<List<Stream>> list = parseList(f.get(i + 1));
            switch (f.get(i)) {
                case "send" -> {
                    if (send != null) {
                        throw new WireFormatException("simulcast: two send lists");
                    }
                    send = list;
                }
                case "recv" -> {
                    if (recv != null) {
                        throw new WireFormatException("simulcast: two recv lists");
                    }
                    recv = list;
                }
                default -> throw new WireFormatException("simulcast: \"" + f.get(i) + "\" is not send or recv");
            }
        }
        return new Simulcast(send == null ? List.of() : send, recv == null ? List.of() : recv);
    }

    private static List<List<Stream>> parseList(String text) throws WireFormatException {
        List<List<Stream>> out = new ArrayList<>();
        for (String stream : text.split(";", -1)) {
            List<Stream> alternatives = new ArrayList<>();
            for (String alt : stream.split(",", -1)) {
                boolean paused = alt.startsWith("~");
                alternatives.add(new Stream(Rid.ridId(paused ? alt.substring(1) : alt), paused));
            }
            out.add(alternatives);
        }
        return out;
    }

    private static void appendList(StringBuilder sb, String dir, List<List<Stream>> list) {
        if (list.isEmpty()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(dir).append(' ');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            List<Stream> alternatives = list.get(i);
            for (int j = 0; j < alternatives.size(); j++) {
                sb.append(j > 0 ? "," : "").append(alternatives.get(j));
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendList(sb, "send", send);
        appendList(sb, "recv", recv);
        return sb.toString();
    }
}
