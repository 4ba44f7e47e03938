package io.parley.wire.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.wire.WireFormatException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Round-trip fuzz target for {@link SessionDescription}: whatever parses must write, parse again to
 * an equal description, and every typed attribute must read back from its own formatting. Runs
 * over the seeds in {@code SdpFuzzTestInputs/parseWriteParse} in every {@code mvn test}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class SdpFuzzTest {

    @FuzzTest
    void parseWriteParse(byte[] data) throws WireFormatException {
        SessionDescription sdp;
        try {
            sdp = SessionDescription.parse(new String(data, StandardCharsets.UTF_8));
        } catch (WireFormatException e) {
            return;
        }
        String written = sdp.write();
        SessionDescription again = SessionDescription.parse(written);
        if (!again.equals(sdp) || !again.write().equals(written)) {
            throw new AssertionError("round trip changed the description:\n" + written + "\n---\n" + again.write());
        }
        List<Section> sections = new ArrayList<>();
        sections.add(sdp);
        sections.addAll(sdp.media());
        for (Section section : sections) {
            for (SdpLine line : section.lines()) {
                AttributeType<?> type = line.isAttribute() ? Attributes.typeOf(line.attributeName()) : null;
                if (type != null) {
                    checkTyped(type, line.attributeValue());
                }
            }
            readEveryAccessor(section);
        }
        sdp.origin();
        sdp.timing();
        sdp.bundle();
        sdp.msidSemantic();
    }

    private static <T> void checkTyped(AttributeType<T> type, String value) throws WireFormatException {
        T parsed = type.parse(value);
        String formatted = type.format(parsed);
        T reparsed = type.parse(formatted);
        if (!reparsed.equals(parsed) || !type.format(reparsed).equals(formatted)) {
            throw new AssertionError(type + ": \"" + value + "\" -> \"" + formatted + "\" -> " + reparsed);
        }
    }

    private static void readEveryAccessor(Section s) {
        s.iceUfrag();
        s.icePwd();
        s.iceOptions();
        s.fingerprints();
        s.setup();
        s.extmaps();
        s.candidates();
        if (s instanceof MediaDescription m) {
            m.mediaLine();
            m.connection();
            m.mid();
            m.direction();
            m.rtpmaps();
            m.fmtps();
            m.rtcpFbs();
            m.ssrcs();
            m.ssrcGroups();
            m.msids();
            m.rids();
            m.simulcast();
            m.sctpPort();
            m.maxMessageSize();
        }
    }
}
