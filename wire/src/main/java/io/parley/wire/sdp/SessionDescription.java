package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session description of RFC 8866 §5: the session-level lines ({@code v o s i u e p c b t r z k a},
 * in order) followed by media sections. Every line is kept as written, so parse then
 * {@link #write()} gives the input back byte for byte with CRLF line ends (RFC 8866 §5 allows LF
 * on input). Typed accessors cover the session-level attributes of JSEP (RFC 8829 §5.2.1):
 * BUNDLE groups, msid-semantic, ice-lite and those of {@link Section}.
 */
public final class SessionDescription extends Section {
    private static final int MAX_QUOTED = 120;

    private final List<MediaDescription> media = new ArrayList<>();

    private SessionDescription() {
    }

    /** A new description with {@code v=0}, the origin, {@code s=-} and {@code t=0 0}, as JSEP writes them. */
    public static SessionDescription create(Origin origin) {
        SessionDescription sdp = new SessionDescription();
        sdp.addUnchecked(new SdpLine('v', "0"));
        sdp.addUnchecked(new SdpLine('o', origin.toString()));
        sdp.addUnchecked(new SdpLine('s', "-"));
        sdp.addUnchecked(new SdpLine('t', Timing.UNBOUNDED.toString()));
        return sdp;
    }

    private void addUnchecked(SdpLine line) {
        try {
            add(line);
        } catch (WireFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Parses a whole description. Any failure names the line number and the line.
     *
     * @throws WireFormatException on empty input, a first line other than {@code v=0}, a line that is
     *                             not {@code <type>=<value>}, a type not allowed at its level, a
     *                             malformed known line or attribute, or a missing {@code o=, s=, t=}
     */
    public static SessionDescription parse(String text) throws WireFormatException {
        if (text == null || text.isEmpty()) {
            throw new WireFormatException("SDP: empty input");
        }
        String[] raw = text.split("\n", -1);
        int count = raw.length;
        while (count > 0 && (raw[count - 1].isEmpty() || raw[count - 1].equals("\r"))) {
            count--;
        }
        if (count == 0) {
            throw new WireFormatException("SDP: no lines");
        }
        SessionDescription sdp = new SessionDescription();
        Section current = sdp;
        for (int i = 0; i < count; i++) {
            String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            try {
                SdpLine parsed = SdpLine.parse(line);
                if (i == 0 && parsed.type() != 'v') {
                    throw new WireFormatException("a description must begin with v=0");
                }
                if (i > 0 && parsed.type() == 'v') {
                    throw new WireFormatException("v= may only be the first line");
                }
                if (parsed.type() == 'm') {
                    MediaDescription m = MediaDescription.parse(parsed.value());
                    sdp.media.add(m);
                    current = m;
                } else {
                    current.add(parsed);
                }
            } catch (WireFormatException e) {
                throw new WireFormatException("SDP line " + (i + 1) + " \"" + quote(line) + "\": " + quote(e.getMessage()), e);
            }
        }
        for (char required : new char[] {'o', 's', 't'}) {
            if (sdp.lineValue(required) == null) {
                throw new WireFormatException("SDP: no " + required + "= line at session level (RFC 8866 §5)");
            }
        }
        return sdp;
    }

    private static String quote(String line) {
        return line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "...";
    }

    @Override
    boolean allows(char type) {
        return "vosiuepcbtrzka".indexOf(type) >= 0;
    }

    @Override
    void checkLine(SdpLine line) throws WireFormatException {
        switch (line.type()) {
            case 'v' -> {
                if (!line.value().equals("0")) {
                    throw new WireFormatException("v=: version " + line.value() + " is not 0");
                }
            }
            case 'o' -> Origin.parse(line.value());
            case 't' -> Timing.parse(line.value());
            default -> checkEitherLevel(line);
        }
    }

    /** The media sections in order; the list is live, so an offer can add or drop sections. */
    public List<MediaDescription> media() {
        return media;
    }

    /** The media section whose {@code a=mid} is {@code mid}. */
    public Optional<MediaDescription> mediaByMid(String mid) {
        return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
    }

    public Origin origin() {
        return typedLine('o', Origin::parse).orElseThrow();
    }

    public void setOrigin(Origin origin) {
        replaceLine(new SdpLine('o', origin.toString()), 1);
    }

    public String sessionName() {
        return lineValue('s');
    }

    public Timing timing() {
        return typedLine('t', Timing::parse).orElseThrow();
    }

    public Optional<Connection> connection() {
        return typedLine('c', Connection::parse);
    }

    public List<Group> groups() {
        return all(Attributes.GROUP);
    }

    /** The mids of the {@code BUNDLE} group, empty when there is none. */
    public List<String> bundle() {
        return groups().stream().filter(g -> g.semantics().equals(Group.BUNDLE)).findFirst()
                .map(Group::mids).orElse(List.of());
    }

    /** Writes {@code a=group:BUNDLE <mids>} in place of any {@code a=group}: WebRTC uses no other group. */
    public void setBundle(List<String> mids) {
        set(Attributes.GROUP, new Group(Group.BUNDLE, mids));
    }

    public Optional<MsidSemantic> msidSemantic() {
        return first(Attributes.MSID_SEMANTIC);
    }

    public void setMsidSemantic(MsidSemantic semantic) {
        set(Attributes.MSID_SEMANTIC, semantic);
    }

    /** The description as text, every line ended by CRLF (RFC 8866 §5). */
    public String write() {
        StringBuilder out = new StringBuilder();
        write(out);
        for (MediaDescription m : media) {
            m.write(out);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return write();
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((SessionDescription) o).media.equals(media);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + media.hashCode();
    }
}
