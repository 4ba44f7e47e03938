package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The ordered lines of one level of a description (RFC 8866 §5: the session level, or one media
 * section) with typed access to the attributes that may stand at either level: ICE credentials
 * and options (RFC 8839 §5), fingerprint (RFC 8122 §5) and setup (RFC 4145 §4), extmap (RFC 8285 §8),
 * candidates. Lines are checked as they enter, so typed reads never fail.
 */
public abstract class Section {
    private final List<SdpLine> lines = new ArrayList<>();

    Section() {
    }

    /** Which line types may stand at this level; the subclasses follow RFC 8866 §9. */
    abstract boolean allows(char type);

    /** Checks a non-attribute line's value; attributes are checked by {@link Attributes}. */
    abstract void checkLine(SdpLine line) throws WireFormatException;

    /** Every line of this level in order (for a media section, after its {@code m=} line). */
    public List<SdpLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** Appends a line after checking it; a malformed known attribute is refused. */
    public void add(SdpLine line) throws WireFormatException {
        check(line);
        lines.add(line);
    }

    /** The typed lines that may stand at both levels: {@code c=} and {@code b=}. */
    static void checkEitherLevel(SdpLine line) throws WireFormatException {
        switch (line.type()) {
            case 'c' -> Connection.parse(line.value());
            case 'b' -> Bandwidth.parse(line.value());
            default -> {
            }
        }
    }

    private void check(SdpLine line) throws WireFormatException {
        if (!allows(line.type())) {
            throw new WireFormatException("'" + line.type() + "=' is not allowed here");
        }
        if (line.isAttribute()) {
            Tokens.token(line.attributeName(), "attribute name");
            Attributes.check(line.attributeName(), line.attributeValue());
        } else {
            checkLine(line);
        }
    }

    // ---- generic attribute access ----

    /** Every value of attribute {@code type} at this level, in order. */
    public <T> List<T> all(AttributeType<T> type) {
        List<T> out = new ArrayList<>();
        for (SdpLine line : lines) {
            if (line.isAttribute() && line.attributeName().equals(type.name())) {
                out.add(reread(type::parse, line.attributeValue()));
            }
        }
        return out;
    }

    /** The first value of attribute {@code type} at this level. */
    public <T> Optional<T> first(AttributeType<T> type) {
        List<T> values = all(type);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Appends {@code a=<name>:<value>}. */
    public <T> void add(AttributeType<T> type, T value) {
        lines.add(attributeLine(type, value));
    }

    /** Replaces the first {@code a=<name>} in place (or appends one), dropping any others. */
    public <T> void set(AttributeType<T> type, T value) {
        replace(type.name(), attributeLine(type, value));
    }

    /** Formats a typed value and reads it back, so that a value built in code cannot write a line a peer rejects. */
    private static <T> SdpLine attributeLine(AttributeType<T> type, T value) {
        String text = type.format(value);
        try {
            type.parse(text);
        } catch (WireFormatException e) {
            throw new IllegalArgumentException("a=" + type.name() + ":" + text + " would not parse: " + e.getMessage(), e);
        }
        return SdpLine.attribute(type.name(), text);
    }

    /** Removes every {@code a=<name>} line, flag or valued. */
    public void remove(String attributeName) {
        lines.removeIf(l -> l.isAttribute() && l.attributeName().equals(attributeName));
    }

    /** Whether a value-less attribute such as {@code a=rtcp-mux} is present. */
    public boolean flag(String name) {
        for (SdpLine line : lines) {
            if (line.isAttribute() && line.value().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Adds (once) or removes a value-less attribute. */
    public void setFlag(String name, boolean on) {
        if (!on) {
            remove(name);
        } else if (!flag(name)) {
            lines.add(SdpLine.attribute(name, null));
        }
    }

    /** Replaces the first attribute named {@code name} by {@code line}, or appends it; drops the others. */
    void replace(String name, SdpLine line) {
        int at = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            SdpLine l = lines.get(i);
            if (l.isAttribute() && l.attributeName().equals(name)) {
                lines.remove(i);
                at = i;
            }
        }
        lines.add(at < 0 ? lines.size() : at, line);
    }

    /** Replaces the first non-attribute line of {@code type}, or inserts one at {@code defaultIndex}. */
    void replaceLine(SdpLine line, int defaultIndex) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).type() == line.type()) {
                lines.set(i, line);
                return;
            }
        }
        lines.add(Math.min(defaultIndex, lines.size()), line);
    }

    /** The first non-attribute line of {@code type}, or {@code null}. */
    String lineValue(char type) {
        for (SdpLine line : lines) {
            if (line.type() == type) {
                return line.value();
            }
        }
        return null;
    }

    /** Parses text that was already checked when its line entered, so a failure here is a bug, not input. */
    static <T> T reread(AttributeType.Parser<T> parser, String value) {
        try {
            return parser.parse(value);
        } catch (WireFormatException e) {
            throw new IllegalStateException("a line checked on entry no longer parses: " + value, e);
        }
    }

    /** The first line of {@code type} read by {@code parser}. */
    <T> Optional<T> typedLine(char type, AttributeType.Parser<T> parser) {
        String v = lineValue(type);
        return v == null ? Optional.empty() : Optional.of(reread(parser, v));
    }

    // ---- attributes of either level ----

    public Optional<String> iceUfrag() {
        return first(Attributes.ICE_UFRAG);
    }

    public void setIceUfrag(String ufrag) {
        set(Attributes.ICE_UFRAG, ufrag);
    }

    public Optional<String> icePwd() {
        return first(Attributes.ICE_PWD);
    }

    public void setIcePwd(String pwd) {
        set(Attributes.ICE_PWD, pwd);
    }

    /** The ICE option tags, empty when there is no {@code a=ice-options}. */
    public List<String> iceOptions() {
        return first(Attributes.ICE_OPTIONS).orElse(List.of());
    }

    public void setIceOptions(List<String> options) {
        set(Attributes.ICE_OPTIONS, options);
    }

    public boolean iceLite() {
        return flag(Attributes.ICE_LITE);
    }

    public void setIceLite(boolean on) {
        setFlag(Attributes.ICE_LITE, on);
    }

    public List<Fingerprint> fingerprints() {
        return all(Attributes.FINGERPRINT);
    }

    public void setFingerprint(Fingerprint fingerprint) {
        set(Attributes.FINGERPRINT, fingerprint);
    }

    public Optional<Setup> setup() {
        return first(Attributes.SETUP);
    }

    public void setSetup(Setup setup) {
        set(Attributes.SETUP, setup);
    }

    public List<Extmap> extmaps() {
        return all(Attributes.EXTMAP);
    }

    public void addExtmap(Extmap extmap) {
        add(Attributes.EXTMAP, extmap);
    }

    public boolean extmapAllowMixed() {
        return flag(Attributes.EXTMAP_ALLOW_MIXED);
    }

    public void setExtmapAllowMixed(boolean on) {
        setFlag(Attributes.EXTMAP_ALLOW_MIXED, on);
    }

    public List<Candidate> candidates() {
        return all(Attributes.CANDIDATE);
    }

    public void addCandidate(Candidate candidate) {
        add(Attributes.CANDIDATE, candidate);
    }

    public boolean endOfCandidates() {
        return flag(Attributes.END_OF_CANDIDATES);
    }

    public void setEndOfCandidates(boolean on) {
        setFlag(Attributes.END_OF_CANDIDATES, on);
    }

    void write(StringBuilder out) {
        for (SdpLine line : lines) {
            out.append(line.type()).append('=').append(line.value()).append("\r\n");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((Section) o).lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }
}
