package io.parley.sdk.media.ogg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.sdk.media.MediaFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Round-trip fuzz targets of the Ogg container: whatever parses must write back and parse again to
 * the same thing; anything else must fail with a {@link MediaFormatException}, never an unchecked
 * exception. Seeds live in {@code OggFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class OggFuzzTest {

    @FuzzTest
    void page(byte[] data) throws MediaFormatException {
        OggPage page;
        try {
            page = OggPage.parse(data, 0, data.length);
        } catch (MediaFormatException e) {
            return;
        }
        byte[] out = page.toBytes();
        check(Arrays.equals(out, Arrays.copyOf(data, out.length)), "page did not write back", data);
        check(OggPage.parse(out, 0, out.length).equals(page), "page changed", data);
    }

    @FuzzTest
    void packets(byte[] data) throws IOException {
        List<OggPacket> packets = new ArrayList<>();
        try (OggPacketReader r = new OggPacketReader(new ByteArrayInputStream(data))) {
            for (OggPacket p; (p = r.next()) != null; ) {
                packets.add(p);
            }
        } catch (MediaFormatException e) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OggPacketWriter w = new OggPacketWriter(out, 1)) {
            for (OggPacket p : packets) {
                w.writePacket(p.data(), 0, p.data().length, Math.max(0, p.granule()));
            }
        }
        List<OggPacket> again = new ArrayList<>();
        try (OggPacketReader r = new OggPacketReader(new ByteArrayInputStream(out.toByteArray()))) {
            for (OggPacket p; (p = r.next()) != null; ) {
                again.add(p);
            }
        }
        check(again.size() == packets.size(), "packet count changed", data);
        for (int i = 0; i < packets.size(); i++) {
            check(Arrays.equals(again.get(i).data(), packets.get(i).data()), "packet " + i + " changed", data);
        }
    }

    @FuzzTest
    void opusHead(byte[] data) throws MediaFormatException {
        OpusHead head;
        try {
            head = OpusHead.parse(data);
        } catch (MediaFormatException e) {
            return;
        }
        byte[] out = head.toBytes();
        check(OpusHead.parse(out).equals(head), "OpusHead changed", data);
        check(Arrays.equals(Arrays.copyOfRange(out, 10, out.length), Arrays.copyOfRange(data, 10, out.length)),
                "OpusHead fields did not write back", data);
    }

    @FuzzTest
    void opusTags(byte[] data) throws MediaFormatException {
        OpusTags tags;
        try {
            tags = OpusTags.parse(data);
        } catch (MediaFormatException e) {
            return;
        }
        check(OpusTags.parse(tags.toBytes()).equals(tags), "OpusTags changed", data);
    }

    private static void check(boolean ok, String what, byte[] data) {
        if (!ok) {
            throw new AssertionError(what + " for " + io.parley.testkit.Hex.of(data));
        }
    }
}
